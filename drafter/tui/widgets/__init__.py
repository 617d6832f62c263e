"""Widgets of the report editor; each sees domain objects only."""
