from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.delivery import Delivery
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    generation_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/generations/{generation_id}/deliveries".format(
            generation_id=quote(str(generation_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | list[Delivery]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Delivery.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[Delivery]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    generation_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | list[Delivery]]:
    """A generation's callback deliveries

     Every attempt to deliver `generation.completed` or `generation.failed` to the generation's own
    `webhook_url`. `[]` when it had none or has not finished.

    Args:
        generation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Delivery]]
    """

    kwargs = _get_kwargs(
        generation_id=generation_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    generation_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | list[Delivery] | None:
    """A generation's callback deliveries

     Every attempt to deliver `generation.completed` or `generation.failed` to the generation's own
    `webhook_url`. `[]` when it had none or has not finished.

    Args:
        generation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Delivery]
    """

    return sync_detailed(
        generation_id=generation_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    generation_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | list[Delivery]]:
    """A generation's callback deliveries

     Every attempt to deliver `generation.completed` or `generation.failed` to the generation's own
    `webhook_url`. `[]` when it had none or has not finished.

    Args:
        generation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Delivery]]
    """

    kwargs = _get_kwargs(
        generation_id=generation_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    generation_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | list[Delivery] | None:
    """A generation's callback deliveries

     Every attempt to deliver `generation.completed` or `generation.failed` to the generation's own
    `webhook_url`. `[]` when it had none or has not finished.

    Args:
        generation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Delivery]
    """

    return (
        await asyncio_detailed(
            generation_id=generation_id,
            client=client,
        )
    ).parsed
