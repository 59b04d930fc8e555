'use strict';
// The app definition, checked by zapier-platform-core's own validator (what `zapier validate` runs locally),
// and every starter template's ?format=zapier fields checked against zapier-platform-schema's exported schema.

const App = require('../index');
const schemaTools = require('zapier-platform-core/src/tools/schema');
const { env, platen, schemaErrors } = require('./helpers');

// zapier-platform-schema 19 calls the input field schema PlainInputFieldSchema (FieldSchema before it);
// InputFieldsSchema is what an operation's inputFields (and so a dynamic fields function's answer) must be.
describe('app definition', () => {
  test('zapier-platform-core validates it with no errors', () => {
    const errors = schemaTools.validateApp(schemaTools.compileApp(App));
    expect(errors).toEqual([]);
  });

  test('it is what the brief asks for', () => {
    expect(App.platformVersion).toBe('19.1.0');
    expect(App.authentication.type).toBe('custom');
    expect(App.authentication.fields.map((f) => f.key)).toEqual(['base_url', 'api_key']);
    expect(Object.keys(App.triggers).sort()).toEqual(['batch_completed', 'brands_list', 'formats_list',
      'generation_completed', 'generation_failed', 'render_completed', 'render_failed', 'templates_list']);
    for (const key of ['render_completed', 'render_failed', 'batch_completed', 'generation_completed',
      'generation_failed']) {
      expect(App.triggers[key].operation.type).toBe('hook');
    }
    for (const key of ['templates_list', 'brands_list', 'formats_list']) {
      expect(App.triggers[key].display.hidden).toBe(true);
    }
    expect(Object.keys(App.creates).sort()).toEqual(['create_batch', 'generate_designs', 'render_image']);
    expect(Object.keys(App.searches).sort()).toEqual(['find_brand', 'find_generation', 'find_render', 'find_template']);
    const template = App.creates.render_image.operation.inputFields[0];
    expect(template).toMatchObject(
      { key: 'template_id', dynamic: 'templates_list.id.name', altersDynamicFields: true });
  });

  test('Generate Designs takes the keys POST /generations takes', () => {
    const inputs = App.creates.generate_designs.operation.inputFields;
    expect(inputs.map((f) => f.key)).toEqual(['input_type', 'input_content', 'input_url', 'file', 'output_formats',
      'carousel_slides', 'visual_style', 'brand_id', 'metadata']);
    const byKey = Object.fromEntries(inputs.map((f) => [f.key, f]));
    expect(byKey.output_formats).toMatchObject({ list: true, dynamic: 'formats_list.id.label', required: true });
    expect(byKey.visual_style.choices.map((c) => c.value)).toEqual(
      ['modern', 'minimal', 'bold', 'elegant', 'playful', 'corporate', 'creative', 'dark']);
    expect(byKey.input_type.choices.map((c) => c.value)).toEqual(['text', 'url', 'pdf']);
  });
});

describe('every starter template\'s ?format=zapier fields', () => {
  const starters = Object.entries(env.starters);

  test('there are starters to check', () => {
    expect(starters.length).toBeGreaterThanOrEqual(9);
  });

  test.each(starters)('%s validates against PlainInputFieldSchema and InputFieldsSchema', async (name, id) => {
    const response = await platen('GET', `/templates/${id}/fields?format=zapier`);
    expect(response.status).toBe(200);
    const fields = response.data;
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) {
      expect({ field: field.key, errors: schemaErrors(field, 'PlainInputFieldSchema') })
        .toEqual({ field: field.key, errors: [] });
    }
    expect(schemaErrors(fields, 'InputFieldsSchema')).toEqual([]);
    const keys = fields.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length); // Zapier needs unique keys
  });
});
