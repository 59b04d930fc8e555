'use strict';
// Input fields shared by the actions: the template dropdown, the template's own fields, format, quality, brand.

const { apiUrl, segment } = require('./platen');

const template = {
  key: 'template_id',
  label: 'Template',
  required: true,
  dynamic: 'templates_list.id.name',
  search: 'find_template.id',
  altersDynamicFields: true,
  helpText: 'The template to fill. Its fields appear below once you choose it.',
};

// The template's fields as Zapier input fields: Platen answers them in Zapier's own vocabulary, keyed by the
// names POST /renders takes, so the values go back unchanged.
const templateFields = async (z, bundle) => {
  if (!bundle.inputData.template_id) {
    return [];
  }
  const id = segment(bundle.inputData.template_id, 'template id');
  const response = await z.request({
    url: apiUrl(bundle, `/templates/${id}/fields`),
    params: { format: 'zapier' },
  });
  return response.data;
};

const format = {
  key: 'format',
  label: 'Format',
  required: false,
  default: 'png',
  choices: [
    { value: 'png', label: 'PNG', sample: 'png' },
    { value: 'jpeg', label: 'JPEG', sample: 'jpeg' },
    { value: 'webp', label: 'WebP', sample: 'webp' },
    { value: 'pdf', label: 'PDF', sample: 'pdf' },
  ],
  helpText: 'The file type of the image.',
};

const quality = {
  key: 'quality',
  label: 'Quality',
  type: 'integer',
  required: false,
  helpText: '1–100 for JPEG and WebP (for a PDF: JPEG page images at that quality). Leave empty for the default.',
};

// The brand kit whose colours, fonts and logo the template's `@brand.…` tokens draw (GET /brands).
const brand = {
  key: 'brand_id',
  label: 'Brand',
  required: false,
  dynamic: 'brands_list.id.name',
  search: 'find_brand.id',
  helpText: "The brand kit to draw in. Leave empty for the template's own brand, else your default brand.",
};

// Only the options that were given: Zapier leaves out fields nobody filled, and so does Platen's request.
const options = (inputData) => {
  const out = {};
  if (inputData.format) out.format = inputData.format;
  if (inputData.quality !== undefined && inputData.quality !== null && inputData.quality !== '') {
    out.quality = inputData.quality;
  }
  if (inputData.brand_id) out.brand_id = String(inputData.brand_id).trim();
  return out;
};

module.exports = { template, templateFields, format, quality, brand, options };
