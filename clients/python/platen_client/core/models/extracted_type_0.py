from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ExtractedType0")


@_attrs_define
class ExtractedType0:
    """
    Attributes:
        title (str):  Example: 5 tips for remote work.
        summary (str | Unset):  Example: Working from home works when the day has a shape..
        points (list[str] | Unset):  Example: ['Keep a routine', 'Take real breaks'].
        image (None | str | Unset): The lead image's URL (a PDF's: an asset).
        site_name (None | str | Unset):
        author (None | str | Unset):
        url (None | str | Unset): The page's canonical address.
    """

    title: str
    summary: str | Unset = UNSET
    points: list[str] | Unset = UNSET
    image: None | str | Unset = UNSET
    site_name: None | str | Unset = UNSET
    author: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        summary = self.summary

        points: list[str] | Unset = UNSET
        if not isinstance(self.points, Unset):
            points = self.points

        image: None | str | Unset
        if isinstance(self.image, Unset):
            image = UNSET
        else:
            image = self.image

        site_name: None | str | Unset
        if isinstance(self.site_name, Unset):
            site_name = UNSET
        else:
            site_name = self.site_name

        author: None | str | Unset
        if isinstance(self.author, Unset):
            author = UNSET
        else:
            author = self.author

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
            }
        )
        if summary is not UNSET:
            field_dict["summary"] = summary
        if points is not UNSET:
            field_dict["points"] = points
        if image is not UNSET:
            field_dict["image"] = image
        if site_name is not UNSET:
            field_dict["site_name"] = site_name
        if author is not UNSET:
            field_dict["author"] = author
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        title = d.pop("title")

        summary = d.pop("summary", UNSET)

        points = cast(list[str], d.pop("points", UNSET))

        def _parse_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image = _parse_image(d.pop("image", UNSET))

        def _parse_site_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        site_name = _parse_site_name(d.pop("site_name", UNSET))

        def _parse_author(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        author = _parse_author(d.pop("author", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        extracted_type_0 = cls(
            title=title,
            summary=summary,
            points=points,
            image=image,
            site_name=site_name,
            author=author,
            url=url,
        )

        extracted_type_0.additional_properties = d
        return extracted_type_0

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
