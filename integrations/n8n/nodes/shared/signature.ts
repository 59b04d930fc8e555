import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a delivery's `webhook-timestamp` may be from now (Standard Webhooks' usual tolerance). */
export const TOLERANCE_SECONDS = 5 * 60;

function header(headers: Record<string, unknown>, name: string): string {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
}

/** The key of a `whsec_…` secret: the base64 after the prefix. */
function key(secret: string): Buffer {
	return Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
}

/** `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, as Platen signs deliveries (Standard Webhooks). */
export function sign(
	secret: string,
	id: string,
	timestamp: number | string,
	body: Buffer | string,
): string {
	const mac = createHmac('sha256', key(secret))
		.update(`${id}.${timestamp}.`)
		.update(body)
		.digest('base64');
	return `v1,${mac}`;
}

/** Why a delivery is not genuine, or null when one of the secrets signed exactly these bytes recently.
 * `webhook-signature` may hold several space-separated `v1,…` signatures (key rotation): any one matching is enough. */
export function verify(
	secrets: string[],
	headers: Record<string, unknown>,
	body: Buffer | string,
	now: number = Date.now() / 1000,
): string | null {
	const id = header(headers, 'webhook-id');
	const timestamp = header(headers, 'webhook-timestamp');
	const signatures = header(headers, 'webhook-signature');
	if (!id || !timestamp || !signatures)
		return 'missing webhook-id, webhook-timestamp or webhook-signature';
	const seconds = Number(timestamp);
	if (!/^\d+$/.test(timestamp) || Math.abs(now - seconds) > TOLERANCE_SECONDS) {
		return 'webhook-timestamp is not within five minutes of now';
	}
	const given = signatures
		.split(' ')
		.filter((s) => s.startsWith('v1,'))
		.map((s) => Buffer.from(s.slice(3), 'base64'));
	for (const secret of secrets) {
		const expected = Buffer.from(sign(secret, id, timestamp, body).slice(3), 'base64');
		if (given.some((g) => g.length === expected.length && timingSafeEqual(g, expected)))
			return null;
	}
	return 'webhook-signature does not match';
}
