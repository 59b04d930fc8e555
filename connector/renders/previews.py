"""The editor's preview: a template rendered at once in the web process, nothing stored, no credit spent."""

from __future__ import annotations

import base64

from connector.runtime.errors import PlatenError, ValidationFailed
from connector.templates.store import validate_template
from renderer import FieldError, InvalidTemplate, OutputError, RendererError, render
from renderer.encode import IMAGE_FORMATS as FORMATS


class PreviewFailed(PlatenError):
    """The template is valid but could not be drawn (an image layer with ``on_error: fail`` whose source failed)."""

    status, code = 422, "render_failed"


def preview(conn, account_id: str, template, fields: dict | None, *, page: int = 0, scale: float = 1.0,
            format: str = "jpeg", brand_id: str | None = None) -> dict:  # noqa: A002
    """Render one page (0-based) of ``template`` as this account would (its fonts and assets, the guarded fetcher
    for other images), without a watermark: a preview is not an output. Returns the API object: the image as a
    data URL, its size, the warnings and every layer's layout in template pixels. Brand tokens draw ``brand_id``'s
    values, else the template's brand's, else the account's default brand's."""
    if format not in FORMATS:
        raise ValidationFailed(f"format: a preview is an image: use png, jpeg or webp (got {format!r}).",
                               details={"path": "format"})
    tpl = conn.brands.branded(account_id, validate_template(template), brand_id, fields=fields)
    pages = len(tpl.pages)
    if not 0 <= page < pages:
        raise ValidationFailed(f"page: this template has {pages} page{'s' * (pages > 1)}: use 0"
                               f"{f' to {pages - 1}' if pages > 1 else ''} (pages count from 0 here).",
                               details={"path": "page"})
    try:
        result = render(tpl, fields or {}, format=format, scale=scale, page=page + 1,
                        load_image=conn.image_loader(account_id), cache=conn.render_cache,
                        fonts=conn.fonts_for(account_id), brand=tpl.brand)
    except (InvalidTemplate, FieldError, OutputError) as exc:
        raise ValidationFailed(exc.message, details={"path": exc.path}) from None
    except RendererError as exc:
        raise PreviewFailed(exc.message, details={"path": exc.path}) from None
    return {"image": f"data:{result.media_type};base64,{base64.b64encode(result.data).decode()}",
            "width": result.width, "height": result.height, "warnings": result.warnings,
            "layers": result.layout[0]}
