"""Numbered, forward-only migrations.

Each module ``NNNN_name.py`` defines ``upgrade(connection)``; the runner in
``digest.store.migrate`` applies the pending ones in order, each in the same transaction
as the ``schema_migrations`` row that records it.
"""

__all__: list[str] = []
