'use strict';
// Generate Designs, the two generation triggers and their dropdowns, against the live Platen.

const zapier = require('zapier-platform-core');

const App = require('../index');
const samples = require('../lib/samples');
const { env, authData, platen, request, waitFor, serve, hydrated, asZapierBundle, textPdf } = require('./helpers');

const appTester = zapier.createAppTester(App);

const TEXT = '5 tips for remote work\n\nWrite things down: decisions live in documents, not in calls.\n\n' +
  'Overlap a few hours every day, and guard them.\n\nDefault to asynchronous updates; meet to decide.\n\n' +
  'Say thank you in public.\n\nLog off on time: a rested team is a fast team.';

let brand;

beforeAll(async () => {
  const made = await platen('POST', '/brands', { name: 'Zapier Generations', colors: { primary: '#0b7a75' } });
  expect(made.status).toBe(201);
  brand = made.data;
});

describe('dropdowns', () => {
  test('formats_list gives every format by its API name, carousels marked', async () => {
    const formats = await appTester(App.triggers.formats_list.operation.perform, { authData, meta: { page: 0 } });
    const byId = Object.fromEntries(formats.map((f) => [f.id, f]));
    expect(byId.og).toMatchObject({ id: 'og', name: 'og', width: 1200, height: 630, pages: false });
    expect(byId.linkedin_carousel).toMatchObject({ pages: true });
    expect(byId.linkedin_carousel.label).toMatch(/slides/);
    expect(await appTester(App.triggers.formats_list.operation.perform, { authData, meta: { page: 1 } }))
      .toEqual([]);
  });

  test('the output fields are named after the chosen formats', async () => {
    const outputFields = App.creates.generate_designs.operation.outputFields;
    const dynamic = outputFields.find((f) => typeof f === 'function');
    const labelled = await appTester(dynamic, { authData, inputData: { output_formats: ['og', 'linkedin_carousel'] } });
    expect(labelled.map((f) => f.key)).toEqual(['og_url', 'og_file', 'og_urls', 'og_template_id',
      'linkedin_carousel_url', 'linkedin_carousel_file', 'linkedin_carousel_urls', 'linkedin_carousel_template_id']);
    expect(labelled[4].label).toMatch(/^LinkedIn carousel: image URL \(first slide\)$/);
  });
});

