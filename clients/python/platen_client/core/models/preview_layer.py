from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.line import Line
    from ..models.warning import Warning_


T = TypeVar("T", bound="PreviewLayer")


@_attrs_define
class PreviewLayer:
    """
    Attributes:
        name (str):  Example: title.
        type_ (str):  Example: text.
        box (list[float]): `[x, y, width, height]` in template pixels (whatever `scale`), before the layer's rotation:
            an editor draws handles from it at any zoom. Example: [80, 180, 1040, 260].
        rotation (float): Degrees clockwise about the box's centre.
        drawn (bool): False for a hidden layer (`hidden`, `opacity` 0) and one left out by `shown_with`: still listed so
            an editor can select it.
        warnings (list[Warning_]):
        font_size (float | None | Unset): Text layers: the size it was drawn at after fitting (below `font_size` when it
            shrank); null when not drawn. Example: 52.
        lines (list[Line] | Unset): Text layers: the lines as laid out (empty when not drawn).
    """

    name: str
    type_: str
    box: list[float]
    rotation: float
    drawn: bool
    warnings: list[Warning_]
    font_size: float | None | Unset = UNSET
    lines: list[Line] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_

        box = self.box

        rotation = self.rotation

        drawn = self.drawn

        warnings = []
        for warnings_item_data in self.warnings:
            warnings_item = warnings_item_data.to_dict()
            warnings.append(warnings_item)

        font_size: float | None | Unset
        if isinstance(self.font_size, Unset):
            font_size = UNSET
        else:
            font_size = self.font_size

        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "type": type_,
                "box": box,
                "rotation": rotation,
                "drawn": drawn,
                "warnings": warnings,
            }
        )
        if font_size is not UNSET:
            field_dict["font_size"] = font_size
        if lines is not UNSET:
            field_dict["lines"] = lines

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.line import Line
        from ..models.warning import Warning_

        d = dict(src_dict)
        name = d.pop("name")

        type_ = d.pop("type")

        box = cast(list[float], d.pop("box"))

        rotation = d.pop("rotation")

        drawn = d.pop("drawn")

        warnings = []
        _warnings = d.pop("warnings")
        for warnings_item_data in _warnings:
            warnings_item = Warning_.from_dict(warnings_item_data)

            warnings.append(warnings_item)

        def _parse_font_size(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        font_size = _parse_font_size(d.pop("font_size", UNSET))

        _lines = d.pop("lines", UNSET)
        lines: list[Line] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = Line.from_dict(lines_item_data)

                lines.append(lines_item)

        preview_layer = cls(
            name=name,
            type_=type_,
            box=box,
            rotation=rotation,
            drawn=drawn,
            warnings=warnings,
            font_size=font_size,
            lines=lines,
        )

        preview_layer.additional_properties = d
        return preview_layer

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
