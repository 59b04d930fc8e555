'use strict';

const zapier = require('zapier-platform-core');

const App = require('../index');
const { env, authData, platen, waitFor, serve, hydrated, asZapierBundle } = require('./helpers');

const appTester = zapier.createAppTester(App);

const render = (fields) => platen('POST', '/renders', { template_id: env.templateId, fields });

let failedId;

beforeAll(async () => {
  // One render of each outcome, so every polling list has something to show.
  expect((await render({ title: 'Sample for the trigger' })).status).toBe(201);
  const failed = await platen('POST', '/renders', {
    template: {
      name: 'Broken logo', width: 64, height: 64,
      layers: [{ type: 'image', name: 'logo', x: 0, y: 0, width: 32, height: 32, src: `${env.base}/files/missing.png`,
        on_error: 'fail' }],
    },
  });
  expect(failed.status).toBe(422);
  failedId = failed.data.details.render_id;
});

describe('templates_list (hidden, for dropdowns)', () => {
  test('lists the account\'s templates by id and name', async () => {
    const templates = await appTester(App.triggers.templates_list.operation.perform, { authData, meta: { page: 0 } });
    const mine = templates.find((t) => t.id === env.templateId);
    expect(mine).toMatchObject({ id: env.templateId, name: env.templateName });
    expect(mine.layers).toBeUndefined(); // the summary view: a dropdown page stays small
    const past = await appTester(App.triggers.templates_list.operation.perform, { authData, meta: { page: 5 } });
    expect(past).toEqual([]);
  });
});

describe('performList (samples while building a Zap)', () => {
  test('New Render lists completed renders with their URL and file', async () => {
    const items = await appTester(App.triggers.render_completed.operation.performList,
      { authData, inputData: { template_id: env.templateId }, meta: { page: 0 } });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item).toMatchObject({ status: 'completed', template_id: env.templateId });
      expect(hydrated(item.file)).toMatchObject({ type: 'file', method: 'hydrators.downloadFile',
        bundle: { url: item.url } });
    }
  });

  test('Failed Render lists failed renders with the reason', async () => {
    const items = await appTester(App.triggers.render_failed.operation.performList,
      { authData, inputData: {}, meta: { page: 0 } });
    const failed = items.find((i) => i.id === failedId);
    expect(failed).toMatchObject({ status: 'failed', file: null, error: { error: 'image_failed' } });
    expect(failed.error.message).toMatch(/missing\.png/);
  });

  test('Batch Completed lists finished batches', async () => {
    const made = await platen('POST', '/batches', { template_id: env.templateId, rows: [{ title: 'Row one' }] });
    expect(made.status).toBe(202);
    await waitFor(async () => (await platen('GET', `/batches/${made.data.id}`)).data.status === 'completed',
      'the batch to complete');
    const items = await appTester(App.triggers.batch_completed.operation.performList,
      { authData, inputData: {}, meta: { page: 0 } });
    expect(items.find((i) => i.id === made.data.id)).toMatchObject({ status: 'completed', total: 1, completed: 1 });
  });
});

