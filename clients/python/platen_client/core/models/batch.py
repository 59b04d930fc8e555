from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_mode import BatchMode
from ..models.batch_status import BatchStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_metadata_type_0 import BatchMetadataType0


T = TypeVar("T", bound="Batch")


@_attrs_define
class Batch:
    """
    Attributes:
        id (str):  Example: bat_0mhq3k2x1a2b3c4d5e6f7g8h.
        status (BatchStatus):
        template_id (str):
        template_version (int): Every row renders this version.
        format_ (str):
        scale (float):
        total (int): Rows in the batch.
        completed (int): Rows rendered.
        failed (int): Rows that failed (each render says why).
        ignored_columns (list[str]): Columns of the CSV or sheet that matched no field (empty for JSON rows).
        results_url (str): results.csv without a key (signed; works at any time).
        archive_url (str): archive.zip without a key (signed; 409 until the batch is completed).
        created_at (str):
        metadata (BatchMetadataType0 | None | Unset):
        brand_id (None | str | Unset): The brand its rows draw, when it named one.
        completed_at (None | str | Unset):
        cancelled_at (None | str | Unset): When it was cancelled, if it was.
        mode (BatchMode | Unset): The mode of the key that made it: test keys' renders are watermarked, free, and heard
            only by test keys' triggers and hooks.
    """

    id: str
    status: BatchStatus
    template_id: str
    template_version: int
    format_: str
    scale: float
    total: int
    completed: int
    failed: int
    ignored_columns: list[str]
    results_url: str
    archive_url: str
    created_at: str
    metadata: BatchMetadataType0 | None | Unset = UNSET
    brand_id: None | str | Unset = UNSET
    completed_at: None | str | Unset = UNSET
    cancelled_at: None | str | Unset = UNSET
    mode: BatchMode | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_metadata_type_0 import BatchMetadataType0

        id = self.id

        status = self.status.value

        template_id = self.template_id

        template_version = self.template_version

        format_ = self.format_

        scale = self.scale

        total = self.total

        completed = self.completed

        failed = self.failed

        ignored_columns = self.ignored_columns

        results_url = self.results_url

        archive_url = self.archive_url

        created_at = self.created_at

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, BatchMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        brand_id: None | str | Unset
        if isinstance(self.brand_id, Unset):
            brand_id = UNSET
        else:
            brand_id = self.brand_id

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

        cancelled_at: None | str | Unset
        if isinstance(self.cancelled_at, Unset):
            cancelled_at = UNSET
        else:
            cancelled_at = self.cancelled_at

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "template_id": template_id,
                "template_version": template_version,
                "format": format_,
                "scale": scale,
                "total": total,
                "completed": completed,
                "failed": failed,
                "ignored_columns": ignored_columns,
                "results_url": results_url,
                "archive_url": archive_url,
                "created_at": created_at,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if brand_id is not UNSET:
            field_dict["brand_id"] = brand_id
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if cancelled_at is not UNSET:
            field_dict["cancelled_at"] = cancelled_at
        if mode is not UNSET:
            field_dict["mode"] = mode

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.batch_metadata_type_0 import BatchMetadataType0

        d = dict(src_dict)
        id = d.pop("id")

        status = BatchStatus(d.pop("status"))

        template_id = d.pop("template_id")

        template_version = d.pop("template_version")

        format_ = d.pop("format")

        scale = d.pop("scale")

        total = d.pop("total")

        completed = d.pop("completed")

        failed = d.pop("failed")

        ignored_columns = cast(list[str], d.pop("ignored_columns"))

        results_url = d.pop("results_url")

        archive_url = d.pop("archive_url")

        created_at = d.pop("created_at")

        def _parse_metadata(data: object) -> BatchMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = BatchMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BatchMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_brand_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        brand_id = _parse_brand_id(d.pop("brand_id", UNSET))

        def _parse_completed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_cancelled_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at", UNSET))

        _mode = d.pop("mode", UNSET)
        mode: BatchMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = BatchMode(_mode)

        batch = cls(
            id=id,
            status=status,
            template_id=template_id,
            template_version=template_version,
            format_=format_,
            scale=scale,
            total=total,
            completed=completed,
            failed=failed,
            ignored_columns=ignored_columns,
            results_url=results_url,
            archive_url=archive_url,
            created_at=created_at,
            metadata=metadata,
            brand_id=brand_id,
            completed_at=completed_at,
            cancelled_at=cancelled_at,
            mode=mode,
        )

        batch.additional_properties = d
        return batch

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
