"""Batches: many rows, one render each, and ``batch.completed`` once every row is done.

``record`` the batch as stored and its rows' render ids; ``store`` creating, counting rows done, cancelling;
``chunks`` its chunk jobs, watched; ``expanding`` the worker's part (rows made into renders a chunk at a time);
``uploads`` an uploaded file told by its bytes; ``csvrows`` and ``xlsxrows`` rows from CSV and Excel; ``results``
``results.csv`` and the ZIP of images.
"""
