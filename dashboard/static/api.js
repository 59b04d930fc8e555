// The dashboard is a client of the public API like any other: every call sends the key, every error is the
// API's envelope, shown with its message.

const KEY = "platen.key";

export function storedKey() {
  return sessionStorage.getItem(KEY) || "";
}

export function storeKey(key) {
  if (key) sessionStorage.setItem(KEY, key);
  else sessionStorage.removeItem(KEY);
}

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `The server answered ${status}.`);
    this.status = status;
    this.code = (body && body.error) || "http_error";
    this.details = (body && body.details) || {};
  }
}

// `signingIn`: a key being tried on the sign-in form, whose 401 that form shows itself.
async function send(method, path, { json, form, key = storedKey(), headers = {}, signingIn = false } = {}) {
  const init = { method, headers: { ...headers }, credentials: "omit", cache: "no-store" };
  if (key) init.headers["X-API-Key"] = key;
  if (json !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(json);
  } else if (form) {
    init.body = form;   // multipart: the browser sets the boundary
  }
  let response;
  try {
    response = await fetch(`/api/v1${path}`, init);
  } catch {
    throw new ApiError(0, { message: "Platen could not be reached; check that it is running and try again." });
  }
  if (!response.ok) {
    let body = null;
    try { body = await response.json(); } catch { /* not JSON: the status says enough */ }
    if (response.status === 401 && onUnauthorized && !signingIn) onUnauthorized(body);
    throw new ApiError(response.status, body);
  }
  return response;
}

let onUnauthorized = null;
export function whenUnauthorized(callback) { onUnauthorized = callback; }

export async function get(path, options) {
  return (await send("GET", path, options)).json();
}

export async function post(path, json, options = {}) {
  const response = await send("POST", path, { ...options, json });
  return response.status === 204 ? null : response.json();
}

// PUT and PATCH take `headers` (If-Match: <version> for the editor's save); the answer is the JSON.
export async function put(path, json, { headers = {}, ...options } = {}) {
  return (await send("PUT", path, { ...options, headers, json })).json();
}

export async function patch(path, json, { headers = {}, ...options } = {}) {
  return (await send("PATCH", path, { ...options, headers, json })).json();
}

export async function postForm(path, form) {
  return (await send("POST", path, { form })).json();
}

export async function del(path) {
  await send("DELETE", path);
}

// A file the API serves only with the key (previews, batch downloads): fetched, and handed out as a blob.
export async function blob(path) {
  return (await send("GET", path)).blob();
}

export async function download(path, filename) {
  const url = URL.createObjectURL(await blob(path));
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== "" && value != null) search.set(name, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}
