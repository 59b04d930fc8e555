import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.list_renders_status import ListRendersStatus
from ...models.render import Render
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    status: ListRendersStatus | Unset = UNSET,
    template_id: str | Unset = UNSET,
    batch_id: str | Unset = UNSET,
    since: datetime.date | datetime.datetime | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["page"] = page

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["template_id"] = template_id

    params["batch_id"] = batch_id

    json_since: str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime) or isinstance(since, datetime.date):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/renders",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | list[Render]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Render.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[Render]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    status: ListRendersStatus | Unset = UNSET,
    template_id: str | Unset = UNSET,
    batch_id: str | Unset = UNSET,
    since: datetime.date | datetime.datetime | str | Unset = UNSET,
) -> Response[Error | list[Render]]:
    """List renders

     Newest first; filter by `status`, `template_id`, `batch_id` and `since` (an ISO time or a render
    id).

    Args:
        limit (int | Unset):  Default: 20.
        page (int | Unset):  Default: 0.
        status (ListRendersStatus | Unset):
        template_id (str | Unset):
        batch_id (str | Unset):
        since (datetime.date | datetime.datetime | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Render]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        page=page,
        status=status,
        template_id=template_id,
        batch_id=batch_id,
        since=since,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    status: ListRendersStatus | Unset = UNSET,
    template_id: str | Unset = UNSET,
    batch_id: str | Unset = UNSET,
    since: datetime.date | datetime.datetime | str | Unset = UNSET,
) -> Error | list[Render] | None:
    """List renders

     Newest first; filter by `status`, `template_id`, `batch_id` and `since` (an ISO time or a render
    id).

    Args:
        limit (int | Unset):  Default: 20.
        page (int | Unset):  Default: 0.
        status (ListRendersStatus | Unset):
        template_id (str | Unset):
        batch_id (str | Unset):
        since (datetime.date | datetime.datetime | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Render]
    """

    return sync_detailed(
        client=client,
        limit=limit,
        page=page,
        status=status,
        template_id=template_id,
        batch_id=batch_id,
        since=since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    status: ListRendersStatus | Unset = UNSET,
    template_id: str | Unset = UNSET,
    batch_id: str | Unset = UNSET,
    since: datetime.date | datetime.datetime | str | Unset = UNSET,
) -> Response[Error | list[Render]]:
    """List renders

     Newest first; filter by `status`, `template_id`, `batch_id` and `since` (an ISO time or a render
    id).

    Args:
        limit (int | Unset):  Default: 20.
        page (int | Unset):  Default: 0.
        status (ListRendersStatus | Unset):
        template_id (str | Unset):
        batch_id (str | Unset):
        since (datetime.date | datetime.datetime | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Render]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        page=page,
        status=status,
        template_id=template_id,
        batch_id=batch_id,
        since=since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    status: ListRendersStatus | Unset = UNSET,
    template_id: str | Unset = UNSET,
    batch_id: str | Unset = UNSET,
    since: datetime.date | datetime.datetime | str | Unset = UNSET,
) -> Error | list[Render] | None:
    """List renders

     Newest first; filter by `status`, `template_id`, `batch_id` and `since` (an ISO time or a render
    id).

    Args:
        limit (int | Unset):  Default: 20.
        page (int | Unset):  Default: 0.
        status (ListRendersStatus | Unset):
        template_id (str | Unset):
        batch_id (str | Unset):
        since (datetime.date | datetime.datetime | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Render]
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            page=page,
            status=status,
            template_id=template_id,
            batch_id=batch_id,
            since=since,
        )
    ).parsed
