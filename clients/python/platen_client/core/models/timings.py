from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Timings")


@_attrs_define
class Timings:
    """
    Attributes:
        fetch_ms (int | Unset): Fetching the page or PDF.
        extract_ms (int | Unset): Reading it into title, summary and points.
        plan_ms (int | Unset): Designing every format and saving the templates.
        render_ms (int | Unset): Rendering every page.
        total_ms (int | Unset): The job from start to finish.
    """

    fetch_ms: int | Unset = UNSET
    extract_ms: int | Unset = UNSET
    plan_ms: int | Unset = UNSET
    render_ms: int | Unset = UNSET
    total_ms: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fetch_ms = self.fetch_ms

        extract_ms = self.extract_ms

        plan_ms = self.plan_ms

        render_ms = self.render_ms

        total_ms = self.total_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if fetch_ms is not UNSET:
            field_dict["fetch_ms"] = fetch_ms
        if extract_ms is not UNSET:
            field_dict["extract_ms"] = extract_ms
        if plan_ms is not UNSET:
            field_dict["plan_ms"] = plan_ms
        if render_ms is not UNSET:
            field_dict["render_ms"] = render_ms
        if total_ms is not UNSET:
            field_dict["total_ms"] = total_ms

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        fetch_ms = d.pop("fetch_ms", UNSET)

        extract_ms = d.pop("extract_ms", UNSET)

        plan_ms = d.pop("plan_ms", UNSET)

        render_ms = d.pop("render_ms", UNSET)

        total_ms = d.pop("total_ms", UNSET)

        timings = cls(
            fetch_ms=fetch_ms,
            extract_ms=extract_ms,
            plan_ms=plan_ms,
            render_ms=render_ms,
            total_ms=total_ms,
        )

        timings.additional_properties = d
        return timings

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
