from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.preview_layer import PreviewLayer
    from ..models.warning import Warning_


T = TypeVar("T", bound="Preview")


@_attrs_define
class Preview:
    """
    Attributes:
        image (str): The picture as a data URL. Example: data:image/jpeg;base64,/9j/4AAQ….
        width (int): Of the image, in pixels (template × scale).
        height (int):
        warnings (list[Warning_]):
        layers (list[PreviewLayer]): Every layer of the page, in drawing order (bottom first).
    """

    image: str
    width: int
    height: int
    warnings: list[Warning_]
    layers: list[PreviewLayer]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        image = self.image

        width = self.width

        height = self.height

        warnings = []
        for warnings_item_data in self.warnings:
            warnings_item = warnings_item_data.to_dict()
            warnings.append(warnings_item)

        layers = []
        for layers_item_data in self.layers:
            layers_item = layers_item_data.to_dict()
            layers.append(layers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "image": image,
                "width": width,
                "height": height,
                "warnings": warnings,
                "layers": layers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.preview_layer import PreviewLayer
        from ..models.warning import Warning_

        d = dict(src_dict)
        image = d.pop("image")

        width = d.pop("width")

        height = d.pop("height")

        warnings = []
        _warnings = d.pop("warnings")
        for warnings_item_data in _warnings:
            warnings_item = Warning_.from_dict(warnings_item_data)

            warnings.append(warnings_item)

        layers = []
        _layers = d.pop("layers")
        for layers_item_data in _layers:
            layers_item = PreviewLayer.from_dict(layers_item_data)

            layers.append(layers_item)

        preview = cls(
            image=image,
            width=width,
            height=height,
            warnings=warnings,
            layers=layers,
        )

        preview.additional_properties = d
        return preview

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
