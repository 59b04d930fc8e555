'use strict';

const { makeHookTrigger } = require('../lib/hooks');
const shapes = require('../lib/shapes');
const samples = require('../lib/samples');
const fields = require('../lib/fields');

module.exports = makeHookTrigger({
  key: 'batch_completed',
  event: 'batch.completed',
  noun: 'Batch',
  label: 'Batch Completed',
  description: 'Triggers once every row of a batch has rendered or failed, with links to its results and images.',
  shape: shapes.batch,
  sample: samples.batch,
  outputFields: fields.batch,
  filterByTemplate: false,
});
