'use strict';
// Output field labels: what a user sees when mapping a render's or a batch's data into later steps.

const render = [
  { key: 'id', label: 'Render ID' },
  { key: 'status', label: 'Status' },
  { key: 'url', label: 'Image URL' },
  { key: 'file', label: 'Image file', type: 'file' },
  { key: 'template_id', label: 'Template ID' },
  { key: 'template_version', label: 'Template version', type: 'integer' },
  { key: 'format', label: 'Format' },
  { key: 'width', label: 'Width (px)', type: 'integer' },
  { key: 'height', label: 'Height (px)', type: 'integer' },
  { key: 'size_bytes', label: 'Size (bytes)', type: 'integer' },
  { key: 'page_urls', label: 'Page image URLs', list: true },
  { key: 'cached', label: 'From cache', type: 'boolean' },
  { key: 'batch_id', label: 'Batch ID' },
  { key: 'error__error', label: 'Error code' },
  { key: 'error__message', label: 'Error message' },
  { key: 'created_at', label: 'Created at', type: 'datetime' },
  { key: 'completed_at', label: 'Completed at', type: 'datetime' },
  { key: 'mode', label: 'Mode (live or test)' },
];

const batch = [
  { key: 'id', label: 'Batch ID' },
  { key: 'status', label: 'Status' },
  { key: 'template_id', label: 'Template ID' },
  { key: 'format', label: 'Format' },
  { key: 'total', label: 'Rows', type: 'integer' },
  { key: 'completed', label: 'Rows rendered', type: 'integer' },
  { key: 'failed', label: 'Rows failed', type: 'integer' },
  { key: 'ignored_columns', label: 'Ignored columns', list: true },
  { key: 'brand_id', label: 'Brand ID' },
  { key: 'results_url', label: 'Results CSV URL' },
  { key: 'archive_url', label: 'ZIP of all images URL' },
  { key: 'created_at', label: 'Created at', type: 'datetime' },
  { key: 'completed_at', label: 'Completed at', type: 'datetime' },
];

const template = [
  { key: 'id', label: 'Template ID' },
  { key: 'name', label: 'Name' },
  { key: 'description', label: 'Description' },
  { key: 'width', label: 'Width (px)', type: 'integer' },
  { key: 'height', label: 'Height (px)', type: 'integer' },
  { key: 'page_count', label: 'Pages', type: 'integer' },
  { key: 'version', label: 'Version', type: 'integer' },
  { key: 'updated_at', label: 'Updated at', type: 'datetime' },
];

const brand = [
  { key: 'id', label: 'Brand ID' },
  { key: 'name', label: 'Name' },
  { key: 'default', label: 'Default brand', type: 'boolean' },
  { key: 'colors__primary', label: 'Primary colour' },
  { key: 'colors__secondary', label: 'Secondary colour' },
  { key: 'colors__accent', label: 'Accent colour' },
  { key: 'colors__background', label: 'Background colour' },
  { key: 'colors__text', label: 'Text colour' },
  { key: 'fonts__heading', label: 'Heading font' },
  { key: 'fonts__body', label: 'Body font' },
  { key: 'logo', label: 'Logo URL' },
];

// A generation's fields that are always there; the per-format ones come from generationFormats below.
const generation = [
  { key: 'id', label: 'Generation ID' },
  { key: 'status', label: 'Status (queued, running, completed or failed)' },
  { key: 'url', label: 'First image URL' },
  { key: 'file', label: 'First image file', type: 'file' },
  { key: 'urls', label: 'Every image URL', list: true },
  { key: 'title', label: 'Title (read from the content)' },
  { key: 'summary', label: 'Summary (read from the content)' },
  { key: 'input_type', label: 'Input type' },
  { key: 'output_formats', label: 'Output formats', list: true },
  { key: 'visual_style', label: 'Visual style' },
  { key: 'brand_id', label: 'Brand ID' },
  { key: 'extracted__points', label: 'Points (read from the content)', list: true },
  { key: 'extracted__image', label: 'Lead image URL (read from the content)' },
  { key: 'extracted__site_name', label: 'Site name' },
  { key: 'extracted__author', label: 'Author' },
  { key: 'extracted__url', label: 'Page URL' },
  { key: 'credits', label: 'Credits used', type: 'integer' },
  { key: 'error_message', label: 'Error message' },
  { key: 'created_at', label: 'Created at', type: 'datetime' },
  { key: 'completed_at', label: 'Completed at', type: 'datetime' },
];

// The flat fields of each format a generation makes, labelled with the format's own name ("LinkedIn carousel").
const generationFormats = (formats) => formats.flatMap((format) => [
  { key: `${format.name}_url`, label: `${format.label}: image URL${format.pages ? ' (first slide)' : ''}` },
  { key: `${format.name}_file`, label: `${format.label}: image file${format.pages ? ' (first slide)' : ''}`,
    type: 'file' },
  { key: `${format.name}_urls`, label: `${format.label}: ${format.pages ? 'every slide\'s URL' : 'image URLs'}`,
    list: true },
  { key: `${format.name}_template_id`, label: `${format.label}: template ID` },
]);

module.exports = { render, batch, template, brand, generation, generationFormats };
