from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.preview_row_fields import PreviewRowFields


T = TypeVar("T", bound="PreviewRow")


@_attrs_define
class PreviewRow:
    """
    Attributes:
        row (int): 1 = the first row under the header (blank lines not counted), as `metadata.row` of a render.
        cells (list[str]): The row's cells, in column order.
        fields (PreviewRowFields): The field values this row would render with: `{field: value}`. An empty cell is left
            out (the field keeps the template's default).
        error (None | str | Unset): Why this row would fail alone (a line with more cells than the header), or null.
    """

    row: int
    cells: list[str]
    fields: PreviewRowFields
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        row = self.row

        cells = self.cells

        fields = self.fields.to_dict()

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "row": row,
                "cells": cells,
                "fields": fields,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.preview_row_fields import PreviewRowFields

        d = dict(src_dict)
        row = d.pop("row")

        cells = cast(list[str], d.pop("cells"))

        fields = PreviewRowFields.from_dict(d.pop("fields"))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        preview_row = cls(
            row=row,
            cells=cells,
            fields=fields,
            error=error,
        )

        preview_row.additional_properties = d
        return preview_row

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
