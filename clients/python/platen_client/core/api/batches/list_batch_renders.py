from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.list_batch_renders_order import ListBatchRendersOrder
from ...models.list_batch_renders_status import ListBatchRendersStatus
from ...models.render import Render
from ...types import UNSET, Response, Unset


def _get_kwargs(
    batch_id: str,
    *,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    order: ListBatchRendersOrder | Unset = ListBatchRendersOrder.ROWS,
    status: ListBatchRendersStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["page"] = page

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/batches/{batch_id}/renders".format(
            batch_id=quote(str(batch_id), safe=""),
        ),
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
) -> Response[Error | list[Render]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    batch_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    order: ListBatchRendersOrder | Unset = ListBatchRendersOrder.ROWS,
    status: ListBatchRendersStatus | Unset = UNSET,
) -> Response[Error | list[Render]]:
    """List a batch's renders

     In row order (row 1 is the first row under the header), `limit` per page, or `order=newest` for the
    last rows made first; `status=failed` lists the rows that failed, each saying why in `error`.

    Args:
        batch_id (str):
        limit (int | Unset):  Default: 20.
        page (int | Unset):  Default: 0.
        order (ListBatchRendersOrder | Unset):  Default: ListBatchRendersOrder.ROWS.
        status (ListBatchRendersStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Render]]
    """

    kwargs = _get_kwargs(
        batch_id=batch_id,
        limit=limit,
        page=page,
        order=order,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    batch_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    order: ListBatchRendersOrder | Unset = ListBatchRendersOrder.ROWS,
    status: ListBatchRendersStatus | Unset = UNSET,
) -> Error | list[Render] | None:
    """List a batch's renders

     In row order (row 1 is the first row under the header), `limit` per page, or `order=newest` for the
    last rows made first; `status=failed` lists the rows that failed, each saying why in `error`.

    Args:
        batch_id (str):
        limit (int | Unset):  Default: 20.
        page (int | Unset):  Default: 0.
        order (ListBatchRendersOrder | Unset):  Default: ListBatchRendersOrder.ROWS.
        status (ListBatchRendersStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Render]
    """

    return sync_detailed(
        batch_id=batch_id,
        client=client,
        limit=limit,
        page=page,
        order=order,
        status=status,
    ).parsed


async def asyncio_detailed(
    batch_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    order: ListBatchRendersOrder | Unset = ListBatchRendersOrder.ROWS,
    status: ListBatchRendersStatus | Unset = UNSET,
) -> Response[Error | list[Render]]:
    """List a batch's renders

     In row order (row 1 is the first row under the header), `limit` per page, or `order=newest` for the
    last rows made first; `status=failed` lists the rows that failed, each saying why in `error`.

    Args:
        batch_id (str):
        limit (int | Unset):  Default: 20.
        page (int | Unset):  Default: 0.
        order (ListBatchRendersOrder | Unset):  Default: ListBatchRendersOrder.ROWS.
        status (ListBatchRendersStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Render]]
    """

    kwargs = _get_kwargs(
        batch_id=batch_id,
        limit=limit,
        page=page,
        order=order,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    batch_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    order: ListBatchRendersOrder | Unset = ListBatchRendersOrder.ROWS,
    status: ListBatchRendersStatus | Unset = UNSET,
) -> Error | list[Render] | None:
    """List a batch's renders

     In row order (row 1 is the first row under the header), `limit` per page, or `order=newest` for the
    last rows made first; `status=failed` lists the rows that failed, each saying why in `error`.

    Args:
        batch_id (str):
        limit (int | Unset):  Default: 20.
        page (int | Unset):  Default: 0.
        order (ListBatchRendersOrder | Unset):  Default: ListBatchRendersOrder.ROWS.
        status (ListBatchRendersStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Render]
    """

    return (
        await asyncio_detailed(
            batch_id=batch_id,
            client=client,
            limit=limit,
            page=page,
            order=order,
            status=status,
        )
    ).parsed
