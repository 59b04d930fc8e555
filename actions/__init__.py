"""Thin flask-smorest blueprints for what users do: keys, account, templates, renders, ..."""
