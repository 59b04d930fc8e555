from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.hook_create_event import HookCreateEvent
from ..types import UNSET, Unset

T = TypeVar("T", bound="HookCreate")


@_attrs_define
class HookCreate:
    """
    Attributes:
        target_url (str): Where to POST each event: http(s), not a private, loopback or link-local address. Example:
            https://hooks.zapier.com/hooks/standard/123/abc/.
        event (HookCreateEvent): The event to receive: `render.completed`, `render.failed`, `batch.completed`,
            `generation.completed`, `generation.failed`. Example: render.completed.
        template_id (None | str | Unset): Only events of renders of this template (unset: every template).
    """

    target_url: str
    event: HookCreateEvent
    template_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        target_url = self.target_url

        event = self.event.value

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        else:
            template_id = self.template_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "target_url": target_url,
                "event": event,
            }
        )
        if template_id is not UNSET:
            field_dict["template_id"] = template_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        target_url = d.pop("target_url")

        event = HookCreateEvent(d.pop("event"))

        def _parse_template_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        template_id = _parse_template_id(d.pop("template_id", UNSET))

        hook_create = cls(
            target_url=target_url,
            event=event,
            template_id=template_id,
        )

        return hook_create
