from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_details_fields import ErrorDetailsFields


T = TypeVar("T", bound="ErrorDetails")


@_attrs_define
class ErrorDetails:
    """
    Attributes:
        fields (ErrorDetailsFields | Unset): 422 `validation_failed`: the problems, by field (`rows[2].title`). Example:
            {'rows': ['is required.']}.
        field (str | Unset): The field, parameter or upload part at fault. Example: webhook_url.
        path (str | Unset): The place in a template that is wrong. Example: layers[2].font_size.
        parameter (str | Unset): The path parameter that was empty (404).
        header (str | Unset): The request header at fault. Example: If-Match.
        allowed_methods (list[str] | Unset): 405: the methods the path takes.
        missing_scope (str | Unset): 403: the scope the key lacks. Example: templates:write.
        reason (str | Unset): 401: why the key was refused (`malformed`, `unknown`, `revoked`, …).
        render_id (str | Unset): 422 `render_failed`: the render that failed.
        error (str | Unset): 422 `render_failed`: the render's own error code.
        status (str | Unset): 409: the status of the object that is not ready (`queued`, `rendering`, `running`, …).
        current_version (int | Unset): 409: the template's version now.
        expected_version (int | Unset): 409: the version `If-Match` named.
        latest_version (int | Unset): 404: the template's latest version.
        limit (int | Unset): 402: the month's credits; 422: a count limit.
        used (int | Unset): 402: credits used this month.
        needed (int | Unset): 402: credits the request needs.
        remaining (int | Unset): 402: credits left.
        period_end (str | Unset): 402: when the credits renew.
        size_bytes (int | Unset): 413/422: the size of what was sent.
        limit_bytes (int | Unset): 413/422: the largest size taken.
    """

    fields: ErrorDetailsFields | Unset = UNSET
    field: str | Unset = UNSET
    path: str | Unset = UNSET
    parameter: str | Unset = UNSET
    header: str | Unset = UNSET
    allowed_methods: list[str] | Unset = UNSET
    missing_scope: str | Unset = UNSET
    reason: str | Unset = UNSET
    render_id: str | Unset = UNSET
    error: str | Unset = UNSET
    status: str | Unset = UNSET
    current_version: int | Unset = UNSET
    expected_version: int | Unset = UNSET
    latest_version: int | Unset = UNSET
    limit: int | Unset = UNSET
    used: int | Unset = UNSET
    needed: int | Unset = UNSET
    remaining: int | Unset = UNSET
    period_end: str | Unset = UNSET
    size_bytes: int | Unset = UNSET
    limit_bytes: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields.to_dict()

        field = self.field

        path = self.path

        parameter = self.parameter

        header = self.header

        allowed_methods: list[str] | Unset = UNSET
        if not isinstance(self.allowed_methods, Unset):
            allowed_methods = self.allowed_methods

        missing_scope = self.missing_scope

        reason = self.reason

        render_id = self.render_id

        error = self.error

        status = self.status

        current_version = self.current_version

        expected_version = self.expected_version

        latest_version = self.latest_version

        limit = self.limit

        used = self.used

        needed = self.needed

        remaining = self.remaining

        period_end = self.period_end

        size_bytes = self.size_bytes

        limit_bytes = self.limit_bytes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if fields is not UNSET:
            field_dict["fields"] = fields
        if field is not UNSET:
            field_dict["field"] = field
        if path is not UNSET:
            field_dict["path"] = path
        if parameter is not UNSET:
            field_dict["parameter"] = parameter
        if header is not UNSET:
            field_dict["header"] = header
        if allowed_methods is not UNSET:
            field_dict["allowed_methods"] = allowed_methods
        if missing_scope is not UNSET:
            field_dict["missing_scope"] = missing_scope
        if reason is not UNSET:
            field_dict["reason"] = reason
        if render_id is not UNSET:
            field_dict["render_id"] = render_id
        if error is not UNSET:
            field_dict["error"] = error
        if status is not UNSET:
            field_dict["status"] = status
        if current_version is not UNSET:
            field_dict["current_version"] = current_version
        if expected_version is not UNSET:
            field_dict["expected_version"] = expected_version
        if latest_version is not UNSET:
            field_dict["latest_version"] = latest_version
        if limit is not UNSET:
            field_dict["limit"] = limit
        if used is not UNSET:
            field_dict["used"] = used
        if needed is not UNSET:
            field_dict["needed"] = needed
        if remaining is not UNSET:
            field_dict["remaining"] = remaining
        if period_end is not UNSET:
            field_dict["period_end"] = period_end
        if size_bytes is not UNSET:
            field_dict["size_bytes"] = size_bytes
        if limit_bytes is not UNSET:
            field_dict["limit_bytes"] = limit_bytes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.error_details_fields import ErrorDetailsFields

        d = dict(src_dict)
        _fields = d.pop("fields", UNSET)
        fields: ErrorDetailsFields | Unset
        if isinstance(_fields, Unset):
            fields = UNSET
        else:
            fields = ErrorDetailsFields.from_dict(_fields)

        field = d.pop("field", UNSET)

        path = d.pop("path", UNSET)

        parameter = d.pop("parameter", UNSET)

        header = d.pop("header", UNSET)

        allowed_methods = cast(list[str], d.pop("allowed_methods", UNSET))

        missing_scope = d.pop("missing_scope", UNSET)

        reason = d.pop("reason", UNSET)

        render_id = d.pop("render_id", UNSET)

        error = d.pop("error", UNSET)

        status = d.pop("status", UNSET)

        current_version = d.pop("current_version", UNSET)

        expected_version = d.pop("expected_version", UNSET)

        latest_version = d.pop("latest_version", UNSET)

        limit = d.pop("limit", UNSET)

        used = d.pop("used", UNSET)

        needed = d.pop("needed", UNSET)

        remaining = d.pop("remaining", UNSET)

        period_end = d.pop("period_end", UNSET)

        size_bytes = d.pop("size_bytes", UNSET)

        limit_bytes = d.pop("limit_bytes", UNSET)

        error_details = cls(
            fields=fields,
            field=field,
            path=path,
            parameter=parameter,
            header=header,
            allowed_methods=allowed_methods,
            missing_scope=missing_scope,
            reason=reason,
            render_id=render_id,
            error=error,
            status=status,
            current_version=current_version,
            expected_version=expected_version,
            latest_version=latest_version,
            limit=limit,
            used=used,
            needed=needed,
            remaining=remaining,
            period_end=period_end,
            size_bytes=size_bytes,
            limit_bytes=limit_bytes,
        )

        error_details.additional_properties = d
        return error_details

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
