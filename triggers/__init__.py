"""Thin blueprints for what users subscribe to: polling triggers and REST-hook subscriptions."""
