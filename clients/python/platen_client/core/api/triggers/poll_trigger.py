import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.batch import Batch
from ...models.error import Error
from ...models.generation import Generation
from ...models.poll_trigger_event import PollTriggerEvent
from ...models.render import Render
from ...types import UNSET, Response, Unset


def _get_kwargs(
    event: PollTriggerEvent,
    *,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    since: datetime.date | datetime.datetime | str | Unset = UNSET,
    template_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["page"] = page

    json_since: str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime) or isinstance(since, datetime.date):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    params["template_id"] = template_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/triggers/{event}".format(
            event=quote(str(event), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[Batch | Generation | Render]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:

            def _parse_response_200_item(data: object) -> Batch | Generation | Render:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_200_item_type_0 = Render.from_dict(data)

                    return response_200_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_200_item_type_1 = Batch.from_dict(data)

                    return response_200_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_item_type_2 = Generation.from_dict(data)

                return response_200_item_type_2

            response_200_item = _parse_response_200_item(response_200_item_data)

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
) -> Response[Error | list[Batch | Generation | Render]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    event: PollTriggerEvent,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    since: datetime.date | datetime.datetime | str | Unset = UNSET,
    template_id: str | Unset = UNSET,
) -> Response[Error | list[Batch | Generation | Render]]:
    """Poll a trigger

     A bare array of the objects that webhooks deliver as `data` for this event (`render.completed`,
    `render.failed`: render objects; `batch.completed`: batch objects; `generation.completed`,
    `generation.failed`: generation objects), newest first by when the event
    happened, each with its `id` (what Zapier and Make deduplicate on).

    Args:
        event (PollTriggerEvent):
        limit (int | Unset):  Default: 20.
        page (int | Unset):  Default: 0.
        since (datetime.date | datetime.datetime | str | Unset):
        template_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Batch | Generation | Render]]
    """

    kwargs = _get_kwargs(
        event=event,
        limit=limit,
        page=page,
        since=since,
        template_id=template_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    event: PollTriggerEvent,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    since: datetime.date | datetime.datetime | str | Unset = UNSET,
    template_id: str | Unset = UNSET,
) -> Error | list[Batch | Generation | Render] | None:
    """Poll a trigger

     A bare array of the objects that webhooks deliver as `data` for this event (`render.completed`,
    `render.failed`: render objects; `batch.completed`: batch objects; `generation.completed`,
    `generation.failed`: generation objects), newest first by when the event
    happened, each with its `id` (what Zapier and Make deduplicate on).

    Args:
        event (PollTriggerEvent):
        limit (int | Unset):  Default: 20.
        page (int | Unset):  Default: 0.
        since (datetime.date | datetime.datetime | str | Unset):
        template_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Batch | Generation | Render]
    """

    return sync_detailed(
        event=event,
        client=client,
        limit=limit,
        page=page,
        since=since,
        template_id=template_id,
    ).parsed


async def asyncio_detailed(
    event: PollTriggerEvent,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    since: datetime.date | datetime.datetime | str | Unset = UNSET,
    template_id: str | Unset = UNSET,
) -> Response[Error | list[Batch | Generation | Render]]:
    """Poll a trigger

     A bare array of the objects that webhooks deliver as `data` for this event (`render.completed`,
    `render.failed`: render objects; `batch.completed`: batch objects; `generation.completed`,
    `generation.failed`: generation objects), newest first by when the event
    happened, each with its `id` (what Zapier and Make deduplicate on).

    Args:
        event (PollTriggerEvent):
        limit (int | Unset):  Default: 20.
        page (int | Unset):  Default: 0.
        since (datetime.date | datetime.datetime | str | Unset):
        template_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Batch | Generation | Render]]
    """

    kwargs = _get_kwargs(
        event=event,
        limit=limit,
        page=page,
        since=since,
        template_id=template_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    event: PollTriggerEvent,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    since: datetime.date | datetime.datetime | str | Unset = UNSET,
    template_id: str | Unset = UNSET,
) -> Error | list[Batch | Generation | Render] | None:
    """Poll a trigger

     A bare array of the objects that webhooks deliver as `data` for this event (`render.completed`,
    `render.failed`: render objects; `batch.completed`: batch objects; `generation.completed`,
    `generation.failed`: generation objects), newest first by when the event
    happened, each with its `id` (what Zapier and Make deduplicate on).

    Args:
        event (PollTriggerEvent):
        limit (int | Unset):  Default: 20.
        page (int | Unset):  Default: 0.
        since (datetime.date | datetime.datetime | str | Unset):
        template_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Batch | Generation | Render]
    """

    return (
        await asyncio_detailed(
            event=event,
            client=client,
            limit=limit,
            page=page,
            since=since,
            template_id=template_id,
        )
    ).parsed
