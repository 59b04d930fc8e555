from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Usage")


@_attrs_define
class Usage:
    """
    Attributes:
        period_start (str):  Example: 2026-11-01T00:00:00.000Z.
        period_end (str):  Example: 2026-12-01T00:00:00.000Z.
        limit (int):
        used (int):
        remaining (int):
        public_limit (int): The share of `limit` that unsigned URLs of public templates may draw
            (PLATEN_PUBLIC_CREDIT_SHARE); past it they answer 402.
        public_used (int): Credits (within `used`) drawn by them.
    """

    period_start: str
    period_end: str
    limit: int
    used: int
    remaining: int
    public_limit: int
    public_used: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period_start = self.period_start

        period_end = self.period_end

        limit = self.limit

        used = self.used

        remaining = self.remaining

        public_limit = self.public_limit

        public_used = self.public_used

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period_start": period_start,
                "period_end": period_end,
                "limit": limit,
                "used": used,
                "remaining": remaining,
                "public_limit": public_limit,
                "public_used": public_used,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        period_start = d.pop("period_start")

        period_end = d.pop("period_end")

        limit = d.pop("limit")

        used = d.pop("used")

        remaining = d.pop("remaining")

        public_limit = d.pop("public_limit")

        public_used = d.pop("public_used")

        usage = cls(
            period_start=period_start,
            period_end=period_end,
            limit=limit,
            used=used,
            remaining=remaining,
            public_limit=public_limit,
            public_used=public_used,
        )

        usage.additional_properties = d
        return usage

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
