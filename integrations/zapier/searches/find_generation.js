'use strict';
// A generation by its id: what a Zap does after Generate Designs returned one still running.

const { apiUrl, segment } = require('../lib/platen');
const shapes = require('../lib/shapes');
const samples = require('../lib/samples');
const fields = require('../lib/fields');
const generations = require('../lib/generations');

const perform = async (z, bundle) => {
  const id = segment(bundle.inputData.id, 'generation id');
  const response = await z.request({ url: apiUrl(bundle, `/generations/${id}`), skipThrowForStatus: true });
  if (response.status === 404) {
    return []; // "nothing found" is a search result, not an error
  }
  response.throwForStatus();
  return [shapes.generation(z, response.data)];
};

module.exports = {
  key: 'find_generation',
  noun: 'Generation',
  display: {
    label: 'Find Generation',
    description: 'Finds a generation by its ID: its status and its images, format by format.',
  },
  operation: {
    inputFields: [{ key: 'id', label: 'Generation ID', required: true,
      helpText: 'Like gen_0mxbq1t7k2m9d8f3h6j4l (the ID Generate Designs answered).' }],
    perform,
    sample: samples.generation,
    outputFields: [...fields.generation, generations.outputFields],
  },
};
