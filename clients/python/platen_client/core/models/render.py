from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.render_mode import RenderMode
from ..models.render_status import RenderStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.render_error_type_0 import RenderErrorType0
    from ..models.render_metadata_type_0 import RenderMetadataType0
    from ..models.warning import Warning_


T = TypeVar("T", bound="Render")


@_attrs_define
class Render:
    """
    Attributes:
        id (str):  Example: rnd_0mhq3k2x1a2b3c4d5e6f7g8h.
        status (RenderStatus):
        format_ (str):
        cached (bool): Served from the cache: no credit used.
        warnings (list[Warning_]):
        created_at (str):
        template_id (None | str | Unset):
        template_version (int | None | Unset):
        width (int | None | Unset):
        height (int | None | Unset):
        size_bytes (int | None | Unset):
        url (None | str | Unset): Absolute, no key needed, kept for the retention period.
        page_urls (list[str] | Unset): Every page of a multi-page image render.
        metadata (None | RenderMetadataType0 | Unset):
        batch_id (None | str | Unset):
        error (None | RenderErrorType0 | Unset):
        completed_at (None | str | Unset):
        duration_ms (int | None | Unset):
        mode (RenderMode | Unset): The mode of the key that made it: test keys' renders are watermarked, free, and heard
            only by test keys' triggers and hooks.
        base64 (str | Unset): With `output: base64`: the file's bytes, base64-encoded.
    """

    id: str
    status: RenderStatus
    format_: str
    cached: bool
    warnings: list[Warning_]
    created_at: str
    template_id: None | str | Unset = UNSET
    template_version: int | None | Unset = UNSET
    width: int | None | Unset = UNSET
    height: int | None | Unset = UNSET
    size_bytes: int | None | Unset = UNSET
    url: None | str | Unset = UNSET
    page_urls: list[str] | Unset = UNSET
    metadata: None | RenderMetadataType0 | Unset = UNSET
    batch_id: None | str | Unset = UNSET
    error: None | RenderErrorType0 | Unset = UNSET
    completed_at: None | str | Unset = UNSET
    duration_ms: int | None | Unset = UNSET
    mode: RenderMode | Unset = UNSET
    base64: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.render_error_type_0 import RenderErrorType0
        from ..models.render_metadata_type_0 import RenderMetadataType0

        id = self.id

        status = self.status.value

        format_ = self.format_

        cached = self.cached

        warnings = []
        for warnings_item_data in self.warnings:
            warnings_item = warnings_item_data.to_dict()
            warnings.append(warnings_item)

        created_at = self.created_at

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        else:
            template_id = self.template_id

        template_version: int | None | Unset
        if isinstance(self.template_version, Unset):
            template_version = UNSET
        else:
            template_version = self.template_version

        width: int | None | Unset
        if isinstance(self.width, Unset):
            width = UNSET
        else:
            width = self.width

        height: int | None | Unset
        if isinstance(self.height, Unset):
            height = UNSET
        else:
            height = self.height

        size_bytes: int | None | Unset
        if isinstance(self.size_bytes, Unset):
            size_bytes = UNSET
        else:
            size_bytes = self.size_bytes

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        page_urls: list[str] | Unset = UNSET
        if not isinstance(self.page_urls, Unset):
            page_urls = self.page_urls

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, RenderMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        batch_id: None | str | Unset
        if isinstance(self.batch_id, Unset):
            batch_id = UNSET
        else:
            batch_id = self.batch_id

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, RenderErrorType0):
            error = self.error.to_dict()
        else:
            error = self.error

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

        duration_ms: int | None | Unset
        if isinstance(self.duration_ms, Unset):
            duration_ms = UNSET
        else:
            duration_ms = self.duration_ms

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        base64 = self.base64

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "format": format_,
                "cached": cached,
                "warnings": warnings,
                "created_at": created_at,
            }
        )
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if template_version is not UNSET:
            field_dict["template_version"] = template_version
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height
        if size_bytes is not UNSET:
            field_dict["size_bytes"] = size_bytes
        if url is not UNSET:
            field_dict["url"] = url
        if page_urls is not UNSET:
            field_dict["page_urls"] = page_urls
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if batch_id is not UNSET:
            field_dict["batch_id"] = batch_id
        if error is not UNSET:
            field_dict["error"] = error
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if duration_ms is not UNSET:
            field_dict["duration_ms"] = duration_ms
        if mode is not UNSET:
            field_dict["mode"] = mode
        if base64 is not UNSET:
            field_dict["base64"] = base64

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.render_error_type_0 import RenderErrorType0
        from ..models.render_metadata_type_0 import RenderMetadataType0
        from ..models.warning import Warning_

        d = dict(src_dict)
        id = d.pop("id")

        status = RenderStatus(d.pop("status"))

        format_ = d.pop("format")

        cached = d.pop("cached")

        warnings = []
        _warnings = d.pop("warnings")
        for warnings_item_data in _warnings:
            warnings_item = Warning_.from_dict(warnings_item_data)

            warnings.append(warnings_item)

        created_at = d.pop("created_at")

        def _parse_template_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        template_id = _parse_template_id(d.pop("template_id", UNSET))

        def _parse_template_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        template_version = _parse_template_version(d.pop("template_version", UNSET))

        def _parse_width(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        width = _parse_width(d.pop("width", UNSET))

        def _parse_height(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        height = _parse_height(d.pop("height", UNSET))

        def _parse_size_bytes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        size_bytes = _parse_size_bytes(d.pop("size_bytes", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        page_urls = cast(list[str], d.pop("page_urls", UNSET))

        def _parse_metadata(data: object) -> None | RenderMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = RenderMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RenderMetadataType0 | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_batch_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        batch_id = _parse_batch_id(d.pop("batch_id", UNSET))

        def _parse_error(data: object) -> None | RenderErrorType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_render_error_type_0 = RenderErrorType0.from_dict(data)

                return componentsschemas_render_error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RenderErrorType0 | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_completed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_duration_ms(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_ms = _parse_duration_ms(d.pop("duration_ms", UNSET))

        _mode = d.pop("mode", UNSET)
        mode: RenderMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = RenderMode(_mode)

        base64 = d.pop("base64", UNSET)

        render = cls(
            id=id,
            status=status,
            format_=format_,
            cached=cached,
            warnings=warnings,
            created_at=created_at,
            template_id=template_id,
            template_version=template_version,
            width=width,
            height=height,
            size_bytes=size_bytes,
            url=url,
            page_urls=page_urls,
            metadata=metadata,
            batch_id=batch_id,
            error=error,
            completed_at=completed_at,
            duration_ms=duration_ms,
            mode=mode,
            base64=base64,
        )

        render.additional_properties = d
        return render

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
