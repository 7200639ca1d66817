"""Aggregated figures for management, with small cells suppressed."""
