from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.field import Field
from ...models.fields_json_schema import FieldsJsonSchema
from ...models.list_template_fields_format import ListTemplateFieldsFormat
from ...models.make_parameter import MakeParameter
from ...models.n8n_fields import N8NFields
from ...models.zapier_field import ZapierField
from ...types import UNSET, Response, Unset


def _get_kwargs(
    template_id: str,
    *,
    format_: ListTemplateFieldsFormat | Unset = ListTemplateFieldsFormat.NATIVE,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/templates/{template_id}/fields".format(
            template_id=quote(str(template_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | FieldsJsonSchema | list[Field] | list[MakeParameter] | list[ZapierField] | N8NFields:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> FieldsJsonSchema | list[Field] | list[MakeParameter] | list[ZapierField] | N8NFields:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                response_200_type_0 = []
                _response_200_type_0 = data
                for response_200_type_0_item_data in _response_200_type_0:
                    response_200_type_0_item = Field.from_dict(response_200_type_0_item_data)

                    response_200_type_0.append(response_200_type_0_item)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                response_200_type_1 = []
                _response_200_type_1 = data
                for response_200_type_1_item_data in _response_200_type_1:
                    response_200_type_1_item = ZapierField.from_dict(response_200_type_1_item_data)

                    response_200_type_1.append(response_200_type_1_item)

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                response_200_type_2 = []
                _response_200_type_2 = data
                for response_200_type_2_item_data in _response_200_type_2:
                    response_200_type_2_item = MakeParameter.from_dict(response_200_type_2_item_data)

                    response_200_type_2.append(response_200_type_2_item)

                return response_200_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_3 = N8NFields.from_dict(data)

                return response_200_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_4 = FieldsJsonSchema.from_dict(data)

            return response_200_type_4

        response_200 = _parse_response_200(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | FieldsJsonSchema | list[Field] | list[MakeParameter] | list[ZapierField] | N8NFields]:
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
    format_: ListTemplateFieldsFormat | Unset = ListTemplateFieldsFormat.NATIVE,
) -> Response[Error | FieldsJsonSchema | list[Field] | list[MakeParameter] | list[ZapierField] | N8NFields]:
    """List a template's fields for Zapier, Make, n8n or a form

     One field per editable layer, plus one per property a layer lists in `fields` (named
    `layer.property`).
    Every `key`, `name` or `id` returned is exactly what `POST /renders` accepts in `fields`.

    Args:
        template_id (str):
        format_ (ListTemplateFieldsFormat | Unset):  Default: ListTemplateFieldsFormat.NATIVE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FieldsJsonSchema | list[Field] | list[MakeParameter] | list[ZapierField] | N8NFields]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    template_id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: ListTemplateFieldsFormat | Unset = ListTemplateFieldsFormat.NATIVE,
) -> Error | FieldsJsonSchema | list[Field] | list[MakeParameter] | list[ZapierField] | N8NFields | None:
    """List a template's fields for Zapier, Make, n8n or a form

     One field per editable layer, plus one per property a layer lists in `fields` (named
    `layer.property`).
    Every `key`, `name` or `id` returned is exactly what `POST /renders` accepts in `fields`.

    Args:
        template_id (str):
        format_ (ListTemplateFieldsFormat | Unset):  Default: ListTemplateFieldsFormat.NATIVE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FieldsJsonSchema | list[Field] | list[MakeParameter] | list[ZapierField] | N8NFields
    """

    return sync_detailed(
        template_id=template_id,
        client=client,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    template_id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: ListTemplateFieldsFormat | Unset = ListTemplateFieldsFormat.NATIVE,
) -> Response[Error | FieldsJsonSchema | list[Field] | list[MakeParameter] | list[ZapierField] | N8NFields]:
    """List a template's fields for Zapier, Make, n8n or a form

     One field per editable layer, plus one per property a layer lists in `fields` (named
    `layer.property`).
    Every `key`, `name` or `id` returned is exactly what `POST /renders` accepts in `fields`.

    Args:
        template_id (str):
        format_ (ListTemplateFieldsFormat | Unset):  Default: ListTemplateFieldsFormat.NATIVE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FieldsJsonSchema | list[Field] | list[MakeParameter] | list[ZapierField] | N8NFields]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    template_id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: ListTemplateFieldsFormat | Unset = ListTemplateFieldsFormat.NATIVE,
) -> Error | FieldsJsonSchema | list[Field] | list[MakeParameter] | list[ZapierField] | N8NFields | None:
    """List a template's fields for Zapier, Make, n8n or a form

     One field per editable layer, plus one per property a layer lists in `fields` (named
    `layer.property`).
    Every `key`, `name` or `id` returned is exactly what `POST /renders` accepts in `fields`.

    Args:
        template_id (str):
        format_ (ListTemplateFieldsFormat | Unset):  Default: ListTemplateFieldsFormat.NATIVE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FieldsJsonSchema | list[Field] | list[MakeParameter] | list[ZapierField] | N8NFields
    """

    return (
        await asyncio_detailed(
            template_id=template_id,
            client=client,
            format_=format_,
        )
    ).parsed
