'use strict';
/**
 * A fake `this` for n8n node methods (IExecuteFunctions, ILoadOptionsFunctions, IHookFunctions,
 * IWebhookFunctions) whose HTTP helpers make REAL requests (Node's fetch) — so the nodes are tested against a
 * running Platen, not a stub. Only what the nodes call is here, with n8n's semantics for it.
 */
const crypto = require('node:crypto');
const path = require('node:path');

const DIST = path.resolve(__dirname, '..', 'dist');
const { PlatenApi } = require(path.join(DIST, 'credentials', 'PlatenApi.credentials.js'));
const credentialType = new PlatenApi();

/** n8n's `={{ … }}` expressions, as far as credentials use them: JavaScript over `$credentials`. */
function resolveExpression(value, credentials) {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	return value
		.slice(1)
		.replace(/\{\{([\s\S]+?)\}\}/g, (_, code) =>
			String(new Function('$credentials', `return (${code});`)(credentials)),
		);
}

/** What n8n does with the credential's `authenticate` (type generic): headers/qs resolved and merged in. */
function authenticate(options, credentials) {
	const props = credentialType.authenticate.properties;
	const headers = { ...(options.headers || {}) };
	for (const [name, value] of Object.entries(props.headers || {})) {
		headers[name] = resolveExpression(value, credentials);
	}
	return { ...options, headers };
}

/** helpers.httpRequest with n8n's options: url/baseURL, qs, json, body (object → JSON), encoding
 * 'arraybuffer', returnFullResponse, ignoreHttpStatusErrors. */
async function httpRequest(options) {
	const url = new URL(
		options.baseURL ? `${options.baseURL.replace(/\/$/, '')}${options.url}` : options.url,
	);
	for (const [key, value] of Object.entries(options.qs || {})) {
		if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
	}
	const headers = { ...(options.headers || {}) };
	let body = options.body;
	if (body !== undefined && !Buffer.isBuffer(body) && typeof body === 'object') {
		body = JSON.stringify(body);
		if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
			headers['Content-Type'] = 'application/json';
		}
	}
	const response = await fetch(url, { method: options.method || 'GET', headers, body });
	const bytes = Buffer.from(await response.arrayBuffer());
	let parsed;
	const type = response.headers.get('content-type') || '';
	if (options.encoding === 'arraybuffer') parsed = bytes;
	else if (bytes.length === 0) parsed = '';
	else if (options.json || type.includes('json')) parsed = JSON.parse(bytes.toString('utf8'));
	else parsed = bytes.toString('utf8');
	if (!response.ok && !options.ignoreHttpStatusErrors) {
		const error = new Error(`Request failed with status code ${response.status}`);
		error.httpCode = String(response.status);
		error.response = { status: response.status, data: parsed };
		throw error;
	}
	if (options.returnFullResponse) {
		return {
			body: parsed,
			headers: Object.fromEntries(response.headers.entries()),
			statusCode: response.status,
			statusMessage: response.statusText,
		};
	}
	return parsed;
}

/** Reads `a.b.c` out of parameters; a function value is called with the item index (per-item values). */
function lookup(params, name, itemIndex) {
	let value = params;
	for (const part of name.split('.')) {
		if (value === undefined || value === null) return undefined;
		value = typeof value === 'function' ? value(itemIndex) : value;
		value = value[part];
	}
	return typeof value === 'function' ? value(itemIndex) : value;
}

function parameter(params, name, itemIndex, fallback, options) {
	let value = lookup(params, name, itemIndex);
	if (value === undefined) {
		if (fallback === undefined) throw new Error(`Could not get parameter "${name}"`);
		value = fallback;
	}
	if (options && options.extractValue && value && typeof value === 'object' && '__rl' in value) {
		value = value.value;
	}
	return value;
}

/** A minimal Express response: what `webhook()` may send when it answers by itself. */
function responseRecorder() {
	return {
		statusCode: 200,
		body: undefined,
		status(code) {
			this.statusCode = code;
			return this;
		},
		json(body) {
			this.body = body;
			return this;
		},
		send(body) {
			this.body = body;
			return this;
		},
		end() {
			return this;
		},
	};
}

/**
 * kind: 'execute' | 'loadOptions' | 'hook' | 'webhook'
 * params: the node's parameters (functions of the item index where they differ per item)
 */
function context(
	kind,
	{
		credentials,
		params = {},
		items = [{ json: {} }],
		staticData = {},
		webhookUrl,
		request,
		nodeName = 'Platen',
	} = {},
) {
	const node = {
		id: crypto.randomUUID(),
		name: nodeName,
		type: `n8n-nodes-platen.${nodeName === 'Platen' ? 'platen' : 'platenTrigger'}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: params,
	};
	const executionId = crypto.randomUUID();
	const response = responseRecorder();
	const helpers = {
		httpRequest,
		async httpRequestWithAuthentication(type, options) {
			if (type !== credentialType.name) throw new Error(`Unknown credential type ${type}`);
			return httpRequest(authenticate(options, credentials));
		},
		async prepareBinaryData(buffer, fileName, mimeType) {
			return {
				data: buffer.toString('base64'),
				mimeType,
				fileName,
				fileExtension: fileName.split('.').pop(),
				fileSize: `${buffer.length} B`,
			};
		},
		assertBinaryData(itemIndex, property) {
			const binary = items[itemIndex].binary && items[itemIndex].binary[property];
			if (!binary) throw new Error(`Item ${itemIndex} has no binary field "${property}"`);
			return binary;
		},
		async getBinaryDataBuffer(itemIndex, property) {
			return Buffer.from(helpers.assertBinaryData(itemIndex, property).data, 'base64');
		},
		returnJsonArray(data) {
			return (Array.isArray(data) ? data : [data]).map((json) => ({ json }));
		},
	};
	const self = {
		helpers,
		response,
		getNode: () => node,
		getCredentials: async (type) => {
			if (type !== credentialType.name) throw new Error(`Unknown credential type ${type}`);
			return credentials;
		},
		getExecutionId: () => executionId,
		continueOnFail: () => false,
		getInputData: () => items,
		getWorkflowStaticData: () => staticData,
		getNodeWebhookUrl: () => webhookUrl,
		getMode: () => 'trigger',
		getRequestObject: () => request,
		getHeaderData: () => request.headers,
		getBodyData: () => request.body,
		getResponseObject: () => response,
	};
	if (kind === 'execute') {
		self.getNodeParameter = (name, itemIndex, fallback, options) =>
			parameter(params, name, itemIndex, fallback, options);
	} else {
		self.getNodeParameter = (name, fallback, options) =>
			parameter(params, name, 0, fallback, options);
		self.getCurrentNodeParameter = self.getNodeParameter;
	}
	return self;
}

/** The credential's own test request, as n8n runs it: its baseURL/url resolved, then authenticated. */
async function testCredential(credentials) {
	const request = credentialType.test.request;
	return httpRequest(
		authenticate(
			{
				method: request.method,
				baseURL: resolveExpression(request.baseURL, credentials),
				url: request.url,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			},
			credentials,
		),
	);
}

module.exports = { context, testCredential, credentialType, httpRequest, DIST };
