from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.batch_preview import BatchPreview
from ...models.error import Error
from ...models.preview_batch_body import PreviewBatchBody
from ...types import Response


def _get_kwargs(
    *,
    body: PreviewBatchBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/batches/preview",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BatchPreview | Error:
    if response.status_code == 200:
        response_200 = BatchPreview.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BatchPreview | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PreviewBatchBody,
) -> Response[BatchPreview | Error]:
    """Preview a file batch

     What POST /batches would make of a CSV or Excel file, without starting anything: its columns, which
    field
    each fills (`mapping`: by name, letter case aside, or by the `mapping` you send), the columns
    ignored, the
    required fields no column fills, how many rows it has and the first `limit` rows as the fields they
    would
    render with. The file is read exactly as a batch reads it — the same limits and the same errors (415
    for a
    PDF, 422 for a sheet the workbook lacks) — except that no column matching a field is not an error
    here, so
    a form can offer to map them by hand. Costs nothing and stores nothing.

    Args:
        body (PreviewBatchBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchPreview | Error]
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
    body: PreviewBatchBody,
) -> BatchPreview | Error | None:
    """Preview a file batch

     What POST /batches would make of a CSV or Excel file, without starting anything: its columns, which
    field
    each fills (`mapping`: by name, letter case aside, or by the `mapping` you send), the columns
    ignored, the
    required fields no column fills, how many rows it has and the first `limit` rows as the fields they
    would
    render with. The file is read exactly as a batch reads it — the same limits and the same errors (415
    for a
    PDF, 422 for a sheet the workbook lacks) — except that no column matching a field is not an error
    here, so
    a form can offer to map them by hand. Costs nothing and stores nothing.

    Args:
        body (PreviewBatchBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchPreview | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PreviewBatchBody,
) -> Response[BatchPreview | Error]:
    """Preview a file batch

     What POST /batches would make of a CSV or Excel file, without starting anything: its columns, which
    field
    each fills (`mapping`: by name, letter case aside, or by the `mapping` you send), the columns
    ignored, the
    required fields no column fills, how many rows it has and the first `limit` rows as the fields they
    would
    render with. The file is read exactly as a batch reads it — the same limits and the same errors (415
    for a
    PDF, 422 for a sheet the workbook lacks) — except that no column matching a field is not an error
    here, so
    a form can offer to map them by hand. Costs nothing and stores nothing.

    Args:
        body (PreviewBatchBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchPreview | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PreviewBatchBody,
) -> BatchPreview | Error | None:
    """Preview a file batch

     What POST /batches would make of a CSV or Excel file, without starting anything: its columns, which
    field
    each fills (`mapping`: by name, letter case aside, or by the `mapping` you send), the columns
    ignored, the
    required fields no column fills, how many rows it has and the first `limit` rows as the fields they
    would
    render with. The file is read exactly as a batch reads it — the same limits and the same errors (415
    for a
    PDF, 422 for a sheet the workbook lacks) — except that no column matching a field is not an error
    here, so
    a form can offer to map them by hand. Costs nothing and stores nothing.

    Args:
        body (PreviewBatchBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchPreview | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
