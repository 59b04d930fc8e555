from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.zapier_field_type import ZapierFieldType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.zapier_choice import ZapierChoice


T = TypeVar("T", bound="ZapierField")


@_attrs_define
class ZapierField:
    """
    Attributes:
        key (str):  Example: title.color.
        label (str):
        type_ (ZapierFieldType):
        required (bool):
        help_text (str):
        default (str | Unset): Only when the field has a default, as text.
        choices (list[ZapierChoice] | Unset): Only for select fields.
    """

    key: str
    label: str
    type_: ZapierFieldType
    required: bool
    help_text: str
    default: str | Unset = UNSET
    choices: list[ZapierChoice] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        label = self.label

        type_ = self.type_.value

        required = self.required

        help_text = self.help_text

        default = self.default

        choices: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.choices, Unset):
            choices = []
            for choices_item_data in self.choices:
                choices_item = choices_item_data.to_dict()
                choices.append(choices_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "label": label,
                "type": type_,
                "required": required,
                "helpText": help_text,
            }
        )
        if default is not UNSET:
            field_dict["default"] = default
        if choices is not UNSET:
            field_dict["choices"] = choices

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.zapier_choice import ZapierChoice

        d = dict(src_dict)
        key = d.pop("key")

        label = d.pop("label")

        type_ = ZapierFieldType(d.pop("type"))

        required = d.pop("required")

        help_text = d.pop("helpText")

        default = d.pop("default", UNSET)

        _choices = d.pop("choices", UNSET)
        choices: list[ZapierChoice] | Unset = UNSET
        if _choices is not UNSET:
            choices = []
            for choices_item_data in _choices:
                choices_item = ZapierChoice.from_dict(choices_item_data)

                choices.append(choices_item)

        zapier_field = cls(
            key=key,
            label=label,
            type_=type_,
            required=required,
            help_text=help_text,
            default=default,
            choices=choices,
        )

        zapier_field.additional_properties = d
        return zapier_field

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
