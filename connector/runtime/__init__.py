"""Runtime: what every other package stands on, none of it a workflow.

``settings`` the ``PLATEN_*`` settings (one frozen dataclass); ``errors`` the domain errors, each mapped once to a
status and a code; ``clock`` timestamps and ids; ``logs`` one line per record with its request id; ``embedded`` the
embedded Redis of ``make run`` and the tests (refused where a private one would be wrong); ``outage`` which errors
mean "Redis is down" and the client timeouts; ``records`` the dataclass <-> Redis-hash codec; ``scripts`` Lua
scripts that cost no extra round trip.
"""
