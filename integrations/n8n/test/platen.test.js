'use strict';
/**
 * The nodes of n8n-nodes-platen (built, from dist/) run with a fake `this` whose HTTP helpers make real requests
 * to a live Platen: PLATEN_BASE_URL, PLATEN_API_KEY (a fresh account's key) and PLATEN_TEMPLATE_ID (a copy of
 * the og-blog-card starter, whose `title` field is required); PLATEN_XLSX optionally names a workbook of rows.
 */
const assert = require('node:assert/strict');
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { after, before, describe, test } = require('node:test');
const { context, testCredential, httpRequest, DIST } = require('./fake');

const { Platen } = require(path.join(DIST, 'nodes', 'Platen', 'Platen.node.js'));
const { PlatenTrigger } = require(
	path.join(DIST, 'nodes', 'PlatenTrigger', 'PlatenTrigger.node.js'),
);
const { sign } = require(path.join(DIST, 'nodes', 'shared', 'signature.js'));

const BASE = process.env.PLATEN_BASE_URL;
const KEY = process.env.PLATEN_API_KEY;
const TEMPLATE = process.env.PLATEN_TEMPLATE_ID;
assert.ok(
	BASE && KEY && TEMPLATE,
	'PLATEN_BASE_URL, PLATEN_API_KEY and PLATEN_TEMPLATE_ID are needed',
);
const credentials = { baseUrl: `${BASE}/`, apiKey: KEY };
const platen = new Platen();
const trigger = new PlatenTrigger();

/** A direct API call, to check what the nodes did. */
function api(method, route, body) {
	return httpRequest({
		method,
		url: `${BASE}/api/v1${route}`,
		headers: { 'X-API-Key': KEY },
		body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	});
}

const templateParam = { __rl: true, mode: 'list', value: TEMPLATE };

async function run(params, items) {
	const ctx = context('execute', { credentials, params, items });
	const [out] = await platen.execute.call(ctx);
	return out;
}

test('the credential test (GET /api/v1/me) passes with the key and fails with another', async () => {
	const ok = await testCredential(credentials);
	assert.equal(ok.statusCode, 200);
	assert.equal(ok.body.mode, 'live');
	assert.ok(ok.body.scopes.includes('renders:write'));
	const withApiPath = await testCredential({ ...credentials, baseUrl: `${BASE}/api/v1/` });
	assert.equal(withApiPath.statusCode, 200, 'a base URL pasted with /api/v1 works too');
	const bad = await testCredential({ ...credentials, apiKey: 'plt_live_notakey' });
	assert.equal(bad.statusCode, 401);
});

describe('template pickers and the resource mapper', () => {
	test('listSearch searchTemplates finds the template, by name too', async () => {
		const ctx = context('loadOptions', { credentials });
		const all = await platen.methods.listSearch.searchTemplates.call(ctx);
		const mine = all.results.find((r) => r.value === TEMPLATE);
		assert.ok(mine, JSON.stringify(all.results));
		assert.match(mine.name, /\(1200×630\)$/);
		const word = mine.name.split(' ')[0];
		const found = await platen.methods.listSearch.searchTemplates.call(ctx, word);
		assert.ok(found.results.some((r) => r.value === TEMPLATE));
		const none = await platen.methods.listSearch.searchTemplates.call(ctx, 'no-such-template-zzz');
		assert.deepEqual(none.results, []);
		const options = await trigger.methods.loadOptions.getTemplates.call(ctx);
		assert.ok(options.some((o) => o.value === TEMPLATE));
	});

	test('resourceMapping getTemplateFields answers the fields ?format=n8n gives', async () => {
		const ctx = context('loadOptions', { credentials, params: { templateId: templateParam } });
		const fields = await platen.methods.resourceMapping.getTemplateFields.call(ctx);
		const direct = await api('GET', `/templates/${TEMPLATE}/fields?format=n8n`);
		assert.deepEqual(fields, direct.body);
		const title = fields.fields.find((f) => f.id === 'title');
		assert.equal(title.required, true);
		assert.equal(title.type, 'string');
		assert.ok(
			fields.fields.some((f) => f.type === 'url'),
			'image fields are urls',
		);
	});
});

