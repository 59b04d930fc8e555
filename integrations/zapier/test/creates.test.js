'use strict';

const fs = require('fs');

const zapier = require('zapier-platform-core');

const App = require('../index');
const { env, authData, request, platen, waitFor, serve, hydrated, schemaErrors } = require('./helpers');

const appTester = zapier.createAppTester(App);

const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

describe('Render Image', () => {
  const operation = App.creates.render_image.operation;

  test('its fields: none before a template is chosen, then the template\'s ?format=zapier fields', async () => {
    const none = await appTester(operation.inputFields[1], { authData, inputData: {} });
    expect(none).toEqual([]);
    const fields = await appTester(operation.inputFields[1], { authData, inputData: { template_id: env.templateId } });
    const direct = await platen('GET', `/templates/${env.templateId}/fields?format=zapier`);
    expect(fields).toEqual(direct.data);
    expect(fields.find((f) => f.key === 'title')).toMatchObject({ type: 'text', required: true });
    expect(fields.find((f) => f.key === 'accent.fill')).toMatchObject({ type: 'string', required: false });
    expect(schemaErrors(fields, 'InputFieldsSchema')).toEqual([]);
  });

  test('a missing template is Platen\'s 404 message', async () => {
    await expect(appTester(operation.inputFields[1], { authData, inputData: { template_id: 'tpl_nope' } }))
      .rejects.toThrow(/tpl_nope/);
  });

  test('renders, waits for the image, and gives its URL and a file later steps can upload', async () => {
    const title = `Rendered from a Zap ${Math.random()}`; // new, so the first render is not a cached one
    const inputData = { template_id: env.templateId, title, 'accent.fill': '#ff0055', author: 'Zapier',
      format: 'jpeg', quality: 80 };
    const render = await appTester(operation.perform, { authData, inputData });
    expect(render).toMatchObject({ status: 'completed', template_id: env.templateId, format: 'jpeg',
      width: 1200, height: 630 });
    expect(render.id).toMatch(/^rnd_/);

    const image = await request('GET', render.url); // hosted files need no key
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.body.subarray(0, 3)).toEqual(JPEG);

    expect(hydrated(render.file)).toEqual({ type: 'file', method: 'hydrators.downloadFile',
      bundle: { url: render.url, filename: `${render.id}.jpg` } });

    // The same values again, `accent.fill` arriving nested as {"accent": {"fill": …}}: the very same render, so
    // Platen answers it from its cache (the fields reached Platen exactly as given, both times).
    const { 'accent.fill': fill, ...rest } = inputData;
    const again = await appTester(operation.perform, { authData, inputData: { ...rest, accent: { fill } } });
    expect(again).toMatchObject({ status: 'completed', cached: true });
    expect(render.cached).toBe(false);
  });

  test('a render still queued when Platen\'s wait runs out is watched until it is done', async () => {
    // With timeout 0 Platen answers 202 "queued" at once: the step has to poll GET /renders/{id}.
    const title = `Polled ${Math.random()}`;
    const direct = await platen('POST', '/renders', { template_id: env.templateId, fields: { title: `${title}!` },
      timeout: 0 });
    expect(direct).toMatchObject({ status: 202, data: { status: 'queued' } });
    process.env.PLATEN_RENDER_WAIT_SECONDS = '0';
    try {
      const inputData = { template_id: env.templateId, title };
      const render = await appTester(operation.perform, { authData, inputData });
      expect(render).toMatchObject({ status: 'completed', cached: false });
      expect((await request('GET', render.url)).status).toBe(200);
    } finally {
      delete process.env.PLATEN_RENDER_WAIT_SECONDS;
    }
  });

  test('a bad field value fails the step with Platen\'s message naming the field', async () => {
    const inputData = { template_id: env.templateId, title: 'x', 'accent.fill': 'not a colour' };
    await expect(appTester(operation.perform, { authData, inputData })).rejects.toThrow(/accent\.fill/);
  });
});

