"""Preference store tests: SQLite files and a real PostgreSQL server."""
