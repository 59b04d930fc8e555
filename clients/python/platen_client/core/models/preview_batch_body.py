from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="PreviewBatchBody")


@_attrs_define
class PreviewBatchBody:
    """
    Attributes:
        file (File): A CSV — UTF-8 (with or without BOM), comma, semicolon or tab, quoted newlines — or an Excel
            workbook (.xlsx: the first sheet, or the one named by `sheet`; cells as Excel shows them, dates as YYYY-MM-DD).
            The first row names the columns. At most 20 MB and 10,000 rows. The kind is told by the file's content, not its
            name; any other kind of file (.xls, .ods, .numbers, PDF, image) is a 415 that says what it is.
        template_id (str):
        mapping (str | Unset): JSON: `{"csv column": "field name"}`; a column mapped to `null` or `""` is ignored.
            Example: {"Headline": "title", "title": null}.
        sheet (str | Unset): For an .xlsx: the name of the sheet to read (default: the first sheet).
        limit (int | Unset): How many rows to show, from the first. Default: 5.
    """

    file: File
    template_id: str
    mapping: str | Unset = UNSET
    sheet: str | Unset = UNSET
    limit: int | Unset = 5
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        template_id = self.template_id

        mapping = self.mapping

        sheet = self.sheet

        limit = self.limit

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
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        files.append(("template_id", (None, str(self.template_id).encode(), "text/plain")))

        if not isinstance(self.mapping, Unset):
            files.append(("mapping", (None, str(self.mapping).encode(), "text/plain")))

        if not isinstance(self.sheet, Unset):
            files.append(("sheet", (None, str(self.sheet).encode(), "text/plain")))

        if not isinstance(self.limit, Unset):
            files.append(("limit", (None, str(self.limit).encode(), "text/plain")))

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

        limit = d.pop("limit", UNSET)

        preview_batch_body = cls(
            file=file,
            template_id=template_id,
            mapping=mapping,
            sheet=sheet,
            limit=limit,
        )

        preview_batch_body.additional_properties = d
        return preview_batch_body

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
