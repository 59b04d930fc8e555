from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.n8n_field_type import N8NFieldType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.n8n_option import N8NOption


T = TypeVar("T", bound="N8NField")


@_attrs_define
class N8NField:
    """
    Attributes:
        id (str):  Example: title.color.
        display_name (str):
        required (bool):
        default_match (bool):
        can_be_used_to_match (bool):
        display (bool):
        type_ (N8NFieldType):
        options (list[N8NOption] | Unset): Only for `options`.
    """

    id: str
    display_name: str
    required: bool
    default_match: bool
    can_be_used_to_match: bool
    display: bool
    type_: N8NFieldType
    options: list[N8NOption] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        display_name = self.display_name

        required = self.required

        default_match = self.default_match

        can_be_used_to_match = self.can_be_used_to_match

        display = self.display

        type_ = self.type_.value

        options: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = []
            for options_item_data in self.options:
                options_item = options_item_data.to_dict()
                options.append(options_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "displayName": display_name,
                "required": required,
                "defaultMatch": default_match,
                "canBeUsedToMatch": can_be_used_to_match,
                "display": display,
                "type": type_,
            }
        )
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.n8n_option import N8NOption

        d = dict(src_dict)
        id = d.pop("id")

        display_name = d.pop("displayName")

        required = d.pop("required")

        default_match = d.pop("defaultMatch")

        can_be_used_to_match = d.pop("canBeUsedToMatch")

        display = d.pop("display")

        type_ = N8NFieldType(d.pop("type"))

        _options = d.pop("options", UNSET)
        options: list[N8NOption] | Unset = UNSET
        if _options is not UNSET:
            options = []
            for options_item_data in _options:
                options_item = N8NOption.from_dict(options_item_data)

                options.append(options_item)

        n8n_field = cls(
            id=id,
            display_name=display_name,
            required=required,
            default_match=default_match,
            can_be_used_to_match=can_be_used_to_match,
            display=display,
            type_=type_,
            options=options,
        )

        n8n_field.additional_properties = d
        return n8n_field

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
