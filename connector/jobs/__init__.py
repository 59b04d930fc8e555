"""Jobs: the work done outside requests, and keeping it from being lost.

``functions`` what RQ workers run, bound to one Connector per process; ``queues`` names, the JSON serializer and
who works them; ``worker`` the worker process (``python -m connector.jobs.worker``); ``lean`` RQ's SimpleWorker in
fewer round trips; ``watched`` the one mechanism for jobs with a deadline on Redis's clock; ``reconciler`` queues
again (or fails) watched jobs whose worker died.
"""
