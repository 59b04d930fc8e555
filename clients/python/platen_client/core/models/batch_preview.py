from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_preview_source import BatchPreviewSource
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_preview_mapping import BatchPreviewMapping
    from ..models.field import Field
    from ..models.preview_row import PreviewRow


T = TypeVar("T", bound="BatchPreview")


@_attrs_define
class BatchPreview:
    """
    Attributes:
        source (BatchPreviewSource):
        columns (list[str]): The header's column names, in order (an unnamed column is `""`).
        mapping (BatchPreviewMapping): `{column: field}` for every column that fills a field: by name (letter case
            aside) or by `mapping`. Send it back as `mapping` to POST /batches. Example: {'Headline': 'title'}.
        ignored_columns (list[str]): Named columns that fill no field.
        fields (list[Field]): The template's fields, as GET /templates/{id}/fields lists them.
        missing_required (list[str]): Required fields no column fills: every row would draw the template's own value.
        total (int): Rows the batch would have.
        rows (list[PreviewRow]): The first `limit` rows.
        sheet (None | str | Unset): The sheet read (a workbook), or null.
    """

    source: BatchPreviewSource
    columns: list[str]
    mapping: BatchPreviewMapping
    ignored_columns: list[str]
    fields: list[Field]
    missing_required: list[str]
    total: int
    rows: list[PreviewRow]
    sheet: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source.value

        columns = self.columns

        mapping = self.mapping.to_dict()

        ignored_columns = self.ignored_columns

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)

        missing_required = self.missing_required

        total = self.total

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        sheet: None | str | Unset
        if isinstance(self.sheet, Unset):
            sheet = UNSET
        else:
            sheet = self.sheet

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "columns": columns,
                "mapping": mapping,
                "ignored_columns": ignored_columns,
                "fields": fields,
                "missing_required": missing_required,
                "total": total,
                "rows": rows,
            }
        )
        if sheet is not UNSET:
            field_dict["sheet"] = sheet

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.batch_preview_mapping import BatchPreviewMapping
        from ..models.field import Field
        from ..models.preview_row import PreviewRow

        d = dict(src_dict)
        source = BatchPreviewSource(d.pop("source"))

        columns = cast(list[str], d.pop("columns"))

        mapping = BatchPreviewMapping.from_dict(d.pop("mapping"))

        ignored_columns = cast(list[str], d.pop("ignored_columns"))

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = Field.from_dict(fields_item_data)

            fields.append(fields_item)

        missing_required = cast(list[str], d.pop("missing_required"))

        total = d.pop("total")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = PreviewRow.from_dict(rows_item_data)

            rows.append(rows_item)

        def _parse_sheet(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sheet = _parse_sheet(d.pop("sheet", UNSET))

        batch_preview = cls(
            source=source,
            columns=columns,
            mapping=mapping,
            ignored_columns=ignored_columns,
            fields=fields,
            missing_required=missing_required,
            total=total,
            rows=rows,
            sheet=sheet,
        )

        batch_preview.additional_properties = d
        return batch_preview

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
