'use strict';
// Hidden: feeds every "Template" dropdown. The summary view leaves the layers out, so a page stays small.

const { apiUrl } = require('../lib/platen');
const samples = require('../lib/samples');

const perform = async (z, bundle) => {
  const page = bundle.meta && bundle.meta.page ? bundle.meta.page : 0;
  const response = await z.request({
    url: apiUrl(bundle, '/templates'),
    params: { view: 'summary', limit: 100, page },
  });
  return response.data;
};

module.exports = {
  key: 'templates_list',
  noun: 'Template',
  display: {
    label: 'List Templates',
    description: 'Lists your templates for dropdowns.',
    hidden: true,
  },
  operation: {
    perform,
    canPaginate: true,
    sample: samples.template,
  },
};
