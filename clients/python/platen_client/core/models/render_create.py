from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.render_create_format import RenderCreateFormat
from ..models.render_create_output import RenderCreateOutput
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.render_create_fields import RenderCreateFields
    from ..models.render_create_metadata import RenderCreateMetadata
    from ..models.render_create_template import RenderCreateTemplate


T = TypeVar("T", bound="RenderCreate")


@_attrs_define
class RenderCreate:
    """
    Attributes:
        template_id (str | Unset):  Example: tpl_0mhq3k2x1a2b3c4d5e6f7g8h.
        template (RenderCreateTemplate | Unset): An inline template (same shape as POST /templates).
        fields (RenderCreateFields | Unset): Field values: `{"title": "Hi", "title.color": "#ff0055", "subtitle":
            {"font_size": 30}}` — names from GET /templates/{id}/fields. Example: {'title': 'Hello', 'title.color':
            '#ff0055'}.
        format_ (RenderCreateFormat | Unset): png, jpeg (jpg), webp or pdf; letter case does not matter. Default:
            RenderCreateFormat.PNG.
        quality (int | Unset): JPEG/WebP quality; for a PDF, JPEG page images at this quality (without it: lossless).
        brand_id (None | str | Unset): The brand (`brd_…`) whose values the template's `@brand.…` tokens draw; default:
            the template's `brand_id`, else the account's default brand. Not one of yours: a 422. Example:
            brd_0mhq3k2x1a2b3c4d5e6f7g8h.
        template_version (int | Unset): Render this saved version of `template_id` (GET /templates/{id}/versions);
            default the latest. A version the template never had is a 404.
        output (RenderCreateOutput | Unset): `url`: the render object with a hosted `url`; `base64`: plus a `base64`
            property; `binary`: the image bytes themselves. Default: RenderCreateOutput.URL.
        wait (bool | Unset): Wait up to `timeout` seconds for the result (201); `false` answers 202 at once. Default:
            True.
        timeout (float | Unset): Seconds. Default: 25.0.
        scale (float | Unset): 2 renders at twice the size (retina). Default: 1.0.
        page (int | Unset): One page of a multi-page template (1-based).
        webhook_url (str | Unset): Called (signed, like hooks) when this render completes or fails.
        metadata (RenderCreateMetadata | Unset): Echoed back on the render and its events; at most 4 KB.
    """

    template_id: str | Unset = UNSET
    template: RenderCreateTemplate | Unset = UNSET
    fields: RenderCreateFields | Unset = UNSET
    format_: RenderCreateFormat | Unset = RenderCreateFormat.PNG
    quality: int | Unset = UNSET
    brand_id: None | str | Unset = UNSET
    template_version: int | Unset = UNSET
    output: RenderCreateOutput | Unset = RenderCreateOutput.URL
    wait: bool | Unset = True
    timeout: float | Unset = 25.0
    scale: float | Unset = 1.0
    page: int | Unset = UNSET
    webhook_url: str | Unset = UNSET
    metadata: RenderCreateMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        template_id = self.template_id

        template: dict[str, Any] | Unset = UNSET
        if not isinstance(self.template, Unset):
            template = self.template.to_dict()

        fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields.to_dict()

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        quality = self.quality

        brand_id: None | str | Unset
        if isinstance(self.brand_id, Unset):
            brand_id = UNSET
        else:
            brand_id = self.brand_id

        template_version = self.template_version

        output: str | Unset = UNSET
        if not isinstance(self.output, Unset):
            output = self.output.value

        wait = self.wait

        timeout = self.timeout

        scale = self.scale

        page = self.page

        webhook_url = self.webhook_url

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if template is not UNSET:
            field_dict["template"] = template
        if fields is not UNSET:
            field_dict["fields"] = fields
        if format_ is not UNSET:
            field_dict["format"] = format_
        if quality is not UNSET:
            field_dict["quality"] = quality
        if brand_id is not UNSET:
            field_dict["brand_id"] = brand_id
        if template_version is not UNSET:
            field_dict["template_version"] = template_version
        if output is not UNSET:
            field_dict["output"] = output
        if wait is not UNSET:
            field_dict["wait"] = wait
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if scale is not UNSET:
            field_dict["scale"] = scale
        if page is not UNSET:
            field_dict["page"] = page
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.render_create_fields import RenderCreateFields
        from ..models.render_create_metadata import RenderCreateMetadata
        from ..models.render_create_template import RenderCreateTemplate

        d = dict(src_dict)
        template_id = d.pop("template_id", UNSET)

        _template = d.pop("template", UNSET)
        template: RenderCreateTemplate | Unset
        if isinstance(_template, Unset):
            template = UNSET
        else:
            template = RenderCreateTemplate.from_dict(_template)

        _fields = d.pop("fields", UNSET)
        fields: RenderCreateFields | Unset
        if isinstance(_fields, Unset):
            fields = UNSET
        else:
            fields = RenderCreateFields.from_dict(_fields)

        _format_ = d.pop("format", UNSET)
        format_: RenderCreateFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = RenderCreateFormat(_format_)

        quality = d.pop("quality", UNSET)

        def _parse_brand_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        brand_id = _parse_brand_id(d.pop("brand_id", UNSET))

        template_version = d.pop("template_version", UNSET)

        _output = d.pop("output", UNSET)
        output: RenderCreateOutput | Unset
        if isinstance(_output, Unset):
            output = UNSET
        else:
            output = RenderCreateOutput(_output)

        wait = d.pop("wait", UNSET)

        timeout = d.pop("timeout", UNSET)

        scale = d.pop("scale", UNSET)

        page = d.pop("page", UNSET)

        webhook_url = d.pop("webhook_url", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: RenderCreateMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = RenderCreateMetadata.from_dict(_metadata)

        render_create = cls(
            template_id=template_id,
            template=template,
            fields=fields,
            format_=format_,
            quality=quality,
            brand_id=brand_id,
            template_version=template_version,
            output=output,
            wait=wait,
            timeout=timeout,
            scale=scale,
            page=page,
            webhook_url=webhook_url,
            metadata=metadata,
        )

        render_create.additional_properties = d
        return render_create

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