describe('Create Batch', () => {
  const operation = App.creates.create_batch.operation;

  test('its rows are line items whose children are the template\'s fields', async () => {
    const dynamic = operation.inputFields.find((f) => typeof f === 'function');
    const [rows] = await appTester(dynamic, { authData, inputData: { template_id: env.templateId } });
    expect(rows.key).toBe('rows');
    expect(rows.children.map((c) => c.key)).toContain('title');
    expect(rows.children.every((c) => c.required === false && c.default === undefined)).toBe(true);
    expect(schemaErrors([rows], 'InputFieldsSchema')).toEqual([]);
  });

  test('from line items: one render per row', async () => {
    const inputData = { template_id: env.templateId, format: 'png',
      rows: [{ title: 'First row', author: 'A' }, { title: 'Second row', 'accent.fill': '#00ff88' }, {}] };
    const batch = await appTester(operation.perform, { authData, inputData });
    expect(batch).toMatchObject({ template_id: env.templateId, total: 2, format: 'png' });
    const done = await waitFor(async () => {
      const current = (await platen('GET', `/batches/${batch.id}`)).data;
      return current.status === 'completed' && current;
    }, 'the batch to complete');
    expect(done).toMatchObject({ completed: 2, failed: 0 });
  });

  test('from a CSV file an earlier step made: uploaded as multipart, columns matched by name', async () => {
    const csv = 'Headline,Author,Unknown column\nFrom a CSV,Ada,x\n"Quoted, with a comma",Grace,y\n';
    const files = await serve((req, body, res) => {
      res.writeHead(200, { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="people.csv"' });
      res.end(csv);
      return true;
    });
    try {
      const inputData = { template_id: env.templateId, file: `${files.url}/download/abc`,
        mapping: { Headline: 'title' } };
      const batch = await appTester(operation.perform, { authData, inputData });
      expect(batch).toMatchObject({ total: 2, ignored_columns: ['Unknown column'] });
      expect(files.requests[0].headers['x-api-key']).toBeUndefined();
      await waitFor(async () => (await platen('GET', `/batches/${batch.id}`)).data.status === 'completed',
        'the CSV batch to complete');
      const renders = (await platen('GET', `/batches/${batch.id}/renders`)).data;
      expect(renders.map((r) => r.status)).toEqual(['completed', 'completed']);
      const results = (await request('GET', batch.results_url)).body.toString(); // a signed link: no key
      expect(results).toContain('"Quoted, with a comma",Grace');
      const header = results.split('\n')[0].replace(/^\uFEFF/, ''); // a BOM, for Excel
      expect(header).toMatch(/^Headline,Author,Unknown column,render_id,status,url/);
    } finally {
      await files.close();
    }
  });

  test('from an Excel workbook: the sheet named in Sheet, letter case aside', async () => {
    const files = await serve((req, body, res) => {
      res.writeHead(200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      res.end(fs.readFileSync(env.xlsxFile));
      return true;
    });
    try {
      const inputData = { template_id: env.templateId, file: `${files.url}/exports/orders.xlsx`, sheet: 'orders',
        format: 'webp' };
      const batch = await appTester(operation.perform, { authData, inputData });
      expect(batch).toMatchObject({ total: 3, format: 'webp', ignored_columns: [] });
      await waitFor(async () => (await platen('GET', `/batches/${batch.id}`)).data.status === 'completed',
        'the workbook batch to complete');
      const results = (await request('GET', batch.results_url)).body.toString();
      expect(results).toContain('From a workbook,Ada');
      expect(results).toContain('Second sheet row,3');
      expect(results).not.toContain('Not the rows');
    } finally {
      await files.close();
    }
  });

  test('neither rows nor a file is a clear error', async () => {
    await expect(appTester(operation.perform, { authData, inputData: { template_id: env.templateId, rows: [{}] } }))
      .rejects.toThrow(/at least one row/);
  });
});
