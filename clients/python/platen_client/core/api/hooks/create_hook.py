from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.hook import Hook
from ...models.hook_create import HookCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: HookCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/hooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Hook:
    if response.status_code == 201:
        response_201 = Hook.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Hook]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: HookCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Hook]:
    """Subscribe a URL to an event

     Zapier's `performSubscribe`, Make's `attach`, n8n's `create`. The answer holds the hook's `secret`
    (`whsec_…`) to verify deliveries with any Standard Webhooks library. A private, loopback or link-
    local
    address, or a local name such as `localhost`, is refused (422 naming `target_url`).

    Args:
        idempotency_key (str | Unset):
        body (HookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Hook]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: HookCreate,
    idempotency_key: str | Unset = UNSET,
) -> Error | Hook | None:
    """Subscribe a URL to an event

     Zapier's `performSubscribe`, Make's `attach`, n8n's `create`. The answer holds the hook's `secret`
    (`whsec_…`) to verify deliveries with any Standard Webhooks library. A private, loopback or link-
    local
    address, or a local name such as `localhost`, is refused (422 naming `target_url`).

    Args:
        idempotency_key (str | Unset):
        body (HookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Hook
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: HookCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Hook]:
    """Subscribe a URL to an event

     Zapier's `performSubscribe`, Make's `attach`, n8n's `create`. The answer holds the hook's `secret`
    (`whsec_…`) to verify deliveries with any Standard Webhooks library. A private, loopback or link-
    local
    address, or a local name such as `localhost`, is refused (422 naming `target_url`).

    Args:
        idempotency_key (str | Unset):
        body (HookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Hook]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: HookCreate,
    idempotency_key: str | Unset = UNSET,
) -> Error | Hook | None:
    """Subscribe a URL to an event

     Zapier's `performSubscribe`, Make's `attach`, n8n's `create`. The answer holds the hook's `secret`
    (`whsec_…`) to verify deliveries with any Standard Webhooks library. A private, loopback or link-
    local
    address, or a local name such as `localhost`, is refused (422 naming `target_url`).

    Args:
        idempotency_key (str | Unset):
        body (HookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Hook
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
