"""Jobs: queues, the functions workers run, the worker process and the reconciler."""
