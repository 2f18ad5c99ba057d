"""Scoring our pipeline stages against public evaluation data (``digest eval ...``)."""

from __future__ import annotations

__all__: list[str] = []
