from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.render import Render
from ...types import Response


def _get_kwargs(
    render_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/renders/{render_id}".format(
            render_id=quote(str(render_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Render:
    if response.status_code == 200:
        response_200 = Render.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Render]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    render_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | Render]:
    """Show one render

    Args:
        render_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Render]
    """

    kwargs = _get_kwargs(
        render_id=render_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    render_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | Render | None:
    """Show one render

    Args:
        render_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Render
    """

    return sync_detailed(
        render_id=render_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    render_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | Render]:
    """Show one render

    Args:
        render_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Render]
    """

    kwargs = _get_kwargs(
        render_id=render_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    render_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | Render | None:
    """Show one render

    Args:
        render_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Render
    """

    return (
        await asyncio_detailed(
            render_id=render_id,
            client=client,
        )
    ).parsed
