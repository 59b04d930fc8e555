from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.key_create import KeyCreate
from ...models.key_created import KeyCreated
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: KeyCreate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/keys",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | KeyCreated:
    if response.status_code == 201:
        response_201 = KeyCreated.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | KeyCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KeyCreate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | KeyCreated]:
    """Create an API key

     The answer holds the secret `key`: this is the only time it is shown, so store it now.
    Without `scopes` the new key gets the scopes of the key making the call, and never more;
    without `mode` it gets that key's mode (a test key creates only test keys).
    A retry with the same `Idempotency-Key` creates nothing and answers the same key with `key: null`
    and a
    `note`: the secret is never stored, so it cannot be replayed.

    Args:
        idempotency_key (str | Unset):
        body (KeyCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | KeyCreated]
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
    body: KeyCreate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Error | KeyCreated | None:
    """Create an API key

     The answer holds the secret `key`: this is the only time it is shown, so store it now.
    Without `scopes` the new key gets the scopes of the key making the call, and never more;
    without `mode` it gets that key's mode (a test key creates only test keys).
    A retry with the same `Idempotency-Key` creates nothing and answers the same key with `key: null`
    and a
    `note`: the secret is never stored, so it cannot be replayed.

    Args:
        idempotency_key (str | Unset):
        body (KeyCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | KeyCreated
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KeyCreate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | KeyCreated]:
    """Create an API key

     The answer holds the secret `key`: this is the only time it is shown, so store it now.
    Without `scopes` the new key gets the scopes of the key making the call, and never more;
    without `mode` it gets that key's mode (a test key creates only test keys).
    A retry with the same `Idempotency-Key` creates nothing and answers the same key with `key: null`
    and a
    `note`: the secret is never stored, so it cannot be replayed.

    Args:
        idempotency_key (str | Unset):
        body (KeyCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | KeyCreated]
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
    body: KeyCreate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Error | KeyCreated | None:
    """Create an API key

     The answer holds the secret `key`: this is the only time it is shown, so store it now.
    Without `scopes` the new key gets the scopes of the key making the call, and never more;
    without `mode` it gets that key's mode (a test key creates only test keys).
    A retry with the same `Idempotency-Key` creates nothing and answers the same key with `key: null`
    and a
    `note`: the secret is never stored, so it cannot be replayed.

    Args:
        idempotency_key (str | Unset):
        body (KeyCreate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | KeyCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
