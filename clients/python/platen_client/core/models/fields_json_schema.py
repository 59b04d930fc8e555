from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.fields_json_schema_type import FieldsJsonSchemaType

if TYPE_CHECKING:
    from ..models.fields_json_schema_properties import FieldsJsonSchemaProperties


T = TypeVar("T", bound="FieldsJsonSchema")


@_attrs_define
class FieldsJsonSchema:
    """
    Attributes:
        schema (str):  Example: https://json-schema.org/draft/2020-12/schema.
        type_ (FieldsJsonSchemaType):
        title (str):
        properties (FieldsJsonSchemaProperties): One JSON Schema per field, by name: `title`, `description`, `type`, and
            `default`, `enum`, `pattern`, `format`, `minimum`, `maximum` or `maxLength` where they apply.
        required (list[str]):
    """

    schema: str
    type_: FieldsJsonSchemaType
    title: str
    properties: FieldsJsonSchemaProperties
    required: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        schema = self.schema

        type_ = self.type_.value

        title = self.title

        properties = self.properties.to_dict()

        required = self.required

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "$schema": schema,
                "type": type_,
                "title": title,
                "properties": properties,
                "required": required,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.fields_json_schema_properties import FieldsJsonSchemaProperties

        d = dict(src_dict)
        schema = d.pop("$schema")

        type_ = FieldsJsonSchemaType(d.pop("type"))

        title = d.pop("title")

        properties = FieldsJsonSchemaProperties.from_dict(d.pop("properties"))

        required = cast(list[str], d.pop("required"))

        fields_json_schema = cls(
            schema=schema,
            type_=type_,
            title=title,
            properties=properties,
            required=required,
        )

        fields_json_schema.additional_properties = d
        return fields_json_schema

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
