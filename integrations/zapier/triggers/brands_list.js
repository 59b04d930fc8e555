'use strict';
// Hidden: feeds every "Brand" dropdown (GET /brands). The default brand says so in its name.

const { apiUrl } = require('../lib/platen');
const samples = require('../lib/samples');

const perform = async (z, bundle) => {
  const page = bundle.meta && bundle.meta.page ? bundle.meta.page : 0;
  const response = await z.request({ url: apiUrl(bundle, '/brands'), params: { limit: 100, page } });
  return response.data.map((brand) => ({ ...brand, name: brand.default ? `${brand.name} (default)` : brand.name }));
};

module.exports = {
  key: 'brands_list',
  noun: 'Brand',
  display: {
    label: 'List Brands',
    description: 'Lists your brand kits for dropdowns.',
    hidden: true,
  },
  operation: {
    perform,
    canPaginate: true,
    sample: samples.brand,
  },
};
