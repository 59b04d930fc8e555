'use strict';
// How the app talks to a Platen: its base URL, the API key on Platen's own requests only, and Platen's error
// envelope turned into messages a Zap's history shows.

const API = '/api/v1';

// What the user typed, made into an origin (plus any path prefix a reverse proxy adds): no spaces, no trailing
// slash, and no trailing /api/v1 (people paste the API's URL as often as the instance's).
const baseUrl = (authData) => {
  let base = String((authData && authData.base_url) || '').trim();
  if (!base) {
    throw new Error('Give the base URL of your Platen, like https://platen.example.com.');
  }
  if (!/^https?:\/\//i.test(base)) {
    throw new Error(`The base URL must start with https:// or http:// (got "${base}").`);
  }
  base = base.replace(/\/+$/, '').replace(/\/api\/v1$/i, '').replace(/\/+$/, '');
  return base;
};

// The absolute URL of an API path (`/renders`, `/templates/tpl_…`) on this connection's Platen.
const apiUrl = (bundle, path) => `${baseUrl(bundle.authData)}${API}${path}`;

// A path segment from a mapped value: an empty or missing id would make a different request, so say so here.
const segment = (value, what) => {
  const text = value === undefined || value === null ? '' : String(value).trim();
  if (!text) {
    throw new Error(`The ${what} is empty: choose one, or map it from an earlier step.`);
  }
  return encodeURIComponent(text);
};

// beforeRequest: what a request to this connection's Platen carries. The key goes there only, never to a file
// host or another site a step downloads from (an earlier step's file URL, a CDN in front of Platen's storage).
// Each request also gets a connection of its own: Node keeps sockets alive, Zapier freezes its runtime between
// runs, and a socket reused just after the server dropped it for idling (gunicorn's keep-alive is 5 s) fails
// the step with "socket hang up". Steps make a handful of requests, so the extra handshakes cost little.
const toPlaten = (request, z, bundle) => {
  const key = bundle.authData && bundle.authData.api_key;
  if (!key || !bundle.authData.base_url) {
    return request;
  }
  let sameOrigin = false;
  try {
    sameOrigin = new URL(request.url).origin === new URL(baseUrl(bundle.authData)).origin;
  } catch (err) {
    sameOrigin = false;
  }
  if (sameOrigin) {
    request.headers = { ...(request.headers || {}), 'X-API-Key': String(key).trim(), Connection: 'close' };
  }
  return request;
};

// afterResponse: Platen answers every error with {"error", "message", "status", "details"}; show its message
// (it says what to fix) instead of a bare status line. A 401 means the key was revoked or mistyped.
const handleErrors = (response, z) => {
  if (response.status < 400 || response.skipThrowForStatus) {
    return response;
  }
  let envelope = null;
  if (!(response.request && response.request.raw)) { // a raw (streamed) answer has no parsed body to read
    envelope = response.data && typeof response.data === 'object' ? response.data : null;
  }
  const message = (envelope && envelope.message) ||
    `Platen answered ${response.status} to ${response.request.method} ${response.request.url}.`;
  const code = (envelope && envelope.error) || `http_${response.status}`;
  if (response.status === 401) {
    throw new z.errors.ExpiredAuthError(message);
  }
  throw new z.errors.Error(message, code, response.status);
};

module.exports = { API, baseUrl, apiUrl, segment, toPlaten, handleErrors };
