"""The generator of the bundled sample's static site (``digest/sample/site``).

Development tooling: ``digest demo`` serves the committed site; only this generator,
its page layouts and its feed writers change it. Run ``python -m tools.sample_site``.
"""
