from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.asset import Asset
from ...models.create_asset_files_body import CreateAssetFilesBody
from ...models.error import Error
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: CreateAssetFilesBody | File | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/assets",
    }

    if isinstance(body, CreateAssetFilesBody):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "image/png"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "image/jpeg"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "image/webp"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "image/gif"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Asset | Error:
    if response.status_code == 200:
        response_200 = Asset.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Asset.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Asset | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateAssetFilesBody | File | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Asset | Error]:
    """Upload an asset

     A PNG, JPEG, WebP or GIF image (judged by its content, not its name), at most 10 MB (413 above) and
    40
    megapixels (422 above); anything else is a 415. Use its `url` as any image `src`: this account's
    renders
    read it straight from storage. The same bytes uploaded again are the same asset: 200 with the asset
    made
    the first time.

    Args:
        idempotency_key (str | Unset):
        body (CreateAssetFilesBody):
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Asset | Error]
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
    body: CreateAssetFilesBody | File | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Asset | Error | None:
    """Upload an asset

     A PNG, JPEG, WebP or GIF image (judged by its content, not its name), at most 10 MB (413 above) and
    40
    megapixels (422 above); anything else is a 415. Use its `url` as any image `src`: this account's
    renders
    read it straight from storage. The same bytes uploaded again are the same asset: 200 with the asset
    made
    the first time.

    Args:
        idempotency_key (str | Unset):
        body (CreateAssetFilesBody):
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Asset | Error
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateAssetFilesBody | File | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Asset | Error]:
    """Upload an asset

     A PNG, JPEG, WebP or GIF image (judged by its content, not its name), at most 10 MB (413 above) and
    40
    megapixels (422 above); anything else is a 415. Use its `url` as any image `src`: this account's
    renders
    read it straight from storage. The same bytes uploaded again are the same asset: 200 with the asset
    made
    the first time.

    Args:
        idempotency_key (str | Unset):
        body (CreateAssetFilesBody):
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Asset | Error]
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
    body: CreateAssetFilesBody | File | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Asset | Error | None:
    """Upload an asset

     A PNG, JPEG, WebP or GIF image (judged by its content, not its name), at most 10 MB (413 above) and
    40
    megapixels (422 above); anything else is a 415. Use its `url` as any image `src`: this account's
    renders
    read it straight from storage. The same bytes uploaded again are the same asset: 200 with the asset
    made
    the first time.

    Args:
        idempotency_key (str | Unset):
        body (CreateAssetFilesBody):
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.
        body (File): The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and
            40 megapixels.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Asset | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
