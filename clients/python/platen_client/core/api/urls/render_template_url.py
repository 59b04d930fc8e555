from http import HTTPStatus
from io import BytesIO
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.render_template_url_ext import RenderTemplateUrlExt
from ...models.render_template_url_field_values import RenderTemplateUrlFieldValues
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    template_id: str,
    ext: RenderTemplateUrlExt,
    *,
    s: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    quality: int | Unset = UNSET,
    scale: float | Unset = UNSET,
    page: int | Unset = UNSET,
    field_values: RenderTemplateUrlFieldValues | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["s"] = s

    params["fields"] = fields

    params["quality"] = quality

    params["scale"] = scale

    params["page"] = page

    json_field_values: dict[str, Any] | Unset = UNSET
    if not isinstance(field_values, Unset):
        json_field_values = field_values.to_dict()
    if not isinstance(json_field_values, Unset):
        params.update(json_field_values)

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/render/{template_id}.{ext}".format(
            template_id=quote(str(template_id), safe=""),
            ext=quote(str(ext), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | File:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 402:
        response_402 = Error.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error | File]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    template_id: str,
    ext: RenderTemplateUrlExt,
    *,
    client: AuthenticatedClient | Client,
    s: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    quality: int | Unset = UNSET,
    scale: float | Unset = UNSET,
    page: int | Unset = UNSET,
    field_values: RenderTemplateUrlFieldValues | Unset = UNSET,
) -> Response[Any | Error | File]:
    """Render a template from its URL

     `GET /render/tpl_….png?title=Hello&s=…`: public templates need no signature; any other template
    needs
    the `s` that POST /templates/{id}/signed-url made. Cached: the same URL renders once.
    An unsigned URL of a public template is bounded: no `scale`, only the template's `public_fields`
    (403
    otherwise), new images rate-limited per client address (429), and at most a share of the account's
    credits
    (402).

    Args:
        template_id (str):
        ext (RenderTemplateUrlExt):
        s (str | Unset):
        fields (str | Unset):
        quality (int | Unset):
        scale (float | Unset):
        page (int | Unset):
        field_values (RenderTemplateUrlFieldValues | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | File]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        ext=ext,
        s=s,
        fields=fields,
        quality=quality,
        scale=scale,
        page=page,
        field_values=field_values,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    template_id: str,
    ext: RenderTemplateUrlExt,
    *,
    client: AuthenticatedClient | Client,
    s: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    quality: int | Unset = UNSET,
    scale: float | Unset = UNSET,
    page: int | Unset = UNSET,
    field_values: RenderTemplateUrlFieldValues | Unset = UNSET,
) -> Any | Error | File | None:
    """Render a template from its URL

     `GET /render/tpl_….png?title=Hello&s=…`: public templates need no signature; any other template
    needs
    the `s` that POST /templates/{id}/signed-url made. Cached: the same URL renders once.
    An unsigned URL of a public template is bounded: no `scale`, only the template's `public_fields`
    (403
    otherwise), new images rate-limited per client address (429), and at most a share of the account's
    credits
    (402).

    Args:
        template_id (str):
        ext (RenderTemplateUrlExt):
        s (str | Unset):
        fields (str | Unset):
        quality (int | Unset):
        scale (float | Unset):
        page (int | Unset):
        field_values (RenderTemplateUrlFieldValues | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | File
    """

    return sync_detailed(
        template_id=template_id,
        ext=ext,
        client=client,
        s=s,
        fields=fields,
        quality=quality,
        scale=scale,
        page=page,
        field_values=field_values,
    ).parsed


async def asyncio_detailed(
    template_id: str,
    ext: RenderTemplateUrlExt,
    *,
    client: AuthenticatedClient | Client,
    s: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    quality: int | Unset = UNSET,
    scale: float | Unset = UNSET,
    page: int | Unset = UNSET,
    field_values: RenderTemplateUrlFieldValues | Unset = UNSET,
) -> Response[Any | Error | File]:
    """Render a template from its URL

     `GET /render/tpl_….png?title=Hello&s=…`: public templates need no signature; any other template
    needs
    the `s` that POST /templates/{id}/signed-url made. Cached: the same URL renders once.
    An unsigned URL of a public template is bounded: no `scale`, only the template's `public_fields`
    (403
    otherwise), new images rate-limited per client address (429), and at most a share of the account's
    credits
    (402).

    Args:
        template_id (str):
        ext (RenderTemplateUrlExt):
        s (str | Unset):
        fields (str | Unset):
        quality (int | Unset):
        scale (float | Unset):
        page (int | Unset):
        field_values (RenderTemplateUrlFieldValues | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | File]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        ext=ext,
        s=s,
        fields=fields,
        quality=quality,
        scale=scale,
        page=page,
        field_values=field_values,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    template_id: str,
    ext: RenderTemplateUrlExt,
    *,
    client: AuthenticatedClient | Client,
    s: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    quality: int | Unset = UNSET,
    scale: float | Unset = UNSET,
    page: int | Unset = UNSET,
    field_values: RenderTemplateUrlFieldValues | Unset = UNSET,
) -> Any | Error | File | None:
    """Render a template from its URL

     `GET /render/tpl_….png?title=Hello&s=…`: public templates need no signature; any other template
    needs
    the `s` that POST /templates/{id}/signed-url made. Cached: the same URL renders once.
    An unsigned URL of a public template is bounded: no `scale`, only the template's `public_fields`
    (403
    otherwise), new images rate-limited per client address (429), and at most a share of the account's
    credits
    (402).

    Args:
        template_id (str):
        ext (RenderTemplateUrlExt):
        s (str | Unset):
        fields (str | Unset):
        quality (int | Unset):
        scale (float | Unset):
        page (int | Unset):
        field_values (RenderTemplateUrlFieldValues | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | File
    """

    return (
        await asyncio_detailed(
            template_id=template_id,
            ext=ext,
            client=client,
            s=s,
            fields=fields,
            quality=quality,
            scale=scale,
            page=page,
            field_values=field_values,
        )
    ).parsed
