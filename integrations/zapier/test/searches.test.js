'use strict';

const zapier = require('zapier-platform-core');

const App = require('../index');
const { env, authData, platen, hydrated } = require('./helpers');

const appTester = zapier.createAppTester(App);

describe('Find Render', () => {
  test('finds a render by id, with its URL and file', async () => {
    const made = await platen('POST', '/renders', { template_id: env.templateId, fields: { title: 'Find me' } });
    expect(made.status).toBe(201);
    const found = await appTester(App.searches.find_render.operation.perform,
      { authData, inputData: { id: made.data.id } });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: made.data.id, status: 'completed', url: made.data.url });
    expect(hydrated(found[0].file).bundle.url).toBe(made.data.url);
  });

  test('an unknown id finds nothing (not an error)', async () => {
    const found = await appTester(App.searches.find_render.operation.perform,
      { authData, inputData: { id: 'rnd_0000000000000000000000' } });
    expect(found).toEqual([]);
  });
});

describe('Find Template', () => {
  test('finds a template by its name, letter case aside', async () => {
    const found = await appTester(App.searches.find_template.operation.perform,
      { authData, inputData: { name: env.templateName.toUpperCase() } });
    expect(found.map((t) => t.id)).toEqual([env.templateId]);
  });

  test('part of a name finds nothing unless exact is off', async () => {
    const part = env.templateName.slice(0, 5);
    const exact = await appTester(App.searches.find_template.operation.perform,
      { authData, inputData: { name: part } });
    expect(exact).toEqual([]);
    const loose = await appTester(App.searches.find_template.operation.perform,
      { authData, inputData: { name: part, exact: false } });
    expect(loose.map((t) => t.id)).toContain(env.templateId);
  });
});
