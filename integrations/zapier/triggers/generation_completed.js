'use strict';

const { makeHookTrigger } = require('../lib/hooks');
const shapes = require('../lib/shapes');
const samples = require('../lib/samples');
const fields = require('../lib/fields');
const generations = require('../lib/generations');

module.exports = makeHookTrigger({
  key: 'generation_completed',
  event: 'generation.completed',
  noun: 'Generation',
  label: 'Generation Completed',
  description: 'Triggers when designs generated from content are ready (from any app, the API or the dashboard).',
  shape: shapes.generation,
  sample: samples.generation,
  outputFields: [...fields.generation, generations.outputFields],
  filterByTemplate: false,
});
