from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.create_batch_files_body_format import CreateBatchFilesBodyFormat
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="CreateBatchFilesBody")


@_attrs_define
class CreateBatchFilesBody:
    """
    Attributes:
        file (File): A CSV — UTF-8 (with or without BOM), comma, semicolon or tab, quoted newlines — or an Excel
            workbook (.xlsx: the first sheet, or the one named by `sheet`; cells as Excel shows them, dates as YYYY-MM-DD).
            The first row names the columns. At most 20 MB and 10,000 rows. The kind is told by the file's content, not its
            name; any other kind of file (.xls, .ods, .numbers, PDF, image) is a 415 that says what it is.
        template_id (str):
        mapping (str | Unset): JSON: `{"csv column": "field name"}`; a column mapped to `null` or `""` is ignored.
            Example: {"Headline": "title", "Photo URL": "photo"}.
        sheet (str | Unset): For an .xlsx: the name of the sheet to read (default: the first sheet).
        format_ (CreateBatchFilesBodyFormat | Unset):  Default: CreateBatchFilesBodyFormat.PNG.
        quality (int | Unset):
        scale (float | Unset):  Default: 1.0.
        webhook_url (str | Unset):
        metadata (str | Unset): A JSON object, echoed back.
    """

    file: File
    template_id: str
    mapping: str | Unset = UNSET
    sheet: str | Unset = UNSET
    format_: CreateBatchFilesBodyFormat | Unset = CreateBatchFilesBodyFormat.PNG
    quality: int | Unset = UNSET
    scale: float | Unset = 1.0
    webhook_url: str | Unset = UNSET
    metadata: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        template_id = self.template_id

        mapping = self.mapping

        sheet = self.sheet

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        quality = self.quality

        scale = self.scale

        webhook_url = self.webhook_url

        metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
                "template_id": template_id,
            }
        )
        if mapping is not UNSET:
            field_dict["mapping"] = mapping
        if sheet is not UNSET:
            field_dict["sheet"] = sheet
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

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        files.append(("template_id", (None, str(self.template_id).encode(), "text/plain")))

        if not isinstance(self.mapping, Unset):
            files.append(("mapping", (None, str(self.mapping).encode(), "text/plain")))

        if not isinstance(self.sheet, Unset):
            files.append(("sheet", (None, str(self.sheet).encode(), "text/plain")))

        if not isinstance(self.format_, Unset):
            files.append(("format", (None, str(self.format_.value).encode(), "text/plain")))

        if not isinstance(self.quality, Unset):
            files.append(("quality", (None, str(self.quality).encode(), "text/plain")))

        if not isinstance(self.scale, Unset):
            files.append(("scale", (None, str(self.scale).encode(), "text/plain")))

        if not isinstance(self.webhook_url, Unset):
            files.append(("webhook_url", (None, str(self.webhook_url).encode(), "text/plain")))

        if not isinstance(self.metadata, Unset):
            files.append(("metadata", (None, str(self.metadata).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        template_id = d.pop("template_id")

        mapping = d.pop("mapping", UNSET)

        sheet = d.pop("sheet", UNSET)

        _format_ = d.pop("format", UNSET)
        format_: CreateBatchFilesBodyFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = CreateBatchFilesBodyFormat(_format_)

        quality = d.pop("quality", UNSET)

        scale = d.pop("scale", UNSET)

        webhook_url = d.pop("webhook_url", UNSET)

        metadata = d.pop("metadata", UNSET)

        create_batch_files_body = cls(
            file=file,
            template_id=template_id,
            mapping=mapping,
            sheet=sheet,
            format_=format_,
            quality=quality,
            scale=scale,
            webhook_url=webhook_url,
            metadata=metadata,
        )

        create_batch_files_body.additional_properties = d
        return create_batch_files_body

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
