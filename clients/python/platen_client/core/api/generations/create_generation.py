from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_generation_files_body import CreateGenerationFilesBody
from ...models.error import Error
from ...models.generation import Generation
from ...models.generation_create import GenerationCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: GenerationCreate | CreateGenerationFilesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/generations",
    }

    if isinstance(body, GenerationCreate):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, CreateGenerationFilesBody):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Generation:
    if response.status_code == 202:
        response_202 = Generation.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Generation]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GenerationCreate | CreateGenerationFilesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Generation]:
    """Start a generation

     Reads the input (a text as given; a web page or PDF fetched by the server), designs each of
    `output_formats` in `visual_style` and the brand, saves each design as an ordinary template of your
    account and renders its pages as PNGs (a carousel: one render per slide). Answers 202 at once; the
    generation is `completed` (its `outputs` carry template ids, render ids and file URLs) or `failed`
    (its
    `error` says why), and `generation.completed` or `generation.failed` fires (hooks, the polling
    triggers
    and `webhook_url`). One credit per rendered page (test keys: none); refused with 402 up front when
    the
    month's credits cannot cover every page.

    Args:
        idempotency_key (str | Unset):
        body (GenerationCreate):
        body (CreateGenerationFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Generation]
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
    body: GenerationCreate | CreateGenerationFilesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Error | Generation | None:
    """Start a generation

     Reads the input (a text as given; a web page or PDF fetched by the server), designs each of
    `output_formats` in `visual_style` and the brand, saves each design as an ordinary template of your
    account and renders its pages as PNGs (a carousel: one render per slide). Answers 202 at once; the
    generation is `completed` (its `outputs` carry template ids, render ids and file URLs) or `failed`
    (its
    `error` says why), and `generation.completed` or `generation.failed` fires (hooks, the polling
    triggers
    and `webhook_url`). One credit per rendered page (test keys: none); refused with 402 up front when
    the
    month's credits cannot cover every page.

    Args:
        idempotency_key (str | Unset):
        body (GenerationCreate):
        body (CreateGenerationFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Generation
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GenerationCreate | CreateGenerationFilesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Generation]:
    """Start a generation

     Reads the input (a text as given; a web page or PDF fetched by the server), designs each of
    `output_formats` in `visual_style` and the brand, saves each design as an ordinary template of your
    account and renders its pages as PNGs (a carousel: one render per slide). Answers 202 at once; the
    generation is `completed` (its `outputs` carry template ids, render ids and file URLs) or `failed`
    (its
    `error` says why), and `generation.completed` or `generation.failed` fires (hooks, the polling
    triggers
    and `webhook_url`). One credit per rendered page (test keys: none); refused with 402 up front when
    the
    month's credits cannot cover every page.

    Args:
        idempotency_key (str | Unset):
        body (GenerationCreate):
        body (CreateGenerationFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Generation]
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
    body: GenerationCreate | CreateGenerationFilesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Error | Generation | None:
    """Start a generation

     Reads the input (a text as given; a web page or PDF fetched by the server), designs each of
    `output_formats` in `visual_style` and the brand, saves each design as an ordinary template of your
    account and renders its pages as PNGs (a carousel: one render per slide). Answers 202 at once; the
    generation is `completed` (its `outputs` carry template ids, render ids and file URLs) or `failed`
    (its
    `error` says why), and `generation.completed` or `generation.failed` fires (hooks, the polling
    triggers
    and `webhook_url`). One credit per rendered page (test keys: none); refused with 402 up front when
    the
    month's credits cannot cover every page.

    Args:
        idempotency_key (str | Unset):
        body (GenerationCreate):
        body (CreateGenerationFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Generation
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
