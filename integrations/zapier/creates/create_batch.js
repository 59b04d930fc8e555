'use strict';
// Create batch: one render per row, from line items mapped in the Zap or from a CSV/Excel file an earlier step
// made (a Google Drive download, an email attachment). The batch runs on its own; "Batch Completed" follows it.

const path = require('path');

const FormData = require('form-data');

const { apiUrl, segment } = require('../lib/platen');
const inputs = require('../lib/inputs');
const shapes = require('../lib/shapes');
const samples = require('../lib/samples');
const fields = require('../lib/fields');

// Line items: one group whose children are the template's fields (none required: a file may come instead).
const rowFields = async (z, bundle) => {
  const templateFields = await inputs.templateFields(z, bundle);
  if (!templateFields.length) {
    return [];
  }
  const children = templateFields.map(({ default: _default, required: _required, ...field }) => ({
    ...field,
    required: false,
  }));
  return [{
    key: 'rows',
    label: 'Rows',
    helpText: 'One image per line item. Leave empty when you give a CSV or Excel file instead.',
    children,
  }];
};

const isEmpty = (value) => value === undefined || value === null || value === '';

// Zapier sends a line item nobody filled as an empty object; such rows render nothing and are dropped.
const givenRows = (rows) =>
  (Array.isArray(rows) ? rows : [])
    .map((row) => Object.fromEntries(Object.entries(row || {}).filter(([, value]) => !isEmpty(value))))
    .filter((row) => Object.keys(row).length > 0);

const filenameOf = (response, url) => {
  const disposition = response.headers.get('content-disposition') || '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  if (match) return decodeURIComponent(match[1]);
  try {
    const name = path.posix.basename(new URL(url).pathname);
    if (name) return decodeURIComponent(name);
  } catch (err) {
    // not a URL we can name: Platen tells the kind of file by its content anyway
  }
  return 'rows.csv';
};

const uploadFile = async (z, bundle, options) => {
  const download = await z.request({ url: bundle.inputData.file, raw: true });
  const content = await download.buffer();
  const form = new FormData();
  form.append('template_id', bundle.inputData.template_id);
  for (const [key, value] of Object.entries(options)) form.append(key, String(value));
  if (bundle.inputData.sheet) form.append('sheet', bundle.inputData.sheet);
  if (bundle.inputData.mapping && Object.keys(bundle.inputData.mapping).length) {
    form.append('mapping', JSON.stringify(bundle.inputData.mapping));
  }
  form.append('file', content, {
    filename: filenameOf(download, bundle.inputData.file),
    contentType: download.headers.get('content-type') || 'application/octet-stream',
    knownLength: content.length,
  });
  return z.request({ url: apiUrl(bundle, '/batches'), method: 'POST', body: form });
};

const perform = async (z, bundle) => {
  segment(bundle.inputData.template_id, 'template id');
  const options = inputs.options(bundle.inputData);
  const rows = givenRows(bundle.inputData.rows);
  let response;
  if (bundle.inputData.file) {
    if (rows.length) {
      throw new z.errors.Error('Give either rows or a file, not both: clear the rows to use the file.',
        'rows_and_file', 400);
    }
    response = await uploadFile(z, bundle, options);
  } else {
    if (!rows.length) {
      throw new z.errors.Error('Give at least one row (line items), or a CSV or Excel file from an earlier step.',
        'no_rows', 400);
    }
    response = await z.request({
      url: apiUrl(bundle, '/batches'),
      method: 'POST',
      body: { template_id: bundle.inputData.template_id, rows, ...options },
    });
  }
  return shapes.batch(z, response.data);
};

module.exports = {
  key: 'create_batch',
  noun: 'Batch',
  display: {
    label: 'Create Batch',
    description: 'Renders one image per row — from line items or a CSV/Excel file — in the background.',
  },
  operation: {
    inputFields: [
      inputs.template,
      {
        key: 'file',
        label: 'CSV or Excel file',
        type: 'file',
        required: false,
        helpText: 'A CSV or .xlsx file from an earlier step; its columns are matched to the template\'s fields ' +
          'by name. Leave empty to use the rows below.',
      },
      {
        key: 'sheet',
        label: 'Sheet',
        required: false,
        helpText: 'For a workbook: the sheet to read. Leave empty for the first visible one.',
      },
      {
        key: 'mapping',
        label: 'Column mapping',
        dict: true,
        required: false,
        helpText: 'Only for columns not named after a field: the column on the left, the field name on the right.',
      },
      rowFields,
      inputs.format,
      inputs.quality,
      inputs.brand,
    ],
    perform,
    sample: samples.batch,
    outputFields: fields.batch,
  },
};
