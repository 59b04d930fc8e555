"""Events: what happened, and what follows from it.

``store`` the events (``render.*``, ``batch.completed``, ``generation.*``) kept for polling triggers;
``outbox`` "finished -> event -> fan-out" in one place, for every render and batch that finishes.
"""
