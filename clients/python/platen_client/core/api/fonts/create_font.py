from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_font_files_body import CreateFontFilesBody
from ...models.error import Error
from ...models.font import Font
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: CreateFontFilesBody | File | Unset = UNSET,
    filename: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    params["filename"] = filename

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/fonts",
        "params": params,
    }

    if isinstance(body, CreateFontFilesBody):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "font/ttf"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "font/otf"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "font/woff"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "font/woff2"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Font:
    if response.status_code == 200:
        response_200 = Font.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Font.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Font]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateFontFilesBody | File | Unset = UNSET,
    filename: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Font]:
    """Upload a brand font

     TTF, OTF, WOFF or WOFF2, at most 10 MB; family, weight and style are read from the file. This
    account's
    renders can use it at once, by family, and it takes the place of an installed font of the same
    family.
    Upload one file per weight and style. At most 50 fonts per account. The same file (by `sha256`)
    uploaded again is the same font: 200 with the font made the first time.

    Args:
        filename (str | Unset):
        idempotency_key (str | Unset):
        body (CreateFontFilesBody):
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Font]
    """

    kwargs = _get_kwargs(
        body=body,
        filename=filename,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateFontFilesBody | File | Unset = UNSET,
    filename: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Error | Font | None:
    """Upload a brand font

     TTF, OTF, WOFF or WOFF2, at most 10 MB; family, weight and style are read from the file. This
    account's
    renders can use it at once, by family, and it takes the place of an installed font of the same
    family.
    Upload one file per weight and style. At most 50 fonts per account. The same file (by `sha256`)
    uploaded again is the same font: 200 with the font made the first time.

    Args:
        filename (str | Unset):
        idempotency_key (str | Unset):
        body (CreateFontFilesBody):
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Font
    """

    return sync_detailed(
        client=client,
        body=body,
        filename=filename,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateFontFilesBody | File | Unset = UNSET,
    filename: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Font]:
    """Upload a brand font

     TTF, OTF, WOFF or WOFF2, at most 10 MB; family, weight and style are read from the file. This
    account's
    renders can use it at once, by family, and it takes the place of an installed font of the same
    family.
    Upload one file per weight and style. At most 50 fonts per account. The same file (by `sha256`)
    uploaded again is the same font: 200 with the font made the first time.

    Args:
        filename (str | Unset):
        idempotency_key (str | Unset):
        body (CreateFontFilesBody):
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Font]
    """

    kwargs = _get_kwargs(
        body=body,
        filename=filename,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateFontFilesBody | File | Unset = UNSET,
    filename: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Error | Font | None:
    """Upload a brand font

     TTF, OTF, WOFF or WOFF2, at most 10 MB; family, weight and style are read from the file. This
    account's
    renders can use it at once, by family, and it takes the place of an installed font of the same
    family.
    Upload one file per weight and style. At most 50 fonts per account. The same file (by `sha256`)
    uploaded again is the same font: 200 with the font made the first time.

    Args:
        filename (str | Unset):
        idempotency_key (str | Unset):
        body (CreateFontFilesBody):
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.
        body (File): The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Font
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            filename=filename,
            idempotency_key=idempotency_key,
        )
    ).parsed
