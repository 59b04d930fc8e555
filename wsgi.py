"""The WSGI entry point: ``gunicorn wsgi:app``."""

from app import create_app
from connector.runtime import embedded
from connector.runtime.settings import Settings

settings = Settings.from_env()
embedded.require(settings, embedded.WEB)   # no private embedded Redis for a web process (gunicorn.conf.py says why)
app = create_app({"SETTINGS": settings})
