from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.batch_create_format import BatchCreateFormat
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_create_metadata import BatchCreateMetadata


T = TypeVar("T", bound="BatchCreate")


@_attrs_define
class BatchCreate:
    """
    Attributes:
        template_id (str):  Example: tpl_0mhq3k2x1a2b3c4d5e6f7g8h.
        rows (list[Any]): One object of field values per render, as `fields` of POST /renders (a row that is not an
            object fails alone). Example: [{'title': 'First'}, {'title': 'Second', 'title.color': '#ff0055'}].
        format_ (BatchCreateFormat | Unset): png, jpeg (jpg), webp or pdf; letter case does not matter. Default:
            BatchCreateFormat.PNG.
        quality (int | Unset): JPEG/WebP quality; for a PDF, JPEG page images at this quality (without it: lossless).
        scale (float | Unset): 2 renders every row at twice the size (retina). Default: 1.0.
        webhook_url (str | Unset): Called (signed, like hooks) with `batch.completed` when every row is done.
        metadata (BatchCreateMetadata | Unset): Echoed back on the batch and its event; at most 4 KB.
        brand_id (None | str | Unset): The brand (`brd_…`) whose values the template's `@brand.…` tokens draw in every
            row; default: the template's `brand_id`, else the account's default brand. Not one of yours: a 422.
    """

    template_id: str
    rows: list[Any]
    format_: BatchCreateFormat | Unset = BatchCreateFormat.PNG
    quality: int | Unset = UNSET
    scale: float | Unset = 1.0
    webhook_url: str | Unset = UNSET
    metadata: BatchCreateMetadata | Unset = UNSET
    brand_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        template_id = self.template_id

        rows = self.rows

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        quality = self.quality

        scale = self.scale

        webhook_url = self.webhook_url

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        brand_id: None | str | Unset
        if isinstance(self.brand_id, Unset):
            brand_id = UNSET
        else:
            brand_id = self.brand_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "template_id": template_id,
                "rows": rows,
            }
        )
        if format_ is not UNSET:
            field_dict["format"] = format_
        if quality is not UNSET:
            field_dict["quality"] = quality
        if scale is not UNSET:
            field_dict["scale"] = scale
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if brand_id is not UNSET:
            field_dict["brand_id"] = brand_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.batch_create_metadata import BatchCreateMetadata

        d = dict(src_dict)
        template_id = d.pop("template_id")

        rows = cast(list[Any], d.pop("rows"))

        _format_ = d.pop("format", UNSET)
        format_: BatchCreateFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = BatchCreateFormat(_format_)

        quality = d.pop("quality", UNSET)

        scale = d.pop("scale", UNSET)

        webhook_url = d.pop("webhook_url", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: BatchCreateMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = BatchCreateMetadata.from_dict(_metadata)

        def _parse_brand_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        brand_id = _parse_brand_id(d.pop("brand_id", UNSET))

        batch_create = cls(
            template_id=template_id,
            rows=rows,
            format_=format_,
            quality=quality,
            scale=scale,
            webhook_url=webhook_url,
            metadata=metadata,
            brand_id=brand_id,
        )

        return batch_create
