'use strict';
// What the tests share: the live Platen they run against (started by tests/apps/test_zapier.py), a direct API
// client for setting up and checking (outside the app under test), small local HTTP servers, and waiting for a
// condition instead of sleeping.

const http = require('http');
const https = require('https');
const path = require('path');

const exported = require('zapier-platform-schema/exported-schema.json');
// The validator zapier-platform-schema itself uses, loaded with every schema it exports.
const { Validator } = require(require.resolve('jsonschema', {
  paths: [path.dirname(require.resolve('zapier-platform-schema'))],
}));

const schemaValidator = new Validator();
for (const schema of Object.values(exported.schemas)) schemaValidator.addSchema(schema, schema.id);

// The problems zapier-platform-schema's `name` schema finds in `value` (an empty list when it is valid).
const schemaErrors = (value, name) =>
  schemaValidator.validate(value, exported.schemas[name]).errors.map((e) => e.stack);

const need = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests through tests/apps/test_zapier.py`);
  return value;
};

const env = {
  base: need('PLATEN_BASE_URL'),
  key: need('PLATEN_API_KEY'),
  templateId: need('PLATEN_TEMPLATE_ID'),
  templateName: need('PLATEN_TEMPLATE_NAME'),
  starters: JSON.parse(need('PLATEN_STARTER_TEMPLATES')), // {"certificate": "tpl_…", …}
  xlsxFile: need('PLATEN_XLSX_FILE'), // rows on a sheet named Orders, after a first sheet of notes
};

const authData = { base_url: `${env.base}/`, api_key: env.key }; // a trailing slash, as people paste it

// A plain HTTP request on a connection of its own (agent: false): a kept-alive socket reused just as the server
// drops it for idling (gunicorn's keep-alive is 5 s, and a busy test machine pauses that long) would fail a test
// for nothing. Answers {status, headers, body (a Buffer)}. (One options object, no URL argument: once the app has
// run, zapier-platform-core's logging patch wraps http.request and passes on only (options, callback).)
const request = (method, url, { headers = {}, body } = {}) => new Promise((resolve, reject) => {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const payload = body === undefined ? undefined : Buffer.from(body);
  const req = client.request({
    protocol: target.protocol,
    hostname: target.hostname,
    port: target.port,
    path: `${target.pathname}${target.search}`,
    method,
    agent: false,
    headers: { ...headers, ...(payload ? { 'Content-Length': payload.length } : {}) },
  }, (res) => {
    const chunks = [];
    res.on('data', (chunk) => chunks.push(chunk));
    res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    res.on('error', reject);
  });
  req.on('error', reject);
  req.end(payload);
});

// Platen's API, called directly (not through the app).
const platen = async (method, path, body) => {
  const response = await request(method, `${env.base}/api/v1${path}`, {
    headers: { 'X-API-Key': env.key, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = response.body.toString('utf8');
  return { status: response.status, data: text ? JSON.parse(text) : null };
};

// Polls `check` until it returns something truthy; fails with `what` after `timeoutMs`.
const waitFor = async (check, what, timeoutMs = 90000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

// A local HTTP server; every request is recorded with its body. `handler(req, body, res)` may answer; the default
// is 200 "ok".
const serve = async (handler) => {
  const requests = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (!handler || !handler(req, body, res)) {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('ok');
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, requests, close: () => new Promise((resolve) => server.close(resolve)) };
};

// The payload inside a z.dehydrate/z.dehydrateFile string ("hydrate|||{json}|||hydrate" outside Zapier).
const hydrated = (value) => {
  const match = /^hydrate\|\|\|(.*)\|\|\|hydrate$/s.exec(value);
  if (!match) throw new Error(`not a dehydrated pointer: ${value}`);
  return JSON.parse(match[1]);
};

// A delivery as Zapier hands it to `perform`: the parsed body, and the raw request with headers as "Http-…".
const asZapierBundle = (delivery, subscribeData) => {
  const headers = {};
  for (const [name, value] of Object.entries(delivery.headers)) {
    const title = name.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('-');
    headers[`Http-${title}`] = value;
  }
  const content = delivery.body.toString('utf8');
  return {
    authData,
    inputData: {},
    subscribeData,
    cleanedRequest: JSON.parse(content),
    rawRequest: { method: 'POST', querystring: '', headers, content },
  };
};

// A small real PDF: one page, a title line and a few lines of text in Helvetica (offsets in the xref are exact).
const textPdf = (lines) => {
  const escape = (text) => text.replace(/[\\()]/g, (c) => `\\${c}`);
  const stream = ['BT', '/F1 24 Tf', '72 720 Td', `(${escape(lines[0])}) Tj`, '/F1 12 Tf',
    ...lines.slice(1).flatMap((line) => ['0 -24 Td', `(${escape(line)}) Tj`]), 'ET'].join('\n');
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
};

module.exports = { env, authData, request, platen, waitFor, serve, hydrated, schemaErrors, asZapierBundle, textPdf };
