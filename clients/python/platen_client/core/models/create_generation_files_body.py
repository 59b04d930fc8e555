from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.create_generation_files_body_input_type import CreateGenerationFilesBodyInputType
from ..models.create_generation_files_body_visual_style import CreateGenerationFilesBodyVisualStyle
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="CreateGenerationFilesBody")


@_attrs_define
class CreateGenerationFilesBody:
    """
    Attributes:
        file (File): A PDF of at most 20 MB.
        output_formats (str): Format ids, comma-separated (or the part repeated, or a JSON array). Example:
            og,linkedin_carousel.
        input_type (CreateGenerationFilesBodyInputType | Unset):  Default: CreateGenerationFilesBodyInputType.PDF.
        carousel_slides (str | Unset): A JSON object. Example: {"linkedin_carousel": 5}.
        visual_style (CreateGenerationFilesBodyVisualStyle | Unset):  Default:
            CreateGenerationFilesBodyVisualStyle.MODERN.
        brand_id (str | Unset):
        webhook_url (str | Unset):
        metadata (str | Unset): A JSON object, echoed back.
    """

    file: File
    output_formats: str
    input_type: CreateGenerationFilesBodyInputType | Unset = CreateGenerationFilesBodyInputType.PDF
    carousel_slides: str | Unset = UNSET
    visual_style: CreateGenerationFilesBodyVisualStyle | Unset = CreateGenerationFilesBodyVisualStyle.MODERN
    brand_id: str | Unset = UNSET
    webhook_url: str | Unset = UNSET
    metadata: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        output_formats = self.output_formats

        input_type: str | Unset = UNSET
        if not isinstance(self.input_type, Unset):
            input_type = self.input_type.value

        carousel_slides = self.carousel_slides

        visual_style: str | Unset = UNSET
        if not isinstance(self.visual_style, Unset):
            visual_style = self.visual_style.value

        brand_id = self.brand_id

        webhook_url = self.webhook_url

        metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
                "output_formats": output_formats,
            }
        )
        if input_type is not UNSET:
            field_dict["input_type"] = input_type
        if carousel_slides is not UNSET:
            field_dict["carousel_slides"] = carousel_slides
        if visual_style is not UNSET:
            field_dict["visual_style"] = visual_style
        if brand_id is not UNSET:
            field_dict["brand_id"] = brand_id
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        files.append(("output_formats", (None, str(self.output_formats).encode(), "text/plain")))

        if not isinstance(self.input_type, Unset):
            files.append(("input_type", (None, str(self.input_type.value).encode(), "text/plain")))

        if not isinstance(self.carousel_slides, Unset):
            files.append(("carousel_slides", (None, str(self.carousel_slides).encode(), "text/plain")))

        if not isinstance(self.visual_style, Unset):
            files.append(("visual_style", (None, str(self.visual_style.value).encode(), "text/plain")))

        if not isinstance(self.brand_id, Unset):
            files.append(("brand_id", (None, str(self.brand_id).encode(), "text/plain")))

        if not isinstance(self.webhook_url, Unset):
            files.append(("webhook_url", (None, str(self.webhook_url).encode(), "text/plain")))

        if not isinstance(self.metadata, Unset):
            files.append(("metadata", (None, str(self.metadata).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        output_formats = d.pop("output_formats")

        _input_type = d.pop("input_type", UNSET)
        input_type: CreateGenerationFilesBodyInputType | Unset
        if isinstance(_input_type, Unset):
            input_type = UNSET
        else:
            input_type = CreateGenerationFilesBodyInputType(_input_type)

        carousel_slides = d.pop("carousel_slides", UNSET)

        _visual_style = d.pop("visual_style", UNSET)
        visual_style: CreateGenerationFilesBodyVisualStyle | Unset
        if isinstance(_visual_style, Unset):
            visual_style = UNSET
        else:
            visual_style = CreateGenerationFilesBodyVisualStyle(_visual_style)

        brand_id = d.pop("brand_id", UNSET)

        webhook_url = d.pop("webhook_url", UNSET)

        metadata = d.pop("metadata", UNSET)

        create_generation_files_body = cls(
            file=file,
            output_formats=output_formats,
            input_type=input_type,
            carousel_slides=carousel_slides,
            visual_style=visual_style,
            brand_id=brand_id,
            webhook_url=webhook_url,
            metadata=metadata,
        )

        create_generation_files_body.additional_properties = d
        return create_generation_files_body

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
