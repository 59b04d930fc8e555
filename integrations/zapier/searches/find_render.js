'use strict';

const { apiUrl, segment } = require('../lib/platen');
const shapes = require('../lib/shapes');
const samples = require('../lib/samples');
const fields = require('../lib/fields');

const perform = async (z, bundle) => {
  const id = segment(bundle.inputData.id, 'render id');
  const response = await z.request({ url: apiUrl(bundle, `/renders/${id}`), skipThrowForStatus: true });
  if (response.status === 404) {
    return []; // "nothing found" is a search result, not an error
  }
  response.throwForStatus();
  return [shapes.render(z, response.data)];
};

module.exports = {
  key: 'find_render',
  noun: 'Render',
  display: {
    label: 'Find Render',
    description: 'Finds a render by its ID: its status, image URL and file.',
  },
  operation: {
    inputFields: [{ key: 'id', label: 'Render ID', required: true, helpText: 'Like rnd_0mxbazwkz3fs9pksx0wfd.' }],
    perform,
    sample: samples.render,
    outputFields: fields.render,
  },
};
