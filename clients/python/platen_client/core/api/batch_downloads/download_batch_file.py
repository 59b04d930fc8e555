from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.download_batch_file_name import DownloadBatchFileName
from ...models.error import Error
from ...types import UNSET, Response


def _get_kwargs(
    batch_id: str,
    name: DownloadBatchFileName,
    *,
    s: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["s"] = s

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/batches/{batch_id}/{name}".format(
            batch_id=quote(str(batch_id), safe=""),
            name=quote(str(name), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | str:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    batch_id: str,
    name: DownloadBatchFileName,
    *,
    client: AuthenticatedClient | Client,
    s: str,
) -> Response[Error | str]:
    """Download a batch's results without a key

     The `results_url` and `archive_url` of a batch: signed with the account's secret, so they work in an
    email,
    a browser or the next step of a zap. A changed or missing `s` is a 403.

    Args:
        batch_id (str):
        name (DownloadBatchFileName):
        s (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
    """

    kwargs = _get_kwargs(
        batch_id=batch_id,
        name=name,
        s=s,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    batch_id: str,
    name: DownloadBatchFileName,
    *,
    client: AuthenticatedClient | Client,
    s: str,
) -> Error | str | None:
    """Download a batch's results without a key

     The `results_url` and `archive_url` of a batch: signed with the account's secret, so they work in an
    email,
    a browser or the next step of a zap. A changed or missing `s` is a 403.

    Args:
        batch_id (str):
        name (DownloadBatchFileName):
        s (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return sync_detailed(
        batch_id=batch_id,
        name=name,
        client=client,
        s=s,
    ).parsed


async def asyncio_detailed(
    batch_id: str,
    name: DownloadBatchFileName,
    *,
    client: AuthenticatedClient | Client,
    s: str,
) -> Response[Error | str]:
    """Download a batch's results without a key

     The `results_url` and `archive_url` of a batch: signed with the account's secret, so they work in an
    email,
    a browser or the next step of a zap. A changed or missing `s` is a 403.

    Args:
        batch_id (str):
        name (DownloadBatchFileName):
        s (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
    """

    kwargs = _get_kwargs(
        batch_id=batch_id,
        name=name,
        s=s,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    batch_id: str,
    name: DownloadBatchFileName,
    *,
    client: AuthenticatedClient | Client,
    s: str,
) -> Error | str | None:
    """Download a batch's results without a key

     The `results_url` and `archive_url` of a batch: signed with the account's secret, so they work in an
    email,
    a browser or the next step of a zap. A changed or missing `s` is a 403.

    Args:
        batch_id (str):
        name (DownloadBatchFileName):
        s (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return (
        await asyncio_detailed(
            batch_id=batch_id,
            name=name,
            client=client,
            s=s,
        )
    ).parsed
