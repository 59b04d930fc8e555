"""Reading an uploaded file (fonts, assets): a multipart form's ``file``, or the file itself as the body."""

from __future__ import annotations

from functools import wraps

from flask import g, request

from connector.runtime.errors import ValidationFailed

from .common import fingerprint_form

MULTIPART_SLACK = 64 * 1024   # boundaries and part headers around the file itself


def takes_upload(max_bytes, raw_types: tuple[str, ...], missing: str, sniff=None):
    """Read the upload before anything else reads the body, into ``g.upload`` as ``(filename, data)``: with
    ``max_bytes()`` (the kind's own limit) instead of the API's smaller one, and, for a multipart form, with the
    Idempotency-Key fingerprint taken from the file rather than from the random boundary each retry of a client
    picks. A raw body is taken when its Content-Type is one of ``raw_types``, or when it comes without one
    (`curl --data-binary` says it sends a form) and ``sniff(data)`` recognises it. ``missing`` says what to send
    when there is no file."""

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            request.max_content_length = max_bytes() + MULTIPART_SLACK
            if request.mimetype == "multipart/form-data":
                upload = request.files.get("file")
                if upload is None:
                    raise missing_file(missing)
                filename, data = upload.filename or "", upload.read()
                fingerprint_form(filename.encode(), data)
            elif request.mimetype in raw_types or (sniff is not None and _sent_as_plain_data(sniff)):
                filename, data = request.args.get("filename", ""), request.get_data(cache=True)
            else:
                raise missing_file(missing)
            if not data:
                raise missing_file("is empty: the file sent has no bytes.")
            g.upload = (filename, data)
            return view(*args, **kwargs)

        return wrapper

    return decorator


def _sent_as_plain_data(sniff) -> bool:
    """`curl --data-binary @file` without a Content-Type says it is a form; the bytes say what they are."""
    return request.mimetype in ("", "application/x-www-form-urlencoded") and sniff(request.get_data(cache=True))


def missing_file(problem: str) -> ValidationFailed:
    return ValidationFailed(f"file: {problem}", details={"fields": {"file": [problem]}})
