from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.hook_mode import HookMode
from ..models.hook_status import HookStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Hook")


@_attrs_define
class Hook:
    """
    Attributes:
        id (str):  Example: hook_0mhq3k2x1a2b3c4d5e6f7g8h.
        target_url (str):
        event (str):  Example: render.completed.
        secret (None | str): Verifies the hook's deliveries. `null` only when an `Idempotency-Key` replays the
            subscription of a hook deleted since. Example: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw.
        status (HookStatus): `disabled` after 5 days in which every delivery failed; subscribe again to resume.
        created_at (str):
        template_id (None | str | Unset):
        disabled_reason (None | str | Unset):
        mode (HookMode | Unset): The mode of the key that subscribed: a hook hears the renders of keys of its own mode.
    """

    id: str
    target_url: str
    event: str
    secret: None | str
    status: HookStatus
    created_at: str
    template_id: None | str | Unset = UNSET
    disabled_reason: None | str | Unset = UNSET
    mode: HookMode | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        target_url = self.target_url

        event = self.event

        secret: None | str
        secret = self.secret

        status = self.status.value

        created_at = self.created_at

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        else:
            template_id = self.template_id

        disabled_reason: None | str | Unset
        if isinstance(self.disabled_reason, Unset):
            disabled_reason = UNSET
        else:
            disabled_reason = self.disabled_reason

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "target_url": target_url,
                "event": event,
                "secret": secret,
                "status": status,
                "created_at": created_at,
            }
        )
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if disabled_reason is not UNSET:
            field_dict["disabled_reason"] = disabled_reason
        if mode is not UNSET:
            field_dict["mode"] = mode

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        target_url = d.pop("target_url")

        event = d.pop("event")

        def _parse_secret(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        secret = _parse_secret(d.pop("secret"))

        status = HookStatus(d.pop("status"))

        created_at = d.pop("created_at")

        def _parse_template_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        template_id = _parse_template_id(d.pop("template_id", UNSET))

        def _parse_disabled_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason", UNSET))

        _mode = d.pop("mode", UNSET)
        mode: HookMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = HookMode(_mode)

        hook = cls(
            id=id,
            target_url=target_url,
            event=event,
            secret=secret,
            status=status,
            created_at=created_at,
            template_id=template_id,
            disabled_reason=disabled_reason,
            mode=mode,
        )

        hook.additional_properties = d
        return hook

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
