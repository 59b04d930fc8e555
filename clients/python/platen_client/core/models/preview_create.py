from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.preview_create_format import PreviewCreateFormat
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.preview_create_fields import PreviewCreateFields
    from ..models.preview_create_template import PreviewCreateTemplate


T = TypeVar("T", bound="PreviewCreate")


@_attrs_define
class PreviewCreate:
    """
    Attributes:
        template (PreviewCreateTemplate): The whole template, as for POST /templates (it need not be saved). A problem
            is a 422 whose `details.path` names the property (`layers[2].font_size`).
        fields (PreviewCreateFields | Unset): Field values, as for a render: `{"title": "Hi", "title.color":
            "#ff0055"}`. Example: {'title': 'Hello'}.
        page (int | Unset): Which page of a multi-page template, counted from 0. Default: 0. Example: 0.
        brand_id (None | str | Unset): The brand (`brd_…`) whose values the template's `@brand.…` tokens draw (an editor
            switches the preview between brands with it); default: the template's `brand_id`, else the account's default
            brand. Not one of yours: a 422. Example: brd_0mhq3k2x1a2b3c4d5e6f7g8h.
        scale (float | Unset): 0.1 to 4: the image's pixels per template pixel (boxes in `layers` stay in template
            pixels). Default: 1.0. Example: 1.
        format_ (PreviewCreateFormat | Unset): png, jpeg (jpg) or webp (a preview is an image: pdf is a 422). Default:
            PreviewCreateFormat.JPEG.
    """

    template: PreviewCreateTemplate
    fields: PreviewCreateFields | Unset = UNSET
    page: int | Unset = 0
    brand_id: None | str | Unset = UNSET
    scale: float | Unset = 1.0
    format_: PreviewCreateFormat | Unset = PreviewCreateFormat.JPEG

    def to_dict(self) -> dict[str, Any]:
        template = self.template.to_dict()

        fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields.to_dict()

        page = self.page

        brand_id: None | str | Unset
        if isinstance(self.brand_id, Unset):
            brand_id = UNSET
        else:
            brand_id = self.brand_id

        scale = self.scale

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "template": template,
            }
        )
        if fields is not UNSET:
            field_dict["fields"] = fields
        if page is not UNSET:
            field_dict["page"] = page
        if brand_id is not UNSET:
            field_dict["brand_id"] = brand_id
        if scale is not UNSET:
            field_dict["scale"] = scale
        if format_ is not UNSET:
            field_dict["format"] = format_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.preview_create_fields import PreviewCreateFields
        from ..models.preview_create_template import PreviewCreateTemplate

        d = dict(src_dict)
        template = PreviewCreateTemplate.from_dict(d.pop("template"))

        _fields = d.pop("fields", UNSET)
        fields: PreviewCreateFields | Unset
        if isinstance(_fields, Unset):
            fields = UNSET
        else:
            fields = PreviewCreateFields.from_dict(_fields)

        page = d.pop("page", UNSET)

        def _parse_brand_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        brand_id = _parse_brand_id(d.pop("brand_id", UNSET))

        scale = d.pop("scale", UNSET)

        _format_ = d.pop("format", UNSET)
        format_: PreviewCreateFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = PreviewCreateFormat(_format_)

        preview_create = cls(
            template=template,
            fields=fields,
            page=page,
            brand_id=brand_id,
            scale=scale,
            format_=format_,
        )

        return preview_create
