from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.template import Template
from ...models.template_create import TemplateCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    template_id: str,
    *,
    body: TemplateCreate,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/templates/{template_id}".format(
            template_id=quote(str(template_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Template:
    if response.status_code == 200:
        response_200 = Template.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Template]:
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
    body: TemplateCreate,
    if_match: str | Unset = UNSET,
) -> Response[Error | Template]:
    """Replace a template

     The body is the whole new template. A change makes a new `version`; sending the template unchanged
    keeps the version it has. Every earlier version stays readable and renderable (GET …/versions). With
    `If-Match: <version>`, a template saved by someone else since that version is a 409 `conflict`.

    Args:
        template_id (str):
        if_match (str | Unset):  Example: 3.
        body (TemplateCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Template]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    template_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TemplateCreate,
    if_match: str | Unset = UNSET,
) -> Error | Template | None:
    """Replace a template

     The body is the whole new template. A change makes a new `version`; sending the template unchanged
    keeps the version it has. Every earlier version stays readable and renderable (GET …/versions). With
    `If-Match: <version>`, a template saved by someone else since that version is a 409 `conflict`.

    Args:
        template_id (str):
        if_match (str | Unset):  Example: 3.
        body (TemplateCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Template
    """

    return sync_detailed(
        template_id=template_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    template_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TemplateCreate,
    if_match: str | Unset = UNSET,
) -> Response[Error | Template]:
    """Replace a template

     The body is the whole new template. A change makes a new `version`; sending the template unchanged
    keeps the version it has. Every earlier version stays readable and renderable (GET …/versions). With
    `If-Match: <version>`, a template saved by someone else since that version is a 409 `conflict`.

    Args:
        template_id (str):
        if_match (str | Unset):  Example: 3.
        body (TemplateCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Template]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    template_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TemplateCreate,
    if_match: str | Unset = UNSET,
) -> Error | Template | None:
    """Replace a template

     The body is the whole new template. A change makes a new `version`; sending the template unchanged
    keeps the version it has. Every earlier version stays readable and renderable (GET …/versions). With
    `If-Match: <version>`, a template saved by someone else since that version is a 409 `conflict`.

    Args:
        template_id (str):
        if_match (str | Unset):  Example: 3.
        body (TemplateCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Template
    """

    return (
        await asyncio_detailed(
            template_id=template_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
