from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.field_type import FieldType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Field")


@_attrs_define
class Field:
    """
    Attributes:
        name (str):  Example: title.color.
        type_ (FieldType):
        label (str):
        required (bool):
        help_ (str):
        layer (str):
        property_ (str): The layer property the field sets.
        default (Any | Unset):
        choices (list[str] | Unset): Only for `select` fields.
    """

    name: str
    type_: FieldType
    label: str
    required: bool
    help_: str
    layer: str
    property_: str
    default: Any | Unset = UNSET
    choices: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_.value

        label = self.label

        required = self.required

        help_ = self.help_

        layer = self.layer

        property_ = self.property_

        default = self.default

        choices: list[str] | Unset = UNSET
        if not isinstance(self.choices, Unset):
            choices = self.choices

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "type": type_,
                "label": label,
                "required": required,
                "help": help_,
                "layer": layer,
                "property": property_,
            }
        )
        if default is not UNSET:
            field_dict["default"] = default
        if choices is not UNSET:
            field_dict["choices"] = choices

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        type_ = FieldType(d.pop("type"))

        label = d.pop("label")

        required = d.pop("required")

        help_ = d.pop("help")

        layer = d.pop("layer")

        property_ = d.pop("property")

        default = d.pop("default", UNSET)

        choices = cast(list[str], d.pop("choices", UNSET))

        field = cls(
            name=name,
            type_=type_,
            label=label,
            required=required,
            help_=help_,
            layer=layer,
            property_=property_,
            default=default,
            choices=choices,
        )

        field.additional_properties = d
        return field

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