describe('Render', () => {
	let created;

	test('create renders with the mapped fields, waits, and attaches the file', async () => {
		const [item] = await run({
			resource: 'render',
			operation: 'create',
			templateId: templateParam,
			fields: { mappingMode: 'defineBelow', value: { title: 'Hello from n8n', author: '' } },
			options: { download: true, binaryPropertyName: 'image', format: 'png' },
		});
		created = item.json;
		assert.equal(created.status, 'completed');
		assert.equal(created.template_id, TEMPLATE);
		assert.match(created.url, /^http/);
		assert.equal(item.binary.image.mimeType, 'image/png');
		const bytes = Buffer.from(item.binary.image.data, 'base64');
		assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
		assert.equal(item.binary.image.fileName, `${created.id}.png`);
	});

	test('a retried step replays its render; the node run again in a loop with other values renders anew', async () => {
		const params = {
			resource: 'render',
			operation: 'create',
			templateId: templateParam,
			fields: { mappingMode: 'defineBelow', value: { title: `Once ${crypto.randomUUID()}` } },
			options: {},
		};
		const ctx = context('execute', { credentials, params });
		const [[first]] = await platen.execute.call(ctx);
		const [[retried]] = await platen.execute.call(ctx);
		assert.equal(
			retried.json.id,
			first.json.id,
			'the same Idempotency-Key: the first answer, replayed',
		);
		params.fields.value.title = `Twice ${crypto.randomUUID()}`;
		const [[looped]] = await platen.execute.call(ctx);
		assert.notEqual(looped.json.id, first.json.id);
		assert.equal(looped.json.status, 'completed');
	});

	test('create in "map automatically" mode takes the item\'s properties named like fields', async () => {
		const fields = await platen.methods.resourceMapping.getTemplateFields.call(
			context('loadOptions', { credentials, params: { templateId: templateParam } }),
		);
		const [item] = await run(
			{
				resource: 'render',
				operation: 'create',
				templateId: templateParam,
				fields: { mappingMode: 'autoMapInputData', value: null, schema: fields.fields },
				options: { format: 'png' },
			},
			[{ json: { Title: 'Hello from n8n', unrelated: 'ignored' } }],
		);
		assert.equal(item.json.status, 'completed');
		assert.equal(
			item.json.cached,
			true,
			'the same fields as the first render: served from the cache',
		);
	});

	test("create fails with Platen's own message", async () => {
		await assert.rejects(
			run({
				resource: 'render',
				operation: 'create',
				templateId: templateParam,
				fields: { mappingMode: 'defineBelow', value: { title: '   ' } },
				options: {},
			}),
			(error) => {
				assert.equal(error.constructor.name, 'NodeApiError');
				assert.match(error.message, /title/);
				assert.equal(error.httpCode, '422');
				return true;
			},
		);
	});

	test('get, get many and download', async () => {
		const [got] = await run({ resource: 'render', operation: 'get', renderId: created.id });
		assert.equal(got.json.id, created.id);
		assert.equal(got.json.url, created.url);
		const many = await run({
			resource: 'render',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			filters: { template_id: TEMPLATE, status: 'completed' },
		});
		assert.equal(many.length, 1);
		assert.equal(many[0].json.template_id, TEMPLATE);
		const everything = await run({
			resource: 'render',
			operation: 'getAll',
			returnAll: true,
			filters: {},
		});
		assert.ok(everything.length >= 2);
		assert.ok(everything.some((r) => r.json.id === created.id));
		const [file] = await run({
			resource: 'render',
			operation: 'download',
			renderId: created.id,
			binaryPropertyName: 'data',
		});
		assert.equal(file.binary.data.mimeType, 'image/png');
		assert.equal(Buffer.from(file.binary.data.data, 'base64').length, created.size_bytes);
		await assert.rejects(
			run({ resource: 'render', operation: 'get', renderId: 'rnd_missing' }),
			(error) => {
				assert.equal(error.message, 'There is no render rnd_missing.');
				assert.equal(error.httpCode, '404');
				return true;
			},
		);
	});
});

