from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.key_created_mode import KeyCreatedMode
from ..types import UNSET, Unset

T = TypeVar("T", bound="KeyCreated")


@_attrs_define
class KeyCreated:
    """
    Attributes:
        id (str):  Example: key_0mhq3k2x1a2b3c4d5e6f7g8h.
        label (str):
        mode (KeyCreatedMode):
        scopes (list[str]):
        hint (str): Prefix and last four characters. Example: plt_live_…x9Qa.
        created_at (str):
        key (None | str): The secret, shown this once. `null` when the answer replays an earlier request with the same
            `Idempotency-Key` (Platen stores only a digest of a key): see `note`. Example: plt_live_….
        last_used_at (None | str | Unset):
        note (str | Unset): Only on such a replay: why `key` is null and what to do.
    """

    id: str
    label: str
    mode: KeyCreatedMode
    scopes: list[str]
    hint: str
    created_at: str
    key: None | str
    last_used_at: None | str | Unset = UNSET
    note: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        label = self.label

        mode = self.mode.value

        scopes = self.scopes

        hint = self.hint

        created_at = self.created_at

        key: None | str
        key = self.key

        last_used_at: None | str | Unset
        if isinstance(self.last_used_at, Unset):
            last_used_at = UNSET
        else:
            last_used_at = self.last_used_at

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "label": label,
                "mode": mode,
                "scopes": scopes,
                "hint": hint,
                "created_at": created_at,
                "key": key,
            }
        )
        if last_used_at is not UNSET:
            field_dict["last_used_at"] = last_used_at
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        label = d.pop("label")

        mode = KeyCreatedMode(d.pop("mode"))

        scopes = cast(list[str], d.pop("scopes"))

        hint = d.pop("hint")

        created_at = d.pop("created_at")

        def _parse_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key = _parse_key(d.pop("key"))

        def _parse_last_used_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at", UNSET))

        note = d.pop("note", UNSET)

        key_created = cls(
            id=id,
            label=label,
            mode=mode,
            scopes=scopes,
            hint=hint,
            created_at=created_at,
            key=key,
            last_used_at=last_used_at,
            note=note,
        )

        key_created.additional_properties = d
        return key_created

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
