from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.make_parameter_type import MakeParameterType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.make_option import MakeOption
    from ..models.make_validate import MakeValidate


T = TypeVar("T", bound="MakeParameter")


@_attrs_define
class MakeParameter:
    """
    Attributes:
        name (str):  Example: title.color.
        label (str):
        type_ (MakeParameterType):
        required (bool):
        help_ (str):
        default (Any | Unset): Only when the field has a default.
        multiline (bool | Unset): Only for multi-line text.
        options (list[MakeOption] | Unset): Only for `select`.
        validate (MakeValidate | Unset):
    """

    name: str
    label: str
    type_: MakeParameterType
    required: bool
    help_: str
    default: Any | Unset = UNSET
    multiline: bool | Unset = UNSET
    options: list[MakeOption] | Unset = UNSET
    validate: MakeValidate | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        label = self.label

        type_ = self.type_.value

        required = self.required

        help_ = self.help_

        default = self.default

        multiline = self.multiline

        options: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = []
            for options_item_data in self.options:
                options_item = options_item_data.to_dict()
                options.append(options_item)

        validate: dict[str, Any] | Unset = UNSET
        if not isinstance(self.validate, Unset):
            validate = self.validate.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "label": label,
                "type": type_,
                "required": required,
                "help": help_,
            }
        )
        if default is not UNSET:
            field_dict["default"] = default
        if multiline is not UNSET:
            field_dict["multiline"] = multiline
        if options is not UNSET:
            field_dict["options"] = options
        if validate is not UNSET:
            field_dict["validate"] = validate

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.make_option import MakeOption
        from ..models.make_validate import MakeValidate

        d = dict(src_dict)
        name = d.pop("name")

        label = d.pop("label")

        type_ = MakeParameterType(d.pop("type"))

        required = d.pop("required")

        help_ = d.pop("help")

        default = d.pop("default", UNSET)

        multiline = d.pop("multiline", UNSET)

        _options = d.pop("options", UNSET)
        options: list[MakeOption] | Unset = UNSET
        if _options is not UNSET:
            options = []
            for options_item_data in _options:
                options_item = MakeOption.from_dict(options_item_data)

                options.append(options_item)

        _validate = d.pop("validate", UNSET)
        validate: MakeValidate | Unset
        if isinstance(_validate, Unset):
            validate = UNSET
        else:
            validate = MakeValidate.from_dict(_validate)

        make_parameter = cls(
            name=name,
            label=label,
            type_=type_,
            required=required,
            help_=help_,
            default=default,
            multiline=multiline,
            options=options,
            validate=validate,
        )

        make_parameter.additional_properties = d
        return make_parameter

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
