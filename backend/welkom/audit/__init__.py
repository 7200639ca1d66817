"""Append-only audit of every read or change of a resident's personal data by someone else."""
