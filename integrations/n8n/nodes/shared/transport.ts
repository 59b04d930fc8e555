import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INode,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export const CREDENTIAL = 'platenApi';

type Context = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export interface PlatenRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject | Buffer;
	headers?: IDataObject;
	/** Answer the bytes (a Buffer) instead of parsed JSON. */
	binary?: boolean;
	/** Status codes that are not errors here (e.g. 404 when deleting a hook that is already gone). */
	allow?: number[];
	itemIndex?: number;
}

export interface PlatenResponse {
	status: number;
	/** The parsed JSON (an object; a list answer is an array of them), or a Buffer for `binary` requests. */
	body: IDataObject;
	headers: IDataObject;
}

/** The instance's API root, from the credential's base URL (with or without a trailing slash or /api/v1). */
export async function apiRoot(this: Context): Promise<string> {
	const credentials = await this.getCredentials(CREDENTIAL);
	const base = String(credentials.baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/api\/v1$/, '');
	return `${base}/api/v1`;
}

/** Platen's error envelope ({"error", "message", "details", "request_id"}) as readable text. */
function envelope(body: unknown): JsonObject {
	let parsed: unknown = body;
	if (Buffer.isBuffer(body)) {
		try {
			parsed = JSON.parse(body.toString('utf8'));
		} catch {
			parsed = { message: body.toString('utf8').slice(0, 500) };
		}
	} else if (typeof body === 'string') {
		try {
			parsed = JSON.parse(body);
		} catch {
			parsed = { message: body.slice(0, 500) };
		}
	}
	return (
		parsed && typeof parsed === 'object' ? parsed : { message: String(parsed) }
	) as JsonObject;
}

/** One call to the Platen API with the node's "Platen API" credential; a non-2xx answer becomes a NodeApiError
 * carrying Platen's own message, so a workflow step fails with the reason Platen gave. */
export async function platenRequest(
	this: Context,
	request: PlatenRequest,
): Promise<PlatenResponse> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${await apiRoot.call(this)}${request.path}`,
		qs: request.qs,
		headers: { Accept: request.binary ? '*/*' : 'application/json', ...(request.headers ?? {}) },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	if (request.body !== undefined) options.body = request.body;
	if (request.binary) options.encoding = 'arraybuffer';
	else options.json = true;

	const response = (await this.helpers.httpRequestWithAuthentication.call(
		this,
		CREDENTIAL,
		options,
	)) as { body: unknown; headers: IDataObject; statusCode: number };
	const status = response.statusCode;
	if ((status >= 200 && status < 300) || (request.allow ?? []).includes(status)) {
		return { status, body: response.body as IDataObject, headers: response.headers ?? {} };
	}
	const error = envelope(response.body);
	const message = typeof error.message === 'string' ? error.message : `Platen answered ${status}`;
	throw new NodeApiError(this.getNode(), error, {
		message,
		description: error.request_id ? `Request id: ${String(error.request_id)}` : undefined,
		httpCode: String(status),
		itemIndex: request.itemIndex,
	});
}

/** Every page of a list endpoint (bare arrays, `limit` at most 100, `page` 0-based), up to `max` items. */
export async function platenList(
	this: Context,
	path: string,
	qs: IDataObject,
	max: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	for (let page = 0; out.length < max; page++) {
		const limit = Math.min(100, max - out.length);
		const response = await platenRequest.call(this, {
			method: 'GET',
			path,
			qs: { ...qs, limit, page },
			itemIndex,
		});
		const body = response.body as unknown as IDataObject[];
		out.push(...body);
		if (body.length < limit) break;
	}
	return out;
}

/** An error to throw from a catch: Platen's own NodeApiError / NodeOperationError as they are (with the item
 * they belong to), anything else wrapped in a NodeOperationError so n8n shows it with the node's context. */
export function nodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (itemIndex !== undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}
