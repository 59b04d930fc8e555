from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Timings")


@_attrs_define
class Timings:
    """
    Attributes:
        fetch_ms (int | None): Fetching the page or PDF (0 for a text; timed too when the fetch failed).
        extract_ms (int | None): Reading it into title, summary and points.
        plan_ms (int | None): Designing every format and saving the templates.
        render_ms (int | None): Rendering every page.
        total_ms (int | None): The job from start to finish; set when it completed.
    """

    fetch_ms: int | None
    extract_ms: int | None
    plan_ms: int | None
    render_ms: int | None
    total_ms: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fetch_ms: int | None
        fetch_ms = self.fetch_ms

        extract_ms: int | None
        extract_ms = self.extract_ms

        plan_ms: int | None
        plan_ms = self.plan_ms

        render_ms: int | None
        render_ms = self.render_ms

        total_ms: int | None
        total_ms = self.total_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fetch_ms": fetch_ms,
                "extract_ms": extract_ms,
                "plan_ms": plan_ms,
                "render_ms": render_ms,
                "total_ms": total_ms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_fetch_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        fetch_ms = _parse_fetch_ms(d.pop("fetch_ms"))

        def _parse_extract_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        extract_ms = _parse_extract_ms(d.pop("extract_ms"))

        def _parse_plan_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        plan_ms = _parse_plan_ms(d.pop("plan_ms"))

        def _parse_render_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        render_ms = _parse_render_ms(d.pop("render_ms"))

        def _parse_total_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total_ms = _parse_total_ms(d.pop("total_ms"))

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