describe('Generate Designs', () => {
  test('a text into an OG card and a 3-slide LinkedIn carousel, in a style and a brand, with flat URLs', async () => {
    const generation = await appTester(App.creates.generate_designs.operation.perform, {
      authData,
      inputData: {
        input_type: 'text',
        input_content: TEXT,
        output_formats: ['og', 'linkedin_carousel'],
        carousel_slides: '3',
        visual_style: 'bold',
        brand_id: brand.id,
        metadata: { campaign: 'zapier' },
      },
    });
    expect(generation).toMatchObject({ status: 'completed', input_type: 'text', visual_style: 'bold',
      brand_id: brand.id, output_formats: ['og', 'linkedin_carousel'], metadata: { campaign: 'zapier' },
      error_message: null });
    expect(generation.id).toMatch(/^gen_/);
    expect(generation.title).toMatch(/remote work/);
    const og = generation.outputs.find((o) => o.format === 'og');
    const carousel = generation.outputs.find((o) => o.format === 'linkedin_carousel');
    expect(generation.og_url).toBe(og.urls[0]);
    expect(generation.og_urls).toEqual(og.urls);
    expect(generation.og_template_id).toBe(og.template_id);
    expect(generation.linkedin_carousel_urls).toHaveLength(3);
    expect(generation.linkedin_carousel_urls).toEqual(carousel.urls);
    expect(generation.linkedin_carousel_url).toBe(carousel.urls[0]);
    expect(generation.urls).toEqual([...og.urls, ...carousel.urls]);
    expect(generation.url).toBe(og.urls[0]);
    expect(hydrated(generation.og_file).bundle).toEqual({ url: og.urls[0], filename: `${generation.id}-og.png` });
    expect(hydrated(generation.file).bundle.url).toBe(og.urls[0]);
    for (const url of generation.urls) { // hosted images, fetchable without a key
      const image = await request('GET', url);
      expect(image.status).toBe(200);
      expect([...image.body.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    }
    // Each output is a template of the account, to render again or refine in the editor.
    expect((await platen('GET', `/templates/${og.template_id}`)).status).toBe(200);
    // The step's answer is the API's object, plus the flat fields.
    const direct = await platen('GET', `/generations/${generation.id}`);
    for (const [key, value] of Object.entries(direct.data)) expect(generation[key]).toEqual(value);
    // The sample a user maps from before the first run has exactly these fields.
    expect(Object.keys(samples.generation).sort()).toEqual(Object.keys(generation).sort());
  });

  test('a page that cannot be read fails the step with Platen\'s reason; Failed Generation lists it', async () => {
    const missing = `${env.base}/files/no-such-page-${Date.now()}.html`;
    await expect(appTester(App.creates.generate_designs.operation.perform, { authData,
      inputData: { input_type: 'url', input_url: missing, output_formats: ['og'] } }))
      .rejects.toThrow(/failed: input_url: .*404/);
    const items = await appTester(App.triggers.generation_failed.operation.performList,
      { authData, inputData: {}, meta: { page: 0 } });
    const failed = items.find((i) => i.extracted === null && String(i.error_message).includes(missing));
    expect(failed).toMatchObject({ status: 'failed', url: null, file: null, urls: [] });
    expect(Object.keys(samples.failedGeneration).sort()).toEqual(Object.keys(failed).sort());
  });

  test('with no time to wait, the generation comes back as it is, and it finishes on its own', async () => {
    process.env.PLATEN_GENERATION_WAIT_SECONDS = '0';
    let generation;
    try {
      generation = await appTester(App.creates.generate_designs.operation.perform, {
        authData,
        inputData: { input_type: 'text', input_content: `Quick one ${Date.now()}\n\nA single card.`,
          output_formats: ['og'] },
      });
    } finally {
      delete process.env.PLATEN_GENERATION_WAIT_SECONDS;
    }
    expect(generation.id).toMatch(/^gen_/);
    expect(['queued', 'running', 'completed']).toContain(generation.status);
    // Find Generation follows it up (what a later step of the Zap does), in the same shape.
    const find = App.searches.find_generation.operation.perform;
    const [found] = await waitFor(async () => {
      const hits = await appTester(find, { authData, inputData: { id: generation.id } });
      return hits.length && hits[0].status === 'completed' && hits;
    }, 'the generation to complete');
    expect(found.og_url).toMatch(/^http/);
    expect(found.og_url).toBe(found.outputs[0].urls[0]);
    expect(await appTester(find, { authData, inputData: { id: 'gen_0000000000000000000000' } })).toEqual([]);
  });

  test('missing content or formats is a message naming what to give; Platen\'s own 422 comes through', async () => {
    const perform = App.creates.generate_designs.operation.perform;
    await expect(appTester(perform, { authData, inputData: { input_type: 'text', output_formats: ['og'] } }))
      .rejects.toThrow(/Content/);
    await expect(appTester(perform, { authData, inputData: { input_type: 'url', output_formats: ['og'] } }))
      .rejects.toThrow(/URL/);
    await expect(appTester(perform, { authData, inputData: { input_type: 'text', input_content: 'Hi' } }))
      .rejects.toThrow(/output format/);
    await expect(appTester(perform, { authData, inputData: { input_type: 'text', input_content: 'Hi',
      output_formats: ['no_such_format'] } })).rejects.toThrow(/output_formats|no_such_format/);
  });
});

describe('Generation Completed (REST hook) and Failed Generation', () => {
  let receiver;

  beforeAll(async () => {
    receiver = await serve();
  });

  afterAll(async () => {
    await receiver.close();
  });

  test('subscribe; a real generation.completed delivery is the object performList gives; unsubscribe', async () => {
    const trigger = App.triggers.generation_completed.operation;
    const targetUrl = `${receiver.url}/hooks/standard/9/generation/`;
    const hook = await appTester(trigger.performSubscribe, { authData, targetUrl, inputData: {} });
    expect(hook).toMatchObject({ event: 'generation.completed', target_url: targetUrl, status: 'active' });
    try {
      const made = await platen('POST', '/generations', { input_type: 'text', input_content: TEXT,
        output_formats: ['og', 'linkedin_carousel'], carousel_slides: { linkedin_carousel: 3 },
        brand_id: brand.id });
      expect(made.status).toBe(202);
      const delivery = await waitFor(() => receiver.requests.find((r) => r.url.includes('/9/generation/') &&
        r.body.includes(made.data.id)), 'Platen to deliver generation.completed');
      expect(delivery.headers['webhook-signature']).toMatch(/^v1,/);
      const [live] = await appTester(trigger.perform, asZapierBundle(delivery, hook));
      expect(live).toMatchObject({ id: made.data.id, status: 'completed', brand_id: brand.id });
      expect(live.og_url).toMatch(/^http/);
      expect(live.linkedin_carousel_urls).toHaveLength(3);
      const sample = await appTester(trigger.performList, { authData, inputData: {}, meta: { page: 0 } });
      expect(sample.find((s) => s.id === made.data.id)).toEqual(live);
    } finally {
      await appTester(trigger.performUnsubscribe, { authData, subscribeData: hook });
    }
    expect((await platen('GET', '/hooks')).data.map((h) => h.id)).not.toContain(hook.id);
  });

  test('Failed Generation: subscribe, Platen\'s "Send test" reaches perform, unsubscribe', async () => {
    const trigger = App.triggers.generation_failed.operation;
    const targetUrl = `${receiver.url}/hooks/standard/10/failed/`;
    const hook = await appTester(trigger.performSubscribe, { authData, targetUrl, inputData: {} });
    expect(hook).toMatchObject({ event: 'generation.failed', target_url: targetUrl, status: 'active' });
    try {
      expect((await platen('POST', `/hooks/${hook.id}/test`)).status).toBeLessThan(300);
      const delivery = await waitFor(() => receiver.requests.find((r) => r.url.includes('/10/failed/')),
        'the test delivery');
      const [item] = await appTester(trigger.perform, asZapierBundle(delivery, hook));
      expect(item).toMatchObject({ status: 'failed', url: null, file: null, urls: [] });
      expect(item.error_message).toBeTruthy();
      expect(Object.keys(item).sort()).toEqual(Object.keys(samples.failedGeneration).sort());
    } finally {
      await appTester(trigger.performUnsubscribe, { authData, subscribeData: hook });
    }
    expect((await platen('GET', '/hooks')).data.map((h) => h.id)).not.toContain(hook.id);
    const items = await appTester(trigger.performList, { authData, inputData: {}, meta: { page: 0 } });
    expect(Array.isArray(items)).toBe(true);
  });
});

describe('Generate Designs from a web page and from a PDF file', () => {
  const PAGE = '<!doctype html><html><head><title>Five habits | Example Blog</title>' +
    '<meta property="og:title" content="Five habits of calm teams">' +
    '<meta property="og:description" content="What distributed teams that ship on time do differently.">' +
    '<meta property="og:site_name" content="Example Blog"></head><body><article>' +
    '<h1>Five habits of calm teams</h1><p>Calm teams write things down. Decisions live in documents that everyone ' +
    'can find, not in calls that half the team missed.</p><h2>They overlap on purpose</h2><p>A few shared hours a ' +
    'day are guarded for questions and pairing; the rest is deep work.</p><h2>They default to async</h2><p>Updates ' +
    'are written, meetings are for decisions, and every meeting ends with a note.</p></article></body></html>';
  let site;

  beforeAll(async () => {
    site = await serve((req, body, res) => {
      if (req.url === '/post.html') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(PAGE);
        return true;
      }
      if (req.url === '/report.pdf') {
        res.writeHead(200, { 'Content-Type': 'application/pdf' });
        res.end(textPdf(['Five habits of calm teams', 'Calm teams write things down.',
          'They overlap on purpose, a few hours a day.', 'They default to asynchronous updates.']));
        return true;
      }
      return false;
    });
  });

  afterAll(async () => {
    await site.close();
  });

  test('a blog post\'s URL into an OG card and an Instagram post', async () => {
    const generation = await appTester(App.creates.generate_designs.operation.perform, { authData,
      inputData: { input_type: 'url', input_url: `${site.url}/post.html`, output_formats: ['og', 'instagram_post'],
        visual_style: 'minimal' } });
    expect(generation).toMatchObject({ status: 'completed', input_type: 'url', title: 'Five habits of calm teams' });
    expect(generation.extracted.site_name).toBe('Example Blog');
    expect(generation.og_url).toMatch(/^http/);
    expect(generation.instagram_post_url).toMatch(/^http/);
  });

  test('a PDF file from an earlier step is uploaded as the form\'s file', async () => {
    const generation = await appTester(App.creates.generate_designs.operation.perform, { authData,
      inputData: { input_type: 'pdf', file: `${site.url}/report.pdf`, output_formats: ['og'],
        metadata: { source: 'attachment' } } });
    expect(generation).toMatchObject({ status: 'completed', input_type: 'pdf', metadata: { source: 'attachment' } });
    expect(generation.title).toMatch(/calm teams/i);
    expect(generation.og_url).toMatch(/^http/);
    const upload = site.requests.filter((r) => r.url === '/report.pdf');
    expect(upload).toHaveLength(1); // the app fetched the file once and sent it on; Platen fetched no URL
  });
});
