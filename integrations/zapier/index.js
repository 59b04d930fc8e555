'use strict';
// Platen for Zapier: the app definition Zapier loads.

const authentication = require('./authentication');
const hydrators = require('./lib/hydrators');
const { toPlaten, handleErrors } = require('./lib/platen');

const renderCompleted = require('./triggers/render_completed');
const renderFailed = require('./triggers/render_failed');
const batchCompleted = require('./triggers/batch_completed');
const generationCompleted = require('./triggers/generation_completed');
const generationFailed = require('./triggers/generation_failed');
const templatesList = require('./triggers/templates_list');
const brandsList = require('./triggers/brands_list');
const formatsList = require('./triggers/formats_list');
const renderImage = require('./creates/render_image');
const createBatch = require('./creates/create_batch');
const generateDesigns = require('./creates/generate_designs');
const findRender = require('./searches/find_render');
const findTemplate = require('./searches/find_template');
const findBrand = require('./searches/find_brand');
const findGeneration = require('./searches/find_generation');

const byKey = (...items) => Object.fromEntries(items.map((item) => [item.key, item]));

module.exports = {
  version: require('./package.json').version,
  platformVersion: require('zapier-platform-core').version,

  authentication,
  beforeRequest: [toPlaten],
  afterResponse: [handleErrors],
  hydrators,

  triggers: byKey(renderCompleted, renderFailed, batchCompleted, generationCompleted, generationFailed, templatesList,
    brandsList, formatsList),
  creates: byKey(renderImage, createBatch, generateDesigns),
  searches: byKey(findRender, findTemplate, findBrand, findGeneration),
};
