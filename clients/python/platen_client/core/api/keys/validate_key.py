from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.key_validate import KeyValidate
from ...models.key_validation import KeyValidation
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: KeyValidate | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/keys/validate",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | KeyValidation:
    if response.status_code == 200:
        response_200 = KeyValidation.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | KeyValidation]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KeyValidate | Unset = UNSET,
) -> Response[Error | KeyValidation]:
    """Check whether a key works

     Tells a typo (`checksum_mismatch`) from a `revoked` or `unknown` key, and shows what a valid key is
    (account, mode, scopes, label). Never returns the secret. Without `key`, checks the calling key.

    Args:
        body (KeyValidate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | KeyValidation]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: KeyValidate | Unset = UNSET,
) -> Error | KeyValidation | None:
    """Check whether a key works

     Tells a typo (`checksum_mismatch`) from a `revoked` or `unknown` key, and shows what a valid key is
    (account, mode, scopes, label). Never returns the secret. Without `key`, checks the calling key.

    Args:
        body (KeyValidate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | KeyValidation
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KeyValidate | Unset = UNSET,
) -> Response[Error | KeyValidation]:
    """Check whether a key works

     Tells a typo (`checksum_mismatch`) from a `revoked` or `unknown` key, and shows what a valid key is
    (account, mode, scopes, label). Never returns the secret. Without `key`, checks the calling key.

    Args:
        body (KeyValidate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | KeyValidation]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: KeyValidate | Unset = UNSET,
) -> Error | KeyValidation | None:
    """Check whether a key works

     Tells a typo (`checksum_mismatch`) from a `revoked` or `unknown` key, and shows what a valid key is
    (account, mode, scopes, label). Never returns the secret. Without `key`, checks the calling key.

    Args:
        body (KeyValidate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | KeyValidation
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
