from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Output")


@_attrs_define
class Output:
    """
    Attributes:
        format_ (str):  Example: linkedin_carousel.
        render_ids (list[str]): One render per page.
        urls (list[str]): The rendered PNGs, one per page, once completed. Example:
            ['https://platen.example.com/files/2026/12/06/…/rnd_….png'].
        pages (int):  Example: 5.
        template_id (None | str | Unset): The design, saved as an ordinary template: open it in the editor, render it
            again. Example: tpl_0mhq3k2x1a2b3c4d5e6f7g8h.
    """

    format_: str
    render_ids: list[str]
    urls: list[str]
    pages: int
    template_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        format_ = self.format_

        render_ids = self.render_ids

        urls = self.urls

        pages = self.pages

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        else:
            template_id = self.template_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "format": format_,
                "render_ids": render_ids,
                "urls": urls,
                "pages": pages,
            }
        )
        if template_id is not UNSET:
            field_dict["template_id"] = template_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        format_ = d.pop("format")

        render_ids = cast(list[str], d.pop("render_ids"))

        urls = cast(list[str], d.pop("urls"))

        pages = d.pop("pages")

        def _parse_template_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        template_id = _parse_template_id(d.pop("template_id", UNSET))

        output = cls(
            format_=format_,
            render_ids=render_ids,
            urls=urls,
            pages=pages,
            template_id=template_id,
        )

        output.additional_properties = d
        return output

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
