'use strict';

const { makeHookTrigger } = require('../lib/hooks');
const shapes = require('../lib/shapes');
const samples = require('../lib/samples');
const fields = require('../lib/fields');

module.exports = makeHookTrigger({
  key: 'generation_failed',
  event: 'generation.failed',
  noun: 'Generation',
  label: 'Failed Generation',
  description: 'Triggers when a generation fails, with the reason (a page that would not load, a bad input…).',
  shape: shapes.generation,
  sample: samples.failedGeneration,
  outputFields: fields.generation,
  filterByTemplate: false,
});
