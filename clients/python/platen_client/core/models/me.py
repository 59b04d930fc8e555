from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.me_mode import MeMode

T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """
    Attributes:
        account_id (str):  Example: acct_0mhq3k2x1a2b3c4d5e6f7g8h.
        account_name (str):
        email (str):
        key_id (str):
        key_label (str): `""` for an unlabeled key.
        mode (MeMode):
        scopes (list[str]):
        credits_remaining (int):
    """

    account_id: str
    account_name: str
    email: str
    key_id: str
    key_label: str
    mode: MeMode
    scopes: list[str]
    credits_remaining: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        account_name = self.account_name

        email = self.email

        key_id = self.key_id

        key_label = self.key_label

        mode = self.mode.value

        scopes = self.scopes

        credits_remaining = self.credits_remaining

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "account_name": account_name,
                "email": email,
                "key_id": key_id,
                "key_label": key_label,
                "mode": mode,
                "scopes": scopes,
                "credits_remaining": credits_remaining,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        account_name = d.pop("account_name")

        email = d.pop("email")

        key_id = d.pop("key_id")

        key_label = d.pop("key_label")

        mode = MeMode(d.pop("mode"))

        scopes = cast(list[str], d.pop("scopes"))

        credits_remaining = d.pop("credits_remaining")

        me = cls(
            account_id=account_id,
            account_name=account_name,
            email=email,
            key_id=key_id,
            key_label=key_label,
            mode=mode,
            scopes=scopes,
            credits_remaining=credits_remaining,
        )

        me.additional_properties = d
        return me

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
