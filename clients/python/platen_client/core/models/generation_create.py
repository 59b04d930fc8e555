from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.generation_create_input_type import GenerationCreateInputType
from ..models.generation_create_output_formats_item import GenerationCreateOutputFormatsItem
from ..models.generation_create_visual_style import GenerationCreateVisualStyle
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.generation_create_carousel_slides_type_0 import GenerationCreateCarouselSlidesType0
    from ..models.generation_create_metadata_type_0 import GenerationCreateMetadataType0


T = TypeVar("T", bound="GenerationCreate")


@_attrs_define
class GenerationCreate:
    """
    Attributes:
        input_type (GenerationCreateInputType): `text`: `input_content`; `url`: the web page at `input_url`; `pdf`: the
            PDF at `input_url`, or uploaded as the multipart form's `file`. Example: text.
        output_formats (list[GenerationCreateOutputFormatsItem]): 1 to 10 format ids from GET /formats; each becomes a
            template and its rendered pages. A comma-separated string is taken too. Example: ['og', 'instagram_post',
            'linkedin_carousel'].
        input_content (None | str | Unset): For `text`: the text (at most 20,000 characters). Its first line is the
            title; list items (`- `, `1. `) become points. Example: 5 tips for remote work
            - Keep a routine
            - Take real breaks
            - Over-communicate.
        input_url (None | str | Unset): For `url` and `pdf`: an http(s) address, fetched by the server (private and
            local addresses are refused). Example: https://example.com/blog/remote-work.
        carousel_slides (GenerationCreateCarouselSlidesType0 | None | Unset): Slides per carousel format, 3 to 10
            (default 5). Example: {'linkedin_carousel': 5}.
        visual_style (GenerationCreateVisualStyle | Unset): The look: `modern`, `minimal`, `bold`, `elegant`, `playful`,
            `corporate`, `creative`, `dark` (default `modern`). Default: GenerationCreateVisualStyle.MODERN. Example:
            modern.
        brand_id (None | str | Unset): The brand (`brd_…`) the designs use; default the account's default brand. Not one
            of yours: a 422. Example: brd_0mhq3k2x1a2b3c4d5e6f7g8h.
        webhook_url (None | str | Unset): Called (signed, like hooks) with `generation.completed` or
            `generation.failed`.
        metadata (GenerationCreateMetadataType0 | None | Unset): Echoed back on the generation and its events; at most 4
            KB. Example: {'post_id': '42'}.
    """

    input_type: GenerationCreateInputType
    output_formats: list[GenerationCreateOutputFormatsItem]
    input_content: None | str | Unset = UNSET
    input_url: None | str | Unset = UNSET
    carousel_slides: GenerationCreateCarouselSlidesType0 | None | Unset = UNSET
    visual_style: GenerationCreateVisualStyle | Unset = GenerationCreateVisualStyle.MODERN
    brand_id: None | str | Unset = UNSET
    webhook_url: None | str | Unset = UNSET
    metadata: GenerationCreateMetadataType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.generation_create_carousel_slides_type_0 import GenerationCreateCarouselSlidesType0
        from ..models.generation_create_metadata_type_0 import GenerationCreateMetadataType0

        input_type = self.input_type.value

        output_formats = []
        for output_formats_item_data in self.output_formats:
            output_formats_item = output_formats_item_data.value
            output_formats.append(output_formats_item)

        input_content: None | str | Unset
        if isinstance(self.input_content, Unset):
            input_content = UNSET
        else:
            input_content = self.input_content

        input_url: None | str | Unset
        if isinstance(self.input_url, Unset):
            input_url = UNSET
        else:
            input_url = self.input_url

        carousel_slides: dict[str, Any] | None | Unset
        if isinstance(self.carousel_slides, Unset):
            carousel_slides = UNSET
        elif isinstance(self.carousel_slides, GenerationCreateCarouselSlidesType0):
            carousel_slides = self.carousel_slides.to_dict()
        else:
            carousel_slides = self.carousel_slides

        visual_style: str | Unset = UNSET
        if not isinstance(self.visual_style, Unset):
            visual_style = self.visual_style.value

        brand_id: None | str | Unset
        if isinstance(self.brand_id, Unset):
            brand_id = UNSET
        else:
            brand_id = self.brand_id

        webhook_url: None | str | Unset
        if isinstance(self.webhook_url, Unset):
            webhook_url = UNSET
        else:
            webhook_url = self.webhook_url

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, GenerationCreateMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "input_type": input_type,
                "output_formats": output_formats,
            }
        )
        if input_content is not UNSET:
            field_dict["input_content"] = input_content
        if input_url is not UNSET:
            field_dict["input_url"] = input_url
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

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.generation_create_carousel_slides_type_0 import GenerationCreateCarouselSlidesType0
        from ..models.generation_create_metadata_type_0 import GenerationCreateMetadataType0

        d = dict(src_dict)
        input_type = GenerationCreateInputType(d.pop("input_type"))

        output_formats = []
        _output_formats = d.pop("output_formats")
        for output_formats_item_data in _output_formats:
            output_formats_item = GenerationCreateOutputFormatsItem(output_formats_item_data)

            output_formats.append(output_formats_item)

        def _parse_input_content(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        input_content = _parse_input_content(d.pop("input_content", UNSET))

        def _parse_input_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        input_url = _parse_input_url(d.pop("input_url", UNSET))

        def _parse_carousel_slides(data: object) -> GenerationCreateCarouselSlidesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                carousel_slides_type_0 = GenerationCreateCarouselSlidesType0.from_dict(data)

                return carousel_slides_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenerationCreateCarouselSlidesType0 | None | Unset, data)

        carousel_slides = _parse_carousel_slides(d.pop("carousel_slides", UNSET))

        _visual_style = d.pop("visual_style", UNSET)
        visual_style: GenerationCreateVisualStyle | Unset
        if isinstance(_visual_style, Unset):
            visual_style = UNSET
        else:
            visual_style = GenerationCreateVisualStyle(_visual_style)

        def _parse_brand_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        brand_id = _parse_brand_id(d.pop("brand_id", UNSET))

        def _parse_webhook_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        webhook_url = _parse_webhook_url(d.pop("webhook_url", UNSET))

        def _parse_metadata(data: object) -> GenerationCreateMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = GenerationCreateMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenerationCreateMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        generation_create = cls(
            input_type=input_type,
            output_formats=output_formats,
            input_content=input_content,
            input_url=input_url,
            carousel_slides=carousel_slides,
            visual_style=visual_style,
            brand_id=brand_id,
            webhook_url=webhook_url,
            metadata=metadata,
        )

        return generation_create
