from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.fields_of_template_template import FieldsOfTemplateTemplate


T = TypeVar("T", bound="FieldsOfTemplate")


@_attrs_define
class FieldsOfTemplate:
    """
    Attributes:
        template (FieldsOfTemplateTemplate): The whole template, as for POST /templates (it need not be saved). A
            problem is a 422 whose `details.path` names the property (`layers[2].font_size`). Example: {'name': 'Card',
            'width': 1200, 'height': 630, 'layers': [{'type': 'text', 'name': 'title', 'text': 'Default title', 'fields':
            ['color']}]}.
    """

    template: FieldsOfTemplateTemplate

    def to_dict(self) -> dict[str, Any]:
        template = self.template.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "template": template,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.fields_of_template_template import FieldsOfTemplateTemplate

        d = dict(src_dict)
        template = FieldsOfTemplateTemplate.from_dict(d.pop("template"))

        fields_of_template = cls(
            template=template,
        )

        return fields_of_template
