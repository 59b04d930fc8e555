from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.signed_url import SignedUrl
from ...models.signed_url_args import SignedUrlArgs
from ...types import Response


def _get_kwargs(
    template_id: str,
    *,
    body: SignedUrlArgs,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/templates/{template_id}/signed-url".format(
            template_id=quote(str(template_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | SignedUrl:
    if response.status_code == 200:
        response_200 = SignedUrl.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | SignedUrl]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    template_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SignedUrlArgs,
) -> Response[Error | SignedUrl]:
    """Make a signed render URL

     A URL anyone can GET (an `<img>` tag, an `og:image`) that renders this template with these fields,
    signed with the account's secret so nobody can change the fields. It stays valid while the template
    exists; editing the template changes the image behind the same URL.

    Args:
        template_id (str):
        body (SignedUrlArgs):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SignedUrl]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    template_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SignedUrlArgs,
) -> Error | SignedUrl | None:
    """Make a signed render URL

     A URL anyone can GET (an `<img>` tag, an `og:image`) that renders this template with these fields,
    signed with the account's secret so nobody can change the fields. It stays valid while the template
    exists; editing the template changes the image behind the same URL.

    Args:
        template_id (str):
        body (SignedUrlArgs):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SignedUrl
    """

    return sync_detailed(
        template_id=template_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    template_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SignedUrlArgs,
) -> Response[Error | SignedUrl]:
    """Make a signed render URL

     A URL anyone can GET (an `<img>` tag, an `og:image`) that renders this template with these fields,
    signed with the account's secret so nobody can change the fields. It stays valid while the template
    exists; editing the template changes the image behind the same URL.

    Args:
        template_id (str):
        body (SignedUrlArgs):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SignedUrl]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    template_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SignedUrlArgs,
) -> Error | SignedUrl | None:
    """Make a signed render URL

     A URL anyone can GET (an `<img>` tag, an `og:image`) that renders this template with these fields,
    signed with the account's secret so nobody can change the fields. It stays valid while the template
    exists; editing the template changes the image behind the same URL.

    Args:
        template_id (str):
        body (SignedUrlArgs):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SignedUrl
    """

    return (
        await asyncio_detailed(
            template_id=template_id,
            client=client,
            body=body,
        )
    ).parsed
