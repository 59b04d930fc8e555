"""Batches: the record and store, expanding rows, CSV/XLSX reading and the results files."""