describe('Template', () => {
	test('get many lists summaries; get fields in each format', async () => {
		const list = await run({ resource: 'template', operation: 'getAll', returnAll: true, q: '' });
		const mine = list.find((t) => t.json.id === TEMPLATE);
		assert.ok(mine);
		assert.equal(mine.json.width, 1200);
		assert.equal(mine.json.layers, undefined, 'the summary leaves layers out');
		const native = await run({
			resource: 'template',
			operation: 'getFields',
			templateId: { __rl: true, mode: 'id', value: TEMPLATE },
			fieldsFormat: 'native',
		});
		assert.ok(native.some((f) => f.json.name === 'title' && f.json.required === true));
		const [n8n] = await run({
			resource: 'template',
			operation: 'getFields',
			templateId: templateParam,
			fieldsFormat: 'n8n',
		});
		assert.ok(Array.isArray(n8n.json.fields));
	});
});

describe('Batch', () => {
	let batch;

	test('create from input items (one row each), waiting for completion', async () => {
		const titles = ['Row one', 'Row two', 'Row three'];
		const out = await run(
			{
				resource: 'batch',
				operation: 'create',
				source: 'items',
				templateId: templateParam,
				rows: (i) => ({ mappingMode: 'defineBelow', value: { title: titles[i] } }),
				options: { waitForCompletion: true, format: 'jpeg', quality: 80 },
			},
			titles.map((t) => ({ json: { t } })),
		);
		assert.equal(out.length, 1);
		batch = out[0].json;
		assert.equal(batch.status, 'completed');
		assert.equal(batch.total, 3);
		assert.equal(batch.completed, 3);
		assert.equal(batch.failed, 0);
		assert.equal(batch.format, 'jpeg');
		assert.deepEqual(out[0].pairedItem, [{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('get and get results', async () => {
		const [got] = await run({ resource: 'batch', operation: 'get', batchId: batch.id });
		assert.equal(got.json.id, batch.id);
		const rows = await run({
			resource: 'batch',
			operation: 'getResults',
			batchId: batch.id,
			returnAll: true,
			filters: {},
		});
		assert.equal(rows.length, 3);
		assert.deepEqual(
			rows.map((r) => r.json.metadata.row),
			[1, 2, 3],
		);
		assert.ok(rows.every((r) => r.json.status === 'completed' && r.json.url.endsWith('.jpg')));
		const failed = await run({
			resource: 'batch',
			operation: 'getResults',
			batchId: batch.id,
			returnAll: false,
			limit: 10,
			filters: { status: 'failed' },
		});
		assert.deepEqual(failed, []);
	});

	const files = [
		[
			'CSV',
			'rows.csv',
			'text/csv',
			Buffer.from('Headline,Writer\n"Hello, CSV",Ada\nSecond,Grace\n'),
		],
	];
	if (process.env.PLATEN_XLSX) {
		files.push([
			'XLSX',
			'rows.xlsx',
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			fs.readFileSync(process.env.PLATEN_XLSX),
		]);
	}
	for (const [kind, fileName, mimeType, bytes] of files) {
		test(`create from a binary ${kind} file, with a column mapping`, async () => {
			const [item] = await run(
				{
					resource: 'batch',
					operation: 'create',
					source: 'file',
					templateId: templateParam,
					binaryPropertyName: 'sheet',
					options: {
						mapping: '{"Headline": "title", "Writer": "author"}',
						waitForCompletion: true,
						sheet: kind === 'XLSX' ? 'People' : '',
					},
				},
				[{ json: {}, binary: { sheet: { data: bytes.toString('base64'), mimeType, fileName } } }],
			);
			assert.equal(item.json.status, 'completed');
			assert.equal(item.json.total, 2);
			assert.equal(item.json.completed, 2, JSON.stringify(item.json));
			assert.deepEqual(item.json.ignored_columns, []);
		});
	}
});

describe('Platen Trigger', () => {
	let server;
	let webhookUrl;
	const deliveries = [];
	const waiting = [];
	const staticData = {};

	before(async () => {
		server = http.createServer((req, res) => {
			const chunks = [];
			req.on('data', (c) => chunks.push(c));
			req.on('end', () => {
				const delivery = { headers: req.headers, rawBody: Buffer.concat(chunks) };
				delivery.body = JSON.parse(delivery.rawBody.toString('utf8'));
				deliveries.push(delivery);
				for (const w of waiting.splice(0)) w();
				res.writeHead(200).end('ok');
			});
		});
		await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
		webhookUrl = `http://127.0.0.1:${server.address().port}/webhook/${crypto.randomUUID()}/webhook`;
	});
	after(() => server.close());

	/** Resolves with the first delivery (received already or later) that `match` accepts. */
	async function delivery(match) {
		for (;;) {
			const found = deliveries.find(match);
			if (found) return found;
			await new Promise((resolve) => waiting.push(resolve));
		}
	}

	const hookCtx = (events) =>
		context('hook', {
			credentials,
			params: { events, templateId: '' },
			staticData,
			webhookUrl,
			nodeName: 'Platen Trigger',
		});
	const webhookCtx = (request) =>
		context('webhook', {
			credentials,
			params: { events: ['render.completed', 'render.failed'] },
			staticData,
			webhookUrl,
			request,
			nodeName: 'Platen Trigger',
		});
	const listed = async () =>
		(await api('GET', `/hooks?target_url=${encodeURIComponent(webhookUrl)}`)).body;
	const methods = trigger.webhookMethods.default;

	test('create subscribes one hook per event; checkExists sees them', async () => {
		const events = ['render.completed', 'render.failed'];
		assert.equal(await methods.checkExists.call(hookCtx(events)), false);
		assert.equal(await methods.create.call(hookCtx(events)), true);
		const hooks = await listed();
		assert.deepEqual(hooks.map((h) => h.event).sort(), events);
		assert.equal(staticData.hooks.length, 2);
		for (const stored of staticData.hooks) {
			assert.match(stored.secret, /^whsec_/);
			assert.ok(hooks.some((h) => h.id === stored.id));
		}
		assert.equal(await methods.checkExists.call(hookCtx(events)), true);
	});

	test('checkExists with other events removes the stale hooks', async () => {
		assert.equal(await methods.checkExists.call(hookCtx(['batch.completed'])), false);
		assert.deepEqual(await listed(), []);
		assert.equal(staticData.hooks, undefined);
		assert.equal(await methods.create.call(hookCtx(['render.completed', 'render.failed'])), true);
		assert.equal((await listed()).length, 2);
	});

	test('a real delivery (a test event) is accepted; forged, unsigned and stale ones are refused', async () => {
		const hook = staticData.hooks.find((h) => h.event === 'render.failed');
		const sent = await api('POST', `/hooks/${hook.id}/test`);
		assert.equal(sent.statusCode, 202);
		const real = await delivery((d) => d.headers['webhook-id'] === sent.body.event_id);
		const accepted = await trigger.webhook.call(webhookCtx(real));
		assert.equal(accepted.workflowData[0][0].json.event, 'render.failed');
		assert.equal(accepted.workflowData[0][0].json.test, true);
		assert.equal(accepted.workflowData[0][0].json.event_id, sent.body.event_id);

		const refused = async (request) => {
			const ctx = webhookCtx(request);
			const answer = await trigger.webhook.call(ctx);
			assert.deepEqual(answer, { noWebhookResponse: true });
			assert.equal(ctx.response.statusCode, 401);
			return ctx.response.body.message;
		};
		const tampered = Buffer.from(
			real.rawBody.toString('utf8').replace('"render.failed"', '"render.completed"'),
		);
		assert.match(
			await refused({ ...real, rawBody: tampered, body: JSON.parse(tampered) }),
			/does not match/,
		);
		const { 'webhook-signature': _, ...unsigned } = real.headers;
		assert.match(await refused({ ...real, headers: unsigned }), /missing/);
		const otherSecret = `whsec_${crypto.randomBytes(24).toString('base64')}`;
		const forged = {
			...real.headers,
			'webhook-signature': sign(
				otherSecret,
				real.headers['webhook-id'],
				real.headers['webhook-timestamp'],
				real.rawBody,
			),
		};
		assert.match(await refused({ ...real, headers: forged }), /does not match/);
		const old = String(Math.floor(Date.now() / 1000) - 3600);
		const stale = {
			...real.headers,
			'webhook-timestamp': old,
			'webhook-signature': sign(hook.secret, real.headers['webhook-id'], old, real.rawBody),
		};
		assert.match(await refused({ ...real, headers: stale }), /five minutes/);
		const now = String(Math.floor(Date.now() / 1000));
		const resigned = {
			...real.headers,
			'webhook-timestamp': now,
			'webhook-signature': `v1,bm9wZQ== ${sign(hook.secret, real.headers['webhook-id'], now, real.rawBody)}`,
		};
		const ok = await trigger.webhook.call(webhookCtx({ ...real, headers: resigned }));
		assert.equal(ok.workflowData[0].length, 1, 'one matching signature among several is enough');
	});

	test('a render made by the Platen node reaches the trigger as render.completed', async () => {
		const [item] = await run({
			resource: 'render',
			operation: 'create',
			templateId: templateParam,
			fields: { mappingMode: 'defineBelow', value: { title: `Delivered ${crypto.randomUUID()}` } },
			options: {},
		});
		const real = await delivery(
			(d) => d.body.type === 'render.completed' && d.body.data.id === item.json.id,
		);
		const { workflowData } = await trigger.webhook.call(webhookCtx(real));
		const json = workflowData[0][0].json;
		assert.equal(json.event, 'render.completed');
		assert.equal(json.id, item.json.id);
		assert.equal(json.url, item.json.url);
		assert.equal(json.test, false);
	});

	test('delete unsubscribes every hook, and again is harmless', async () => {
		const ids = staticData.hooks.map((h) => h.id);
		assert.equal(await methods.delete.call(hookCtx(['render.completed', 'render.failed'])), true);
		assert.deepEqual(await listed(), []);
		for (const id of ids) assert.equal((await api('GET', `/hooks/${id}`)).statusCode, 404);
		staticData.hooks = ids.map((id) => ({ id, event: 'render.completed', secret: 'whsec_x' }));
		assert.equal(await methods.delete.call(hookCtx(['render.completed'])), true);
		assert.equal(staticData.hooks, undefined);
	});
});

describe('Brands', () => {
	let brand;

	before(async () => {
		const made = await api('POST', '/brands', { name: 'n8n Teal', colors: { primary: '#0b7a75' } });
		assert.equal(made.statusCode, 201);
		brand = made.body;
	});

	test('loadOptions getBrands lists the brands, the default one marked; getFormats the formats', async () => {
		const ctx = context('loadOptions', { credentials });
		const brands = await platen.methods.loadOptions.getBrands.call(ctx);
		assert.ok(brands.some((b) => b.value === brand.id && b.name === 'n8n Teal'));
		assert.ok(brands.some((b) => / \(default\)$/.test(b.name)));
		const formats = await platen.methods.loadOptions.getFormats.call(ctx);
		assert.ok(formats.some((f) => f.value === 'og' && /1200×630/.test(f.name)));
		assert.ok(formats.some((f) => f.value === 'linkedin_carousel' && /slides/.test(f.name)));
	});

	test('render create and batch create send the brand', async () => {
		const [render] = await run({
			resource: 'render',
			operation: 'create',
			templateId: templateParam,
			fields: { mappingMode: 'defineBelow', value: { title: `Branded ${crypto.randomUUID()}` } },
			options: { brandId: brand.id },
		});
		assert.equal(render.json.status, 'completed');
		await assert.rejects(
			run({
				resource: 'render',
				operation: 'create',
				templateId: templateParam,
				fields: { mappingMode: 'defineBelow', value: { title: 'Branded' } },
				options: { brandId: 'brd_0000000000000000000000' },
			}),
			(error) => {
				assert.match(error.message, /brand_id/);
				assert.equal(error.httpCode, '422');
				return true;
			},
		);
		const [batch] = await run(
			{
				resource: 'batch',
				operation: 'create',
				source: 'items',
				templateId: templateParam,
				rows: () => ({ mappingMode: 'defineBelow', value: { title: 'Branded row' } }),
				options: { brandId: brand.id, waitForCompletion: true },
			},
			[{ json: {} }],
		);
		assert.equal(batch.json.brand_id, brand.id);
		assert.equal(batch.json.completed, 1);
	});
});

const TEXT =
	'5 tips for remote work\n\nWrite things down: decisions live in documents, not in calls.\n\n' +
	'Overlap a few hours every day, and guard them.\n\nDefault to asynchronous updates; meet to decide.\n\n' +
	'Say thank you in public.\n\nLog off on time: a rested team is a fast team.';

describe('Generation', () => {
	let generation;

	test('create from text: an OG card and a 3-slide LinkedIn carousel, waiting, with their URLs and files', async () => {
		const [item] = await run({
			resource: 'generation',
			operation: 'create',
			inputType: 'text',
			inputContent: TEXT,
			outputFormats: ['og', 'linkedin_carousel'],
			visualStyle: 'elegant',
			options: { carouselSlides: 3, metadata: '{"from": "n8n"}', download: true },
		});
		generation = item.json;
		assert.deepEqual(Object.keys(item.binary).sort(), [
			'linkedin_carousel_1',
			'linkedin_carousel_2',
			'linkedin_carousel_3',
			'og',
		]);
		assert.equal(item.binary.og.mimeType, 'image/png');
		assert.equal(item.binary.og.fileName, `${generation.id}-og.png`);
		assert.deepEqual(
			[...Buffer.from(item.binary.linkedin_carousel_2.data, 'base64').subarray(0, 4)],
			[0x89, 0x50, 0x4e, 0x47],
		);
		assert.equal(generation.status, 'completed', JSON.stringify(generation));
		assert.match(generation.id, /^gen_/);
		assert.equal(generation.visual_style, 'elegant');
		assert.deepEqual(generation.output_formats, ['og', 'linkedin_carousel']);
		assert.deepEqual(generation.metadata, { from: 'n8n' });
		const og = generation.outputs.find((o) => o.format === 'og');
		const carousel = generation.outputs.find((o) => o.format === 'linkedin_carousel');
		assert.equal(og.urls.length, 1);
		assert.equal(carousel.urls.length, 3);
		for (const url of [...og.urls, ...carousel.urls]) {
			const image = await httpRequest({ url, encoding: 'arraybuffer', returnFullResponse: true });
			assert.equal(image.statusCode, 200);
			assert.deepEqual([...image.body.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
		}
	});

	test('create without waiting answers the queued generation; a bad format is Platen\'s 422', async () => {
		const [item] = await run({
			resource: 'generation',
			operation: 'create',
			inputType: 'text',
			inputContent: `Quick one ${crypto.randomUUID()}\n\nA single card.`,
			outputFormats: ['og'],
			visualStyle: 'dark',
			options: { waitForCompletion: false },
		});
		assert.match(item.json.id, /^gen_/);
		assert.ok(['queued', 'running', 'completed'].includes(item.json.status), item.json.status);
		await assert.rejects(
			run({
				resource: 'generation',
				operation: 'create',
				inputType: 'text',
				inputContent: 'Hello',
				outputFormats: ['no_such_format'],
				visualStyle: 'modern',
				options: {},
			}),
			(error) => {
				assert.equal(error.httpCode, '422');
				assert.match(error.message, /output_formats|no_such_format/);
				return true;
			},
		);
	});

	test('get and get many', async () => {
		const [got] = await run({ resource: 'generation', operation: 'get', generationId: generation.id });
		assert.deepEqual(got.json, generation);
		const many = await run({ resource: 'generation', operation: 'getAll', returnAll: true });
		assert.ok(many.length >= 2);
		assert.ok(many.some((g) => g.json.id === generation.id));
		const one = await run({ resource: 'generation', operation: 'getAll', returnAll: false, limit: 1 });
		assert.equal(one.length, 1);
	});
});

/** A small real PDF: one page, a title line and a few lines of text (offsets in the xref are exact). */
function textPdf(lines) {
	const escape = (text) => text.replace(/[\\()]/g, (c) => `\\${c}`);
	const stream = [
		'BT',
		'/F1 24 Tf',
		'72 720 Td',
		`(${escape(lines[0])}) Tj`,
		'/F1 12 Tf',
		...lines.slice(1).flatMap((line) => ['0 -24 Td', `(${escape(line)}) Tj`]),
		'ET',
	].join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let pdf = '%PDF-1.4\n';
	const offsets = objects.map((body, i) => {
		const at = Buffer.byteLength(pdf);
		pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
		return at;
	});
	const xref = Buffer.byteLength(pdf);
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	pdf += offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('');
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(pdf, 'latin1');
}

describe('Generation from a web page and from a PDF', () => {
	const PAGE =
		'<!doctype html><html><head><title>Five habits | Example Blog</title>' +
		'<meta property="og:title" content="Five habits of calm teams">' +
		'<meta property="og:description" content="What distributed teams that ship on time do differently.">' +
		'<meta property="og:site_name" content="Example Blog"></head><body><article>' +
		'<h1>Five habits of calm teams</h1><p>Calm teams write things down. Decisions live in documents that ' +
		'everyone can find, not in calls that half the team missed.</p><h2>They overlap on purpose</h2><p>A few ' +
		'shared hours a day are guarded for questions and pairing; the rest is deep work.</p><h2>They default to ' +
		'async</h2><p>Updates are written, meetings are for decisions, and every meeting ends with a note.</p>' +
		'</article></body></html>';
	const PDF = textPdf([
		'Five habits of calm teams',
		'Calm teams write things down.',
		'They overlap on purpose, a few hours a day.',
		'They default to asynchronous updates.',
	]);
	let site;
	let siteUrl;

	before(async () => {
		site = http.createServer((req, res) => {
			if (req.url === '/post.html') {
				res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
			} else if (req.url === '/report.pdf') {
				res.writeHead(200, { 'Content-Type': 'application/pdf' }).end(PDF);
			} else {
				res.writeHead(404).end('no');
			}
		});
		await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
		siteUrl = `http://127.0.0.1:${site.address().port}`;
	});
	after(() => site.close());

	const create = (params, items) =>
		run(
			{
				resource: 'generation',
				operation: 'create',
				outputFormats: ['og'],
				visualStyle: 'corporate',
				options: {},
				...params,
			},
			items,
		);

	test('create from a web page URL', async () => {
		const [item] = await create({ inputType: 'url', inputUrl: `${siteUrl}/post.html` });
		assert.equal(item.json.status, 'completed', JSON.stringify(item.json.error));
		assert.equal(item.json.extracted.title, 'Five habits of calm teams');
		assert.equal(item.json.extracted.site_name, 'Example Blog');
		assert.equal(item.json.outputs[0].urls.length, 1);
	});

	test('create from a PDF: by URL, and from a binary field as the form file', async () => {
		const [byUrl] = await create({
			inputType: 'pdf',
			pdfSource: 'url',
			inputUrl: `${siteUrl}/report.pdf`,
		});
		assert.equal(byUrl.json.status, 'completed', JSON.stringify(byUrl.json.error));
		assert.match(byUrl.json.extracted.title, /calm teams/i);
		const [fromFile] = await create(
			{ inputType: 'pdf', pdfSource: 'binary', binaryPropertyName: 'attachment' },
			[
				{
					json: {},
					binary: {
						attachment: {
							data: PDF.toString('base64'),
							mimeType: 'application/pdf',
							fileName: 'report.pdf',
						},
					},
				},
			],
		);
		assert.equal(fromFile.json.status, 'completed', JSON.stringify(fromFile.json.error));
		assert.equal(fromFile.json.input_type, 'pdf');
		assert.match(fromFile.json.extracted.title, /calm teams/i);
		assert.equal(fromFile.json.outputs[0].urls.length, 1);
	});
});

describe('Platen Trigger: generations', () => {
	let server;
	let webhookUrl;
	const deliveries = [];
	const waiting = [];
	const staticData = {};
	const events = ['generation.completed', 'generation.failed'];

	before(async () => {
		server = http.createServer((req, res) => {
			const chunks = [];
			req.on('data', (c) => chunks.push(c));
			req.on('end', () => {
				const rawBody = Buffer.concat(chunks);
				deliveries.push({ headers: req.headers, rawBody, body: JSON.parse(rawBody.toString('utf8')) });
				for (const w of waiting.splice(0)) w();
				res.writeHead(200).end('ok');
			});
		});
		await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
		webhookUrl = `http://127.0.0.1:${server.address().port}/webhook/${crypto.randomUUID()}/webhook`;
	});
	after(() => server.close());

	const ctx = (kind, extra = {}) =>
		context(kind, {
			credentials,
			params: { events, templateId: TEMPLATE },
			staticData,
			webhookUrl,
			nodeName: 'Platen Trigger',
			...extra,
		});

	test('a generation made by the Platen node reaches the trigger as generation.completed', async () => {
		const methods = trigger.webhookMethods.default;
		assert.equal(await methods.checkExists.call(ctx('hook')), false);
		assert.equal(await methods.create.call(ctx('hook')), true);
		const hooks = (await api('GET', `/hooks?target_url=${encodeURIComponent(webhookUrl)}`)).body;
		assert.deepEqual(hooks.map((h) => h.event).sort(), events);
		assert.ok(hooks.every((h) => h.template_id === null), 'generations are not filtered by template');
		assert.equal(await methods.checkExists.call(ctx('hook')), true);
		try {
			const [item] = await run({
				resource: 'generation',
				operation: 'create',
				inputType: 'text',
				inputContent: TEXT,
				outputFormats: ['og', 'linkedin_carousel'],
				visualStyle: 'modern',
				options: { carouselSlides: 3 },
			});
			const deadline = Date.now() + 90000;
			let real;
			while (!real) {
				real = deliveries.find(
					(d) => d.body.type === 'generation.completed' && d.body.data.id === item.json.id,
				);
				assert.ok(real || Date.now() < deadline, 'generation.completed was not delivered in 90 s');
				if (!real) {
					await new Promise((resolve) => {
						waiting.push(resolve);
						setTimeout(resolve, 1000).unref();
					});
				}
			}
			const { workflowData } = await trigger.webhook.call(ctx('webhook', { request: real }));
			const json = workflowData[0][0].json;
			assert.equal(json.event, 'generation.completed');
			assert.equal(json.id, item.json.id);
			assert.deepEqual(json.outputs, item.json.outputs);
			assert.equal(json.test, false);
		} finally {
			assert.equal(await methods.delete.call(ctx('hook')), true);
		}
		assert.deepEqual(
			(await api('GET', `/hooks?target_url=${encodeURIComponent(webhookUrl)}`)).body,
			[],
		);
	});
});
