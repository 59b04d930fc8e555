from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.list_templates_view import ListTemplatesView
from ...models.template import Template
from ...models.template_summary import TemplateSummary
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    q: str | Unset = "",
    view: ListTemplatesView | Unset = ListTemplatesView.FULL,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["page"] = page

    params["q"] = q

    json_view: str | Unset = UNSET
    if not isinstance(view, Unset):
        json_view = view.value

    params["view"] = json_view

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/templates",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[Template] | list[TemplateSummary]:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> list[Template] | list[TemplateSummary]:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                response_200_type_0 = []
                _response_200_type_0 = data
                for response_200_type_0_item_data in _response_200_type_0:
                    response_200_type_0_item = Template.from_dict(response_200_type_0_item_data)

                    response_200_type_0.append(response_200_type_0_item)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            response_200_type_1 = []
            _response_200_type_1 = data
            for response_200_type_1_item_data in _response_200_type_1:
                response_200_type_1_item = TemplateSummary.from_dict(response_200_type_1_item_data)

                response_200_type_1.append(response_200_type_1_item)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[Template] | list[TemplateSummary]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    q: str | Unset = "",
    view: ListTemplatesView | Unset = ListTemplatesView.FULL,
) -> Response[Error | list[Template] | list[TemplateSummary]]:
    """List templates

     Newest first. `q` keeps those whose name contains it (ignoring case); `view=summary` leaves the
    layers
    out: what a Zapier, Make or n8n template dropdown calls.

    Args:
        limit (int | Unset):  Default: 20.
        page (int | Unset):  Default: 0.
        q (str | Unset):  Default: ''.
        view (ListTemplatesView | Unset):  Default: ListTemplatesView.FULL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Template] | list[TemplateSummary]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        page=page,
        q=q,
        view=view,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    q: str | Unset = "",
    view: ListTemplatesView | Unset = ListTemplatesView.FULL,
) -> Error | list[Template] | list[TemplateSummary] | None:
    """List templates

     Newest first. `q` keeps those whose name contains it (ignoring case); `view=summary` leaves the
    layers
    out: what a Zapier, Make or n8n template dropdown calls.

    Args:
        limit (int | Unset):  Default: 20.
        page (int | Unset):  Default: 0.
        q (str | Unset):  Default: ''.
        view (ListTemplatesView | Unset):  Default: ListTemplatesView.FULL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Template] | list[TemplateSummary]
    """

    return sync_detailed(
        client=client,
        limit=limit,
        page=page,
        q=q,
        view=view,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    q: str | Unset = "",
    view: ListTemplatesView | Unset = ListTemplatesView.FULL,
) -> Response[Error | list[Template] | list[TemplateSummary]]:
    """List templates

     Newest first. `q` keeps those whose name contains it (ignoring case); `view=summary` leaves the
    layers
    out: what a Zapier, Make or n8n template dropdown calls.

    Args:
        limit (int | Unset):  Default: 20.
        page (int | Unset):  Default: 0.
        q (str | Unset):  Default: ''.
        view (ListTemplatesView | Unset):  Default: ListTemplatesView.FULL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Template] | list[TemplateSummary]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        page=page,
        q=q,
        view=view,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    page: int | Unset = 0,
    q: str | Unset = "",
    view: ListTemplatesView | Unset = ListTemplatesView.FULL,
) -> Error | list[Template] | list[TemplateSummary] | None:
    """List templates

     Newest first. `q` keeps those whose name contains it (ignoring case); `view=summary` leaves the
    layers
    out: what a Zapier, Make or n8n template dropdown calls.

    Args:
        limit (int | Unset):  Default: 20.
        page (int | Unset):  Default: 0.
        q (str | Unset):  Default: ''.
        view (ListTemplatesView | Unset):  Default: ListTemplatesView.FULL.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Template] | list[TemplateSummary]
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            page=page,
            q=q,
            view=view,
        )
    ).parsed
