'use strict';
// Hidden: feeds the "Output formats" dropdown (GET /formats). A format's `name` (og, linkedin_carousel, …) is the
// id the API takes; the label shows its size, and which ones are carousels of several slides.

const { apiUrl } = require('../lib/platen');
const samples = require('../lib/samples');

const asChoice = (format) => ({
  ...format,
  id: format.name,
  label: `${format.label} (${format.width}×${format.height}${format.pages ? ', slides' : ''})`,
});

const perform = async (z, bundle) => {
  if (bundle.meta && bundle.meta.page) {
    return []; // one page holds every format
  }
  const response = await z.request({ url: apiUrl(bundle, '/formats') });
  return response.data.map(asChoice);
};

module.exports = {
  key: 'formats_list',
  noun: 'Format',
  display: {
    label: 'List Formats',
    description: 'Lists the output formats (sizes) for dropdowns.',
    hidden: true,
  },
  operation: {
    perform,
    canPaginate: true,
    sample: samples.format,
  },
};
