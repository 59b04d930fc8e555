"""Contains all the data models used in inputs/outputs"""

from .asset import Asset
from .asset_media_type import AssetMediaType
from .attempt import Attempt
from .batch import Batch
from .batch_create import BatchCreate
from .batch_create_format import BatchCreateFormat
from .batch_create_metadata import BatchCreateMetadata
from .batch_metadata_type_0 import BatchMetadataType0
from .batch_mode import BatchMode
from .batch_preview import BatchPreview
from .batch_preview_mapping import BatchPreviewMapping
from .batch_preview_source import BatchPreviewSource
from .batch_status import BatchStatus
from .brand import Brand
from .brand_colors import BrandColors
from .brand_create import BrandCreate
from .brand_fonts import BrandFonts
from .brand_patch import BrandPatch
from .create_asset_files_body import CreateAssetFilesBody
from .create_batch_files_body import CreateBatchFilesBody
from .create_batch_files_body_format import CreateBatchFilesBodyFormat
from .create_font_files_body import CreateFontFilesBody
from .create_generation_files_body import CreateGenerationFilesBody
from .create_generation_files_body_input_type import CreateGenerationFilesBodyInputType
from .create_generation_files_body_visual_style import CreateGenerationFilesBodyVisualStyle
from .delivery import Delivery
from .delivery_status import DeliveryStatus
from .download_batch_file_name import DownloadBatchFileName
from .error import Error
from .error_details import ErrorDetails
from .error_details_fields import ErrorDetailsFields
from .example import Example
from .example_copy import ExampleCopy
from .extracted_type_0 import ExtractedType0
from .field import Field
from .field_type import FieldType
from .fields_json_schema import FieldsJsonSchema
from .fields_json_schema_properties import FieldsJsonSchemaProperties
from .fields_json_schema_properties_additional_property import FieldsJsonSchemaPropertiesAdditionalProperty
from .fields_json_schema_type import FieldsJsonSchemaType
from .fields_of_template import FieldsOfTemplate
from .fields_of_template_template import FieldsOfTemplateTemplate
from .font import Font
from .font_face_style import FontFaceStyle
from .font_face_style_style import FontFaceStyleStyle
from .font_family import FontFamily
from .font_family_source import FontFamilySource
from .font_format import FontFormat
from .font_style import FontStyle
from .format_ import Format
from .generation import Generation
from .generation_create import GenerationCreate
from .generation_create_carousel_slides_type_0 import GenerationCreateCarouselSlidesType0
from .generation_create_input_type import GenerationCreateInputType
from .generation_create_metadata_type_0 import GenerationCreateMetadataType0
from .generation_create_output_formats_item import GenerationCreateOutputFormatsItem
from .generation_create_visual_style import GenerationCreateVisualStyle
from .generation_error_type_0 import GenerationErrorType0
from .generation_input_type import GenerationInputType
from .generation_metadata_type_0 import GenerationMetadataType0
from .generation_mode import GenerationMode
from .generation_status import GenerationStatus
from .health import Health
from .hook import Hook
from .hook_create import HookCreate
from .hook_create_event import HookCreateEvent
from .hook_mode import HookMode
from .hook_status import HookStatus
from .key import Key
from .key_create import KeyCreate
from .key_create_mode import KeyCreateMode
from .key_create_scopes_item import KeyCreateScopesItem
from .key_created import KeyCreated
from .key_created_mode import KeyCreatedMode
from .key_mode import KeyMode
from .key_validate import KeyValidate
from .key_validation import KeyValidation
from .line import Line
from .list_batch_renders_order import ListBatchRendersOrder
from .list_batch_renders_status import ListBatchRendersStatus
from .list_renders_status import ListRendersStatus
from .list_template_body_fields_format import ListTemplateBodyFieldsFormat
from .list_template_fields_format import ListTemplateFieldsFormat
from .list_templates_view import ListTemplatesView
from .make_option import MakeOption
from .make_parameter import MakeParameter
from .make_parameter_type import MakeParameterType
from .make_validate import MakeValidate
from .me import Me
from .me_mode import MeMode
from .n8n_field import N8NField
from .n8n_field_type import N8NFieldType
from .n8n_fields import N8NFields
from .n8n_option import N8NOption
from .output import Output
from .poll_trigger_event import PollTriggerEvent
from .preview import Preview
from .preview_batch_body import PreviewBatchBody
from .preview_create import PreviewCreate
from .preview_create_fields import PreviewCreateFields
from .preview_create_format import PreviewCreateFormat
from .preview_create_template import PreviewCreateTemplate
from .preview_layer import PreviewLayer
from .preview_row import PreviewRow
from .preview_row_fields import PreviewRowFields
from .readiness import Readiness
from .render import Render
from .render_create import RenderCreate
from .render_create_fields import RenderCreateFields
from .render_create_format import RenderCreateFormat
from .render_create_metadata import RenderCreateMetadata
from .render_create_output import RenderCreateOutput
from .render_create_template import RenderCreateTemplate
from .render_error_type_0 import RenderErrorType0
from .render_metadata_type_0 import RenderMetadataType0
from .render_mode import RenderMode
from .render_status import RenderStatus
from .render_template_url_ext import RenderTemplateUrlExt
from .render_template_url_field_values import RenderTemplateUrlFieldValues
from .signed_url import SignedUrl
from .signed_url_args import SignedUrlArgs
from .signed_url_args_fields import SignedUrlArgsFields
from .signed_url_args_format import SignedUrlArgsFormat
from .signing_secret import SigningSecret
from .template import Template
from .template_create import TemplateCreate
from .template_create_layers_item import TemplateCreateLayersItem
from .template_create_pages_item_item import TemplateCreatePagesItemItem
from .template_layers_item import TemplateLayersItem
from .template_pages_item_item import TemplatePagesItemItem
from .template_patch import TemplatePatch
from .template_patch_layers_type_0_item import TemplatePatchLayersType0Item
from .template_patch_pages_type_0_item_item import TemplatePatchPagesType0ItemItem
from .template_summary import TemplateSummary
from .template_version import TemplateVersion
from .timings import Timings
from .usage import Usage
from .warning import Warning_
from .zapier_choice import ZapierChoice
from .zapier_field import ZapierField
from .zapier_field_type import ZapierFieldType

