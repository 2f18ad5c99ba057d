"""Development tooling, kept out of the ``digest`` package and the wheel."""
