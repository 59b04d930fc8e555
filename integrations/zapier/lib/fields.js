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

module.exports = { render, batch, template };
