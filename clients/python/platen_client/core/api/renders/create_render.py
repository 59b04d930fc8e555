from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.render import Render
from ...models.render_create import RenderCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: RenderCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/renders",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Render:
    if response.status_code == 201:
        response_201 = Render.from_dict(response.json())

        return response_201

    if response.status_code == 202:
        response_202 = Render.from_dict(response.json())

        return response_202

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = Error.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Render]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RenderCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Render]:
    """Render an image

     Answers 201 with the finished render when it completes within `timeout` seconds, else 202 with the
    render still `queued` or `rendering`; `wait: false` always answers 202 at once. A render that fails
    while you wait answers 422 `render_failed` naming the cause. The same template version, fields and
    format render once: repeats come from the cache (`cached: true`) and use no credit.

    Args:
        idempotency_key (str | Unset):
        body (RenderCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Render]
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
    body: RenderCreate,
    idempotency_key: str | Unset = UNSET,
) -> Error | Render | None:
    """Render an image

     Answers 201 with the finished render when it completes within `timeout` seconds, else 202 with the
    render still `queued` or `rendering`; `wait: false` always answers 202 at once. A render that fails
    while you wait answers 422 `render_failed` naming the cause. The same template version, fields and
    format render once: repeats come from the cache (`cached: true`) and use no credit.

    Args:
        idempotency_key (str | Unset):
        body (RenderCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Render
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RenderCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Render]:
    """Render an image

     Answers 201 with the finished render when it completes within `timeout` seconds, else 202 with the
    render still `queued` or `rendering`; `wait: false` always answers 202 at once. A render that fails
    while you wait answers 422 `render_failed` naming the cause. The same template version, fields and
    format render once: repeats come from the cache (`cached: true`) and use no credit.

    Args:
        idempotency_key (str | Unset):
        body (RenderCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Render]
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
    body: RenderCreate,
    idempotency_key: str | Unset = UNSET,
) -> Error | Render | None:
    """Render an image

     Answers 201 with the finished render when it completes within `timeout` seconds, else 202 with the
    render still `queued` or `rendering`; `wait: false` always answers 202 at once. A render that fails
    while you wait answers 422 `render_failed` naming the cause. The same template version, fields and
    format render once: repeats come from the cache (`cached: true`) and use no credit.

    Args:
        idempotency_key (str | Unset):
        body (RenderCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Render
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
