'use strict';
// Render image: fill a template's fields and wait for the image, so the next step has its URL and file.

const { apiUrl, segment } = require('../lib/platen');
const inputs = require('../lib/inputs');
const shapes = require('../lib/shapes');
const samples = require('../lib/samples');
const fields = require('../lib/fields');

const OWN_KEYS = new Set(['template_id', 'format', 'quality', 'brand_id']);
// Zapier gives an action 30 s. Platen holds the request up to `timeout` seconds while it renders (20 unless the
// PLATEN_RENDER_WAIT_SECONDS environment variable says less), then the step polls for what is left of 27 s.
const BUDGET_MS = 27000;
const waitSeconds = () => {
  const given = Number.parseInt(process.env.PLATEN_RENDER_WAIT_SECONDS, 10);
  return Number.isInteger(given) ? Math.min(Math.max(given, 0), 20) : 20;
};

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Field keys like `title.color` are Platen's own names. Should they arrive nested ({"title": {"color": …}}),
// they go back to dotted names, so a layer's text and its other properties never collide.
const flatten = (into, key, value) => {
  if (value === undefined || value === null) return;
  if (typeof value === 'object' && !Array.isArray(value)) {
    for (const [sub, inner] of Object.entries(value)) flatten(into, `${key}.${sub}`, inner);
  } else {
    into[key] = value;
  }
};

const perform = async (z, bundle) => {
  const started = Date.now();
  const values = {};
  for (const [key, value] of Object.entries(bundle.inputData)) {
    if (!OWN_KEYS.has(key)) flatten(values, key, value);
  }
  const body = {
    template_id: bundle.inputData.template_id,
    fields: values,
    ...inputs.options(bundle.inputData),
    wait: true,
    timeout: waitSeconds(),
  };
  const response = await z.request({ url: apiUrl(bundle, '/renders'), method: 'POST', body });
  let render = response.data;
  // 202: still queued or rendering when the wait ran out (a busy instance); watch it for the rest of the budget.
  while (render.status === 'queued' || render.status === 'rendering') {
    if (Date.now() - started > BUDGET_MS) {
      throw new z.errors.Error(
        `Render ${render.id} is still ${render.status} on your Platen; it will finish on its own. ` +
          'Add a "Find Render" step with this id later, or use the "New Render" trigger.',
        'still_rendering',
        202,
      );
    }
    await pause(1000);
    const id = segment(render.id, 'render id');
    render = (await z.request({ url: apiUrl(bundle, `/renders/${id}`) })).data;
  }
  if (render.status === 'failed') {
    const reason = render.error && render.error.message ? render.error.message : 'no reason given';
    throw new z.errors.Error(`Render ${render.id} failed: ${reason}`, 'render_failed', 422);
  }
  return shapes.render(z, render);
};

module.exports = {
  key: 'render_image',
  noun: 'Image',
  display: {
    label: 'Render Image',
    description: "Fills a template's fields and renders the image; later steps get its URL and the file itself.",
  },
  operation: {
    inputFields: [inputs.template, inputs.templateFields, inputs.format, inputs.quality, inputs.brand],
    perform,
    sample: samples.render,
    outputFields: fields.render,
  },
};
