'use strict';
// The file a later step uploads: the hydrator downloads the render and stashes it with z.stashFile. Stashing
// goes through Zapier's RPC (a presigned S3 upload); here a local stand-in plays both, so the bytes that would
// reach Zapier's bucket can be checked. ZAPIER_BASE_ENDPOINT is read when zapier-platform-core loads, so the
// app is required only after the stand-in is listening.

const { env, authData, request, platen, serve, hydrated } = require('./helpers');

let zapier;
let App;
let fake;
let appTester;

beforeAll(async () => {
  fake = await serve((req, body, res) => {
    if (req.url === '/platform/rpc/cli') {
      const { id, method } = JSON.parse(body.toString('utf8'));
      expect(method).toBe('get_presigned_upload_post_data');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id, result: { url: `${fake.url}/bucket/`, fields: { key: 'stash/abc/file' } } }));
      return true;
    }
    if (req.url === '/bucket/') {
      res.writeHead(204);
      res.end();
      return true;
    }
    return false;
  });
  process.env.ZAPIER_BASE_ENDPOINT = fake.url;
  process.env.ZAPIER_DEPLOY_KEY = 'a-stand-in-deploy-key';
  jest.resetModules();
  zapier = require('zapier-platform-core');
  App = require('../index');
  appTester = zapier.createAppTester(App);
});

afterAll(async () => {
  delete process.env.ZAPIER_BASE_ENDPOINT;
  delete process.env.ZAPIER_DEPLOY_KEY;
  await fake.close();
});

test('a render\'s file is downloaded and stashed whole, under its own name', async () => {
  const render = await appTester(App.creates.render_image.operation.perform,
    { authData, inputData: { template_id: env.templateId, title: 'A file for the next step' } });
  const pointer = hydrated(render.file);

  const stashed = await appTester(App.hydrators.downloadFile, { authData, inputData: pointer.bundle });
  expect(stashed).toBe(`${fake.url}/bucket/stash/abc/file`);

  const upload = fake.requests.find((r) => r.url === '/bucket/');
  const image = (await request('GET', render.url)).body;
  expect(image.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(upload.body.indexOf(image)).toBeGreaterThan(0); // the whole PNG, byte for byte
  expect(upload.body.toString('latin1')).toContain(`filename="${render.id}.png"`);
  expect(upload.body.toString('latin1')).toContain('Content-Type: image/png');
  // Platen's hosted file is public; the key is not sent along with the download.
  const stored = await platen('GET', `/renders/${render.id}`);
  expect(stored.data.url).toBe(render.url);
});