describe('REST hook: subscribe, a real delivery, unsubscribe', () => {
  let receiver;

  beforeAll(async () => {
    receiver = await serve();
  });

  afterAll(async () => {
    await receiver.close();
  });

  test('New Render: the delivery Platen sends becomes the same object performList gives', async () => {
    const trigger = App.triggers.render_completed.operation;
    const targetUrl = `${receiver.url}/hooks/standard/1/abc/`;
    const hook = await appTester(trigger.performSubscribe,
      { authData, targetUrl, inputData: { template_id: env.templateId } });
    expect(hook).toMatchObject({ event: 'render.completed', target_url: targetUrl, template_id: env.templateId,
      status: 'active' });
    expect(hook.secret).toMatch(/^whsec_/);
    const listed = await platen('GET', `/hooks?target_url=${encodeURIComponent(targetUrl)}`);
    expect(listed.data.map((h) => h.id)).toEqual([hook.id]);

    const made = await render({ title: 'Delivered to Zapier' });
    expect(made.status).toBe(201);
    const delivery = await waitFor(() => receiver.requests.find((r) => r.body.includes(made.data.id)),
      'Platen to deliver the render.completed event');
    expect(delivery.headers['webhook-signature']).toMatch(/^v1,/);

    const results = await appTester(trigger.perform, asZapierBundle(delivery, hook));
    expect(results).toHaveLength(1);
    const [live] = results;
    expect(live).toMatchObject({ id: made.data.id, status: 'completed', url: made.data.url });
    expect(hydrated(live.file).bundle).toEqual({ url: made.data.url, filename: `${made.data.id}.png` });

    // Sample data and live data have one shape: the polling list holds the very same object.
    const sample = await appTester(trigger.performList,
      { authData, inputData: { template_id: env.templateId }, meta: { page: 0 } });
    expect(sample.find((s) => s.id === made.data.id)).toEqual(live);

    // A forged delivery (right shape, wrong signature) starts nothing.
    const otherSecret = `whsec_${Buffer.from('not the secret').toString('base64')}`;
    const forged = asZapierBundle(delivery, { ...hook, secret: otherSecret });
    await expect(appTester(trigger.perform, forged)).rejects.toThrow(/did not sign/);

    const gone = await appTester(trigger.performUnsubscribe, { authData, subscribeData: hook });
    expect(gone).toEqual({ id: hook.id, deleted: true });
    expect((await platen('GET', '/hooks')).data.map((h) => h.id)).not.toContain(hook.id);
    // Unsubscribing a hook that is already gone (deleted by hand) is not an error.
    await expect(appTester(trigger.performUnsubscribe, { authData, subscribeData: hook })).resolves.toEqual(gone);
  });

  test.each([
    ['render_failed', 'render.failed'],
    ['batch_completed', 'batch.completed'],
  ])('%s subscribes to %s and unsubscribes', async (key, event) => {
    const trigger = App.triggers[key].operation;
    const targetUrl = `${receiver.url}/hooks/standard/2/${key}/`;
    const hook = await appTester(trigger.performSubscribe, { authData, targetUrl, inputData: {} });
    expect(hook).toMatchObject({ event, target_url: targetUrl, status: 'active' });
    expect((await platen('GET', '/hooks')).data.map((h) => h.id)).toContain(hook.id);
    await appTester(trigger.performUnsubscribe, { authData, subscribeData: hook });
    expect((await platen('GET', '/hooks')).data.map((h) => h.id)).not.toContain(hook.id);
  });

  test('Batch Completed: a real delivery is the batch', async () => {
    const trigger = App.triggers.batch_completed.operation;
    const targetUrl = `${receiver.url}/hooks/standard/3/batch/`;
    const hook = await appTester(trigger.performSubscribe, { authData, targetUrl, inputData: {} });
    try {
      const made = await platen('POST', '/batches', { template_id: env.templateId, rows: [{ title: 'Hooked' }] });
      const delivery = await waitFor(() => receiver.requests.find((r) => r.url.includes('/3/batch/') &&
        r.body.includes(made.data.id)), 'Platen to deliver batch.completed');
      const [live] = await appTester(trigger.perform, asZapierBundle(delivery, hook));
      expect(live).toMatchObject({ id: made.data.id, status: 'completed', total: 1, completed: 1 });
      const sample = await appTester(trigger.performList, { authData, inputData: {}, meta: { page: 0 } });
      expect(sample.find((s) => s.id === made.data.id)).toEqual(live);
    } finally {
      await appTester(trigger.performUnsubscribe, { authData, subscribeData: hook });
    }
  });

  test('a signed delivery of another event, or a stray request, starts nothing', async () => {
    const trigger = App.triggers.render_completed.operation;
    const delivery = receiver.requests.find((r) => r.url.includes('/3/batch/')); // a real batch.completed
    const hook = { id: 'hook_x', secret: null };
    const bundle = asZapierBundle(delivery, hook);
    expect(bundle.cleanedRequest.type).toBe('batch.completed');
    expect(await appTester(trigger.perform, bundle)).toEqual([]);
    expect(await appTester(trigger.perform, { authData, subscribeData: hook, cleanedRequest: { hello: 'world' } }))
      .toEqual([]);
  });

  test('a test event (Platen\'s "Send test") reaches perform like a real one', async () => {
    const trigger = App.triggers.render_failed.operation;
    const targetUrl = `${receiver.url}/hooks/standard/4/failed/`;
    const hook = await appTester(trigger.performSubscribe, { authData, targetUrl, inputData: {} });
    try {
      expect((await platen('POST', `/hooks/${hook.id}/test`)).status).toBeLessThan(300);
      const delivery = await waitFor(() => receiver.requests.find((r) => r.url.includes('/4/failed/')),
        'the test delivery');
      const [item] = await appTester(trigger.perform, asZapierBundle(delivery, hook));
      expect(item).toMatchObject({ status: 'failed', file: null });
    } finally {
      await appTester(trigger.performUnsubscribe, { authData, subscribeData: hook });
    }
  });
});
