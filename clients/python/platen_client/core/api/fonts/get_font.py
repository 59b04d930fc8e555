from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.font import Font
from ...types import Response


def _get_kwargs(
    font_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/fonts/{font_id}".format(
            font_id=quote(str(font_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Font:
    if response.status_code == 200:
        response_200 = Font.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Font]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    font_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | Font]:
    """Show a brand font

    Args:
        font_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Font]
    """

    kwargs = _get_kwargs(
        font_id=font_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    font_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | Font | None:
    """Show a brand font

    Args:
        font_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Font
    """

    return sync_detailed(
        font_id=font_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    font_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | Font]:
    """Show a brand font

    Args:
        font_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Font]
    """

    kwargs = _get_kwargs(
        font_id=font_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    font_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | Font | None:
    """Show a brand font

    Args:
        font_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Font
    """

    return (
        await asyncio_detailed(
            font_id=font_id,
            client=client,
        )
    ).parsed
