"""The renderer: template model, fonts, layout, drawing and encoders (no I/O, no service)."""

from .cache import NoCache, RenderCache
from .errors import FieldError, ImageSourceError, InvalidTemplate, OutputError, RendererError
from .fields import Field, apply_fields, canonical_fields, field_key, template_fields
from .render import Rendered, render
from .template import Template

__all__ = ["Field", "FieldError", "ImageSourceError", "InvalidTemplate", "NoCache", "OutputError", "RenderCache",
           "Rendered", "RendererError", "Template", "apply_fields", "canonical_fields", "field_key", "render",
           "template_fields"]
