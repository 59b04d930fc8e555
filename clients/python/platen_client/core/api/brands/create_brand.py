from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.brand import Brand
from ...models.brand_create import BrandCreate
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BrandCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/brands",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Brand | Error:
    if response.status_code == 201:
        response_201 = Brand.from_dict(response.json())

        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Brand | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BrandCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Brand | Error]:
    """Create a brand

     Colours and fonts left out come from the neutral default. Fonts must be families this account can
    use
    (installed or uploaded with POST /fonts); a problem is a 422 naming the field (`colors.primary`).

    Args:
        idempotency_key (str | Unset):
        body (BrandCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Brand | Error]
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
    body: BrandCreate,
    idempotency_key: str | Unset = UNSET,
) -> Brand | Error | None:
    """Create a brand

     Colours and fonts left out come from the neutral default. Fonts must be families this account can
    use
    (installed or uploaded with POST /fonts); a problem is a 422 naming the field (`colors.primary`).

    Args:
        idempotency_key (str | Unset):
        body (BrandCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Brand | Error
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BrandCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Brand | Error]:
    """Create a brand

     Colours and fonts left out come from the neutral default. Fonts must be families this account can
    use
    (installed or uploaded with POST /fonts); a problem is a 422 naming the field (`colors.primary`).

    Args:
        idempotency_key (str | Unset):
        body (BrandCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Brand | Error]
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
    body: BrandCreate,
    idempotency_key: str | Unset = UNSET,
) -> Brand | Error | None:
    """Create a brand

     Colours and fonts left out come from the neutral default. Fonts must be families this account can
    use
    (installed or uploaded with POST /fonts); a problem is a 422 naming the field (`colors.primary`).

    Args:
        idempotency_key (str | Unset):
        body (BrandCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Brand | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