__all__ = (
    "Asset",
    "AssetMediaType",
    "Attempt",
    "Batch",
    "BatchCreate",
    "BatchCreateFormat",
    "BatchCreateMetadata",
    "BatchMetadataType0",
    "BatchMode",
    "BatchPreview",
    "BatchPreviewMapping",
    "BatchPreviewSource",
    "BatchStatus",
    "Brand",
    "BrandColors",
    "BrandCreate",
    "BrandFonts",
    "BrandPatch",
    "CreateAssetFilesBody",
    "CreateBatchFilesBody",
    "CreateBatchFilesBodyFormat",
    "CreateFontFilesBody",
    "CreateGenerationFilesBody",
    "CreateGenerationFilesBodyInputType",
    "CreateGenerationFilesBodyVisualStyle",
    "Delivery",
    "DeliveryStatus",
    "DownloadBatchFileName",
    "Error",
    "ErrorDetails",
    "ErrorDetailsFields",
    "Example",
    "ExampleCopy",
    "ExtractedType0",
    "Field",
    "FieldType",
    "FieldsJsonSchema",
    "FieldsJsonSchemaProperties",
    "FieldsJsonSchemaPropertiesAdditionalProperty",
    "FieldsJsonSchemaType",
    "FieldsOfTemplate",
    "FieldsOfTemplateTemplate",
    "Font",
    "FontFaceStyle",
    "FontFaceStyleStyle",
    "FontFamily",
    "FontFamilySource",
    "FontFormat",
    "FontStyle",
    "Format",
    "Generation",
    "GenerationCreate",
    "GenerationCreateCarouselSlidesType0",
    "GenerationCreateInputType",
    "GenerationCreateMetadataType0",
    "GenerationCreateOutputFormatsItem",
    "GenerationCreateVisualStyle",
    "GenerationErrorType0",
    "GenerationInputType",
    "GenerationMetadataType0",
    "GenerationMode",
    "GenerationStatus",
    "Health",
    "Hook",
    "HookCreate",
    "HookCreateEvent",
    "HookMode",
    "HookStatus",
    "Key",
    "KeyCreate",
    "KeyCreateMode",
    "KeyCreateScopesItem",
    "KeyCreated",
    "KeyCreatedMode",
    "KeyMode",
    "KeyValidate",
    "KeyValidation",
    "Line",
    "ListBatchRendersOrder",
    "ListBatchRendersStatus",
    "ListRendersStatus",
    "ListTemplateBodyFieldsFormat",
    "ListTemplateFieldsFormat",
    "ListTemplatesView",
    "MakeOption",
    "MakeParameter",
    "MakeParameterType",
    "MakeValidate",
    "Me",
    "MeMode",
    "N8NField",
    "N8NFieldType",
    "N8NFields",
    "N8NOption",
    "Output",
    "PollTriggerEvent",
    "Preview",
    "PreviewBatchBody",
    "PreviewCreate",
    "PreviewCreateFields",
    "PreviewCreateFormat",
    "PreviewCreateTemplate",
    "PreviewLayer",
    "PreviewRow",
    "PreviewRowFields",
    "Readiness",
    "Render",
    "RenderCreate",
    "RenderCreateFields",
    "RenderCreateFormat",
    "RenderCreateMetadata",
    "RenderCreateOutput",
    "RenderCreateTemplate",
    "RenderErrorType0",
    "RenderMetadataType0",
    "RenderMode",
    "RenderStatus",
    "RenderTemplateUrlExt",
    "RenderTemplateUrlFieldValues",
    "SignedUrl",
    "SignedUrlArgs",
    "SignedUrlArgsFields",
    "SignedUrlArgsFormat",
    "SigningSecret",
    "Template",
    "TemplateCreate",
    "TemplateCreateLayersItem",
    "TemplateCreatePagesItemItem",
    "TemplateLayersItem",
    "TemplatePagesItemItem",
    "TemplatePatch",
    "TemplatePatchLayersType0Item",
    "TemplatePatchPagesType0ItemItem",
    "TemplateSummary",
    "TemplateVersion",
    "Timings",
    "Usage",
    "Warning_",
    "ZapierChoice",
    "ZapierField",
    "ZapierFieldType",
)
