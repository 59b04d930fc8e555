from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.generation_input_type import GenerationInputType
from ..models.generation_mode import GenerationMode
from ..models.generation_status import GenerationStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.extracted_type_0 import ExtractedType0
    from ..models.generation_error_type_0 import GenerationErrorType0
    from ..models.generation_metadata_type_0 import GenerationMetadataType0
    from ..models.output import Output
    from ..models.timings import Timings


T = TypeVar("T", bound="Generation")


@_attrs_define
class Generation:
    """
    Attributes:
        id (str):  Example: gen_0mhq3k2x1a2b3c4d5e6f7g8h.
        status (GenerationStatus):
        input_type (GenerationInputType):
        output_formats (list[str]):  Example: ['og', 'linkedin_carousel'].
        visual_style (str):  Example: modern.
        outputs (list[Output]): One per format, in the order asked, filled in as they are made.
        credits_ (int): One per page rendered (test keys: none).
        timings (Timings):
        created_at (str):
        brand_id (None | str | Unset): The brand asked for; once running, the brand the designs are drawn in.
        extracted (ExtractedType0 | None | Unset):
        error (GenerationErrorType0 | None | Unset):
        metadata (GenerationMetadataType0 | None | Unset):
        completed_at (None | str | Unset):
        mode (GenerationMode | Unset): The mode of the key that made it: test keys' renders are watermarked, free, and
            heard only by test keys' triggers and hooks.
    """

    id: str
    status: GenerationStatus
    input_type: GenerationInputType
    output_formats: list[str]
    visual_style: str
    outputs: list[Output]
    credits_: int
    timings: Timings
    created_at: str
    brand_id: None | str | Unset = UNSET
    extracted: ExtractedType0 | None | Unset = UNSET
    error: GenerationErrorType0 | None | Unset = UNSET
    metadata: GenerationMetadataType0 | None | Unset = UNSET
    completed_at: None | str | Unset = UNSET
    mode: GenerationMode | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.extracted_type_0 import ExtractedType0
        from ..models.generation_error_type_0 import GenerationErrorType0
        from ..models.generation_metadata_type_0 import GenerationMetadataType0

        id = self.id

        status = self.status.value

        input_type = self.input_type.value

        output_formats = self.output_formats

        visual_style = self.visual_style

        outputs = []
        for outputs_item_data in self.outputs:
            outputs_item = outputs_item_data.to_dict()
            outputs.append(outputs_item)

        credits_ = self.credits_

        timings = self.timings.to_dict()

        created_at = self.created_at

        brand_id: None | str | Unset
        if isinstance(self.brand_id, Unset):
            brand_id = UNSET
        else:
            brand_id = self.brand_id

        extracted: dict[str, Any] | None | Unset
        if isinstance(self.extracted, Unset):
            extracted = UNSET
        elif isinstance(self.extracted, ExtractedType0):
            extracted = self.extracted.to_dict()
        else:
            extracted = self.extracted

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, GenerationErrorType0):
            error = self.error.to_dict()
        else:
            error = self.error

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, GenerationMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "input_type": input_type,
                "output_formats": output_formats,
                "visual_style": visual_style,
                "outputs": outputs,
                "credits": credits_,
                "timings": timings,
                "created_at": created_at,
            }
        )
        if brand_id is not UNSET:
            field_dict["brand_id"] = brand_id
        if extracted is not UNSET:
            field_dict["extracted"] = extracted
        if error is not UNSET:
            field_dict["error"] = error
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if mode is not UNSET:
            field_dict["mode"] = mode

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.extracted_type_0 import ExtractedType0
        from ..models.generation_error_type_0 import GenerationErrorType0
        from ..models.generation_metadata_type_0 import GenerationMetadataType0
        from ..models.output import Output
        from ..models.timings import Timings

        d = dict(src_dict)
        id = d.pop("id")

        status = GenerationStatus(d.pop("status"))

        input_type = GenerationInputType(d.pop("input_type"))

        output_formats = cast(list[str], d.pop("output_formats"))

        visual_style = d.pop("visual_style")

        outputs = []
        _outputs = d.pop("outputs")
        for outputs_item_data in _outputs:
            outputs_item = Output.from_dict(outputs_item_data)

            outputs.append(outputs_item)

        credits_ = d.pop("credits")

        timings = Timings.from_dict(d.pop("timings"))

        created_at = d.pop("created_at")

        def _parse_brand_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        brand_id = _parse_brand_id(d.pop("brand_id", UNSET))

        def _parse_extracted(data: object) -> ExtractedType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_extracted_type_0 = ExtractedType0.from_dict(data)

                return componentsschemas_extracted_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExtractedType0 | None | Unset, data)

        extracted = _parse_extracted(d.pop("extracted", UNSET))

        def _parse_error(data: object) -> GenerationErrorType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_generation_error_type_0 = GenerationErrorType0.from_dict(data)

                return componentsschemas_generation_error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenerationErrorType0 | None | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_metadata(data: object) -> GenerationMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = GenerationMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenerationMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_completed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        _mode = d.pop("mode", UNSET)
        mode: GenerationMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = GenerationMode(_mode)

        generation = cls(
            id=id,
            status=status,
            input_type=input_type,
            output_formats=output_formats,
            visual_style=visual_style,
            outputs=outputs,
            credits_=credits_,
            timings=timings,
            created_at=created_at,
            brand_id=brand_id,
            extracted=extracted,
            error=error,
            metadata=metadata,
            completed_at=completed_at,
            mode=mode,
        )

        generation.additional_properties = d
        return generation

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
