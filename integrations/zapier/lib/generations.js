'use strict';
// What the generation action and triggers share: the visual styles, the formats (GET /formats), and the output
// fields named after the formats a Zap makes.

const { apiUrl } = require('./platen');
const fields = require('./fields');

const STYLES = ['modern', 'minimal', 'bold', 'elegant', 'playful', 'corporate', 'creative', 'dark'];

const formats = async (z, bundle) => (await z.request({ url: apiUrl(bundle, '/formats') })).data;

// Output fields: the fixed ones, then per format (the chosen ones in the action; every format in a trigger).
const outputFields = async (z, bundle) => {
  let known = [];
  try {
    known = await formats(z, bundle);
  } catch (err) {
    return []; // labels only: without them Zapier still shows the fields from the data
  }
  const chosen = [].concat((bundle.inputData && bundle.inputData.output_formats) || []).filter(Boolean);
  const wanted = chosen.length ? known.filter((f) => chosen.includes(f.name)) : known;
  return fields.generationFormats(wanted);
};

module.exports = { STYLES, formats, outputFields };
