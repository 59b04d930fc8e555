'use strict';

const { makeHookTrigger } = require('../lib/hooks');
const shapes = require('../lib/shapes');
const samples = require('../lib/samples');
const fields = require('../lib/fields');

module.exports = makeHookTrigger({
  key: 'render_failed',
  event: 'render.failed',
  noun: 'Render',
  label: 'Failed Render',
  description: 'Triggers when a render fails, with the reason (an image that would not load, a bad field value…).',
  shape: shapes.render,
  sample: samples.failedRender,
  outputFields: fields.render,
  filterByTemplate: true,
});
