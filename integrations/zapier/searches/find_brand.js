'use strict';
// Find a brand kit by its name (exact, letter case aside), or the account's default brand.

const { apiUrl } = require('../lib/platen');
const samples = require('../lib/samples');
const fields = require('../lib/fields');

const allBrands = async (z, bundle) => {
  const out = [];
  for (let page = 0; ; page += 1) {
    const response = await z.request({ url: apiUrl(bundle, '/brands'), params: { limit: 100, page } });
    out.push(...response.data);
    if (response.data.length < 100) return out;
  }
};

const perform = async (z, bundle) => {
  const name = String(bundle.inputData.name || '').trim().toLowerCase();
  const brands = await allBrands(z, bundle);
  if (!name) {
    return brands.filter((b) => b.default); // no name: the default brand
  }
  return brands.filter((b) => String(b.name).toLowerCase() === name);
};

module.exports = {
  key: 'find_brand',
  noun: 'Brand',
  display: {
    label: 'Find Brand',
    description: 'Finds a brand kit by its name (or your default brand).',
  },
  operation: {
    inputFields: [{
      key: 'name',
      label: 'Name',
      required: false,
      helpText: 'The brand\'s name, as shown in Platen (letter case aside). Leave empty for your default brand.',
    }],
    perform,
    sample: samples.brand,
    outputFields: fields.brand,
  },
};
