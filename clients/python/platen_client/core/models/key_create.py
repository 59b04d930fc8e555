from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.key_create_mode import KeyCreateMode
from ..models.key_create_scopes_item import KeyCreateScopesItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="KeyCreate")


@_attrs_define
class KeyCreate:
    """
    Attributes:
        label (str | Unset): A name to tell keys apart, e.g. `Zapier`. Default: ''.
        mode (KeyCreateMode | Unset): `test` keys watermark renders and use no credits. Default: the mode of the key
            making the call.
        scopes (list[KeyCreateScopesItem] | Unset): Default: the scopes of the key making the call. A key cannot grant
            scopes it does not hold.
    """

    label: str | Unset = ""
    mode: KeyCreateMode | Unset = UNSET
    scopes: list[KeyCreateScopesItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = []
            for scopes_item_data in self.scopes:
                scopes_item = scopes_item_data.value
                scopes.append(scopes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if label is not UNSET:
            field_dict["label"] = label
        if mode is not UNSET:
            field_dict["mode"] = mode
        if scopes is not UNSET:
            field_dict["scopes"] = scopes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        label = d.pop("label", UNSET)

        _mode = d.pop("mode", UNSET)
        mode: KeyCreateMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = KeyCreateMode(_mode)

        _scopes = d.pop("scopes", UNSET)
        scopes: list[KeyCreateScopesItem] | Unset = UNSET
        if _scopes is not UNSET:
            scopes = []
            for scopes_item_data in _scopes:
                scopes_item = KeyCreateScopesItem(scopes_item_data)

                scopes.append(scopes_item)

        key_create = cls(
            label=label,
            mode=mode,
            scopes=scopes,
        )

        return key_create
