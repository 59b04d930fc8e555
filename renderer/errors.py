"""The renderer's errors: one base class, small flat subclasses, each naming the exact place that is wrong."""

from __future__ import annotations


class RendererError(Exception):
    """Base of every error the renderer raises on purpose. ``path`` names the place (``layers[3].font_size``)."""

    code = "render_failed"

    def __init__(self, message: str, path: str = ""):
        self.path = path
        self.reason = message
        super().__init__(f"{path}: {message}" if path else message)

    @property
    def message(self) -> str:
        return str(self)


class InvalidTemplate(RendererError):
    """The template does not follow the template model."""

    code = "invalid_template"


class FieldError(RendererError):
    """A field value given for a render does not fit the template (unknown name, wrong type, bad colour)."""

    code = "invalid_field"

    def __init__(self, message: str, field: str):
        self.field = field
        super().__init__(message, f"fields.{field}")


class ImageSourceError(RendererError):
    """An image layer's source could not be loaded or decoded."""

    code = "image_failed"

    def __init__(self, message: str, layer: str, url: str):
        self.layer = layer
        self.url = url
        super().__init__(f"the image {url!r} could not be used: {message}", f"layer '{layer}'")


class OutputError(RendererError):
    """The requested output (format, quality, scale, page) is not possible."""

    code = "invalid_output"
