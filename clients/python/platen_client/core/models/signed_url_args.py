from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.signed_url_args_format import SignedUrlArgsFormat
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.signed_url_args_fields import SignedUrlArgsFields


T = TypeVar("T", bound="SignedUrlArgs")


@_attrs_define
class SignedUrlArgs:
    """
    Attributes:
        fields (SignedUrlArgsFields | Unset):  Example: {'title': 'Hello'}.
        format_ (SignedUrlArgsFormat | Unset): png, jpeg (jpg), webp or pdf; letter case does not matter. Default:
            SignedUrlArgsFormat.PNG.
        quality (int | Unset):
        scale (float | Unset):
    """

    fields: SignedUrlArgsFields | Unset = UNSET
    format_: SignedUrlArgsFormat | Unset = SignedUrlArgsFormat.PNG
    quality: int | Unset = UNSET
    scale: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields.to_dict()

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        quality = self.quality

        scale = self.scale

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if fields is not UNSET:
            field_dict["fields"] = fields
        if format_ is not UNSET:
            field_dict["format"] = format_
        if quality is not UNSET:
            field_dict["quality"] = quality
        if scale is not UNSET:
            field_dict["scale"] = scale

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.signed_url_args_fields import SignedUrlArgsFields

        d = dict(src_dict)
        _fields = d.pop("fields", UNSET)
        fields: SignedUrlArgsFields | Unset
        if isinstance(_fields, Unset):
            fields = UNSET
        else:
            fields = SignedUrlArgsFields.from_dict(_fields)

        _format_ = d.pop("format", UNSET)
        format_: SignedUrlArgsFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = SignedUrlArgsFormat(_format_)

        quality = d.pop("quality", UNSET)

        scale = d.pop("scale", UNSET)

        signed_url_args = cls(
            fields=fields,
            format_=format_,
            quality=quality,
            scale=scale,
        )

        return signed_url_args
