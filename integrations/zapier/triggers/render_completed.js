'use strict';

const { makeHookTrigger } = require('../lib/hooks');
const shapes = require('../lib/shapes');
const samples = require('../lib/samples');
const fields = require('../lib/fields');

module.exports = makeHookTrigger({
  key: 'render_completed',
  event: 'render.completed',
  noun: 'Render',
  label: 'New Render',
  description: 'Triggers when an image finishes rendering (from any app, a batch row, or the dashboard).',
  shape: shapes.render,
  sample: samples.render,
  outputFields: fields.render,
  filterByTemplate: true,
});
