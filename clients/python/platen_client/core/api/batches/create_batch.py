from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.batch import Batch
from ...models.batch_create import BatchCreate
from ...models.create_batch_files_body import CreateBatchFilesBody
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BatchCreate | CreateBatchFilesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/batches",
    }

    if isinstance(body, BatchCreate):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, CreateBatchFilesBody):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Batch | Error:
    if response.status_code == 202:
        response_202 = Batch.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Batch | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BatchCreate | CreateBatchFilesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Batch | Error]:
    """Start a batch

     One render per row, from JSON `rows`, or a CSV or Excel (.xlsx) `file`; answers 202 at once. Each
    row's
    render carries the `batch_id` and `metadata.row` (1-based). A row with a bad value fails alone, with
    its
    reason, and the batch goes on. When every row is done, `batch.completed` fires (hooks, the polling
    trigger and this batch's `webhook_url`). Batch rows wait behind single renders, so a big batch never
    slows your one-off renders down. Every fresh row uses one credit (a PDF one per page); the batch is
    refused with
    402 up front if the month's credits cannot cover every row.

    Args:
        idempotency_key (str | Unset):
        body (BatchCreate):
        body (CreateBatchFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Batch | Error]
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
    body: BatchCreate | CreateBatchFilesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Batch | Error | None:
    """Start a batch

     One render per row, from JSON `rows`, or a CSV or Excel (.xlsx) `file`; answers 202 at once. Each
    row's
    render carries the `batch_id` and `metadata.row` (1-based). A row with a bad value fails alone, with
    its
    reason, and the batch goes on. When every row is done, `batch.completed` fires (hooks, the polling
    trigger and this batch's `webhook_url`). Batch rows wait behind single renders, so a big batch never
    slows your one-off renders down. Every fresh row uses one credit (a PDF one per page); the batch is
    refused with
    402 up front if the month's credits cannot cover every row.

    Args:
        idempotency_key (str | Unset):
        body (BatchCreate):
        body (CreateBatchFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Batch | Error
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BatchCreate | CreateBatchFilesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Batch | Error]:
    """Start a batch

     One render per row, from JSON `rows`, or a CSV or Excel (.xlsx) `file`; answers 202 at once. Each
    row's
    render carries the `batch_id` and `metadata.row` (1-based). A row with a bad value fails alone, with
    its
    reason, and the batch goes on. When every row is done, `batch.completed` fires (hooks, the polling
    trigger and this batch's `webhook_url`). Batch rows wait behind single renders, so a big batch never
    slows your one-off renders down. Every fresh row uses one credit (a PDF one per page); the batch is
    refused with
    402 up front if the month's credits cannot cover every row.

    Args:
        idempotency_key (str | Unset):
        body (BatchCreate):
        body (CreateBatchFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Batch | Error]
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
    body: BatchCreate | CreateBatchFilesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Batch | Error | None:
    """Start a batch

     One render per row, from JSON `rows`, or a CSV or Excel (.xlsx) `file`; answers 202 at once. Each
    row's
    render carries the `batch_id` and `metadata.row` (1-based). A row with a bad value fails alone, with
    its
    reason, and the batch goes on. When every row is done, `batch.completed` fires (hooks, the polling
    trigger and this batch's `webhook_url`). Batch rows wait behind single renders, so a big batch never
    slows your one-off renders down. Every fresh row uses one credit (a PDF one per page); the batch is
    refused with
    402 up front if the month's credits cannot cover every row.

    Args:
        idempotency_key (str | Unset):
        body (BatchCreate):
        body (CreateBatchFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Batch | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
