from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.preview import Preview
from ...models.preview_create import PreviewCreate
from ...types import Response


def _get_kwargs(
    *,
    body: PreviewCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/templates/preview",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Preview:
    if response.status_code == 200:
        response_200 = Preview.from_dict(response.json())

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

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Preview]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PreviewCreate,
) -> Response[Error | Preview]:
    """Preview a template

     Draws one page of a template, saved or not, with the given field values, exactly as a render would
    (this
    account's fonts and assets, text fitting, fallback fonts), and answers at once with the image as a
    data URL
    and where every layer went: `box` (`[x, y, width, height]`), and for text the `font_size` it was
    drawn at
    after fitting and its `lines` as laid out. Boxes are in template pixels whatever `scale`, before the
    layer's
    rotation. Hidden layers, and layers left out by `shown_with`, are listed with `drawn: false`.

    Nothing is stored, no credit is spent and test keys get no watermark: a preview is not an output.
    Previews
    have a rate limit of their own (`PLATEN_RATE_LIMIT_PREVIEWS`, 1200 a minute per key by default),
    apart from
    renders. A template that does not validate is a 422 whose `details.path` names the property
    (`layers[2].font_size`); an image layer with `on_error: fail` whose source cannot be used is a 422
    `render_failed`.

    Args:
        body (PreviewCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Preview]
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
    body: PreviewCreate,
) -> Error | Preview | None:
    """Preview a template

     Draws one page of a template, saved or not, with the given field values, exactly as a render would
    (this
    account's fonts and assets, text fitting, fallback fonts), and answers at once with the image as a
    data URL
    and where every layer went: `box` (`[x, y, width, height]`), and for text the `font_size` it was
    drawn at
    after fitting and its `lines` as laid out. Boxes are in template pixels whatever `scale`, before the
    layer's
    rotation. Hidden layers, and layers left out by `shown_with`, are listed with `drawn: false`.

    Nothing is stored, no credit is spent and test keys get no watermark: a preview is not an output.
    Previews
    have a rate limit of their own (`PLATEN_RATE_LIMIT_PREVIEWS`, 1200 a minute per key by default),
    apart from
    renders. A template that does not validate is a 422 whose `details.path` names the property
    (`layers[2].font_size`); an image layer with `on_error: fail` whose source cannot be used is a 422
    `render_failed`.

    Args:
        body (PreviewCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Preview
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PreviewCreate,
) -> Response[Error | Preview]:
    """Preview a template

     Draws one page of a template, saved or not, with the given field values, exactly as a render would
    (this
    account's fonts and assets, text fitting, fallback fonts), and answers at once with the image as a
    data URL
    and where every layer went: `box` (`[x, y, width, height]`), and for text the `font_size` it was
    drawn at
    after fitting and its `lines` as laid out. Boxes are in template pixels whatever `scale`, before the
    layer's
    rotation. Hidden layers, and layers left out by `shown_with`, are listed with `drawn: false`.

    Nothing is stored, no credit is spent and test keys get no watermark: a preview is not an output.
    Previews
    have a rate limit of their own (`PLATEN_RATE_LIMIT_PREVIEWS`, 1200 a minute per key by default),
    apart from
    renders. A template that does not validate is a 422 whose `details.path` names the property
    (`layers[2].font_size`); an image layer with `on_error: fail` whose source cannot be used is a 422
    `render_failed`.

    Args:
        body (PreviewCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Preview]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PreviewCreate,
) -> Error | Preview | None:
    """Preview a template

     Draws one page of a template, saved or not, with the given field values, exactly as a render would
    (this
    account's fonts and assets, text fitting, fallback fonts), and answers at once with the image as a
    data URL
    and where every layer went: `box` (`[x, y, width, height]`), and for text the `font_size` it was
    drawn at
    after fitting and its `lines` as laid out. Boxes are in template pixels whatever `scale`, before the
    layer's
    rotation. Hidden layers, and layers left out by `shown_with`, are listed with `drawn: false`.

    Nothing is stored, no credit is spent and test keys get no watermark: a preview is not an output.
    Previews
    have a rate limit of their own (`PLATEN_RATE_LIMIT_PREVIEWS`, 1200 a minute per key by default),
    apart from
    renders. A template that does not validate is a 422 whose `details.path` names the property
    (`layers[2].font_size`); an image layer with `on_error: fail` whose source cannot be used is a 422
    `render_failed`.

    Args:
        body (PreviewCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Preview
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
