'use strict';
// Brands: the dropdown, Find Brand, and brand_id on Render Image and Create Batch, against the live Platen.

const zapier = require('zapier-platform-core');

const App = require('../index');
const { env, authData, platen, waitFor } = require('./helpers');

const appTester = zapier.createAppTester(App);

let brand;

beforeAll(async () => {
  const made = await platen('POST', '/brands', { name: 'Zapier Teal', colors: { primary: '#0b7a75' } });
  expect(made.status).toBe(201);
  brand = made.data;
});

test('brands_list feeds the dropdown by id and name; the default brand says so', async () => {
  const brands = await appTester(App.triggers.brands_list.operation.perform, { authData, meta: { page: 0 } });
  expect(brands.find((b) => b.id === brand.id)).toMatchObject({ name: 'Zapier Teal', default: false });
  const fallback = brands.find((b) => b.default);
  expect(fallback.name).toMatch(/ \(default\)$/);
  expect(await appTester(App.triggers.brands_list.operation.perform, { authData, meta: { page: 3 } })).toEqual([]);
});

test('Find Brand finds one by name (letter case aside), or the default brand with no name', async () => {
  const find = App.searches.find_brand.operation.perform;
  expect((await appTester(find, { authData, inputData: { name: 'zapier teal' } })).map((b) => b.id))
    .toEqual([brand.id]);
  expect(await appTester(find, { authData, inputData: { name: 'No such brand' } })).toEqual([]);
  const [fallback] = await appTester(find, { authData, inputData: {} });
  expect(fallback.default).toBe(true);
});

test('the Brand dropdown is on Render Image, Create Batch and Generate Designs', () => {
  for (const key of ['render_image', 'create_batch', 'generate_designs']) {
    const field = App.creates[key].operation.inputFields.find((f) => f.key === 'brand_id');
    expect(field).toMatchObject({ dynamic: 'brands_list.id.name', search: 'find_brand.id', required: false });
  }
});

test('Render Image sends brand_id (not as a template field); a brand that is not yours is Platen\'s 422', async () => {
  const perform = App.creates.render_image.operation.perform;
  const render = await appTester(perform, { authData,
    inputData: { template_id: env.templateId, title: `Branded ${Date.now()}`, brand_id: brand.id } });
  expect(render).toMatchObject({ status: 'completed', template_id: env.templateId });
  await expect(appTester(perform, { authData,
    inputData: { template_id: env.templateId, title: 'Branded', brand_id: 'brd_0000000000000000000000' } }))
    .rejects.toThrow(/brand_id/);
});

test('Create Batch carries brand_id to the batch', async () => {
  const perform = App.creates.create_batch.operation.perform;
  const batch = await appTester(perform, { authData,
    inputData: { template_id: env.templateId, rows: [{ title: 'Branded row' }], brand_id: brand.id } });
  expect(batch).toMatchObject({ brand_id: brand.id, total: 1 });
  const done = await waitFor(async () => {
    const got = await platen('GET', `/batches/${batch.id}`);
    return got.data.status === 'completed' && got.data;
  }, 'the batch to complete');
  expect(done).toMatchObject({ brand_id: brand.id, completed: 1, failed: 0 });
  expect(Object.keys(require('../lib/samples').batch).sort()).toEqual(Object.keys(done).sort());
});
