'use strict';

const { apiUrl } = require('../lib/platen');
const samples = require('../lib/samples');
const fields = require('../lib/fields');

// Platen's ?q= matches part of a name; a template named exactly as asked (letter case aside) comes first.
const perform = async (z, bundle) => {
  const name = String(bundle.inputData.name || '').trim();
  if (!name) {
    throw new z.errors.Error('Give the name of the template to find.', 'empty_name', 400);
  }
  const response = await z.request({
    url: apiUrl(bundle, '/templates'),
    params: { view: 'summary', q: name, limit: 100 },
  });
  const wanted = name.toLowerCase();
  const exact = response.data.filter((t) => String(t.name).toLowerCase() === wanted);
  const partial = response.data.filter((t) => String(t.name).toLowerCase() !== wanted);
  return bundle.inputData.exact === false || bundle.inputData.exact === 'false' ? [...exact, ...partial] : exact;
};

module.exports = {
  key: 'find_template',
  noun: 'Template',
  display: {
    label: 'Find Template',
    description: 'Finds a template by its name.',
  },
  operation: {
    inputFields: [
      { key: 'name', label: 'Name', required: true, helpText: 'The template\'s name, as shown in Platen.' },
      {
        key: 'exact',
        label: 'Exact name only',
        type: 'boolean',
        required: false,
        default: 'true',
        helpText: 'No: a template whose name contains this text is found too (an exact match still comes first).',
      },
    ],
    perform,
    sample: samples.template,
    outputFields: fields.template,
  },
};
