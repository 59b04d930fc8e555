import type { IDataObject } from 'n8n-workflow';
import { randomBytes } from 'node:crypto';

/** multipart/form-data by hand: the file field plus plain text fields (objects and lists as JSON), the form
 * Platen's batch and generation uploads read. */
export function multipart(fields: IDataObject, file: Buffer, fileName: string, mimeType: string) {
	const boundary = `----platen${randomBytes(12).toString('hex')}`;
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		if (value === undefined || value === null || value === '') continue;
		const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${text}\r\n`,
			),
		);
	}
	const safeName = fileName.replace(/["\r\n]/g, '_');
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\n` +
				`Content-Type: ${mimeType}\r\n\r\n`,
		),
		file,
		Buffer.from(`\r\n--${boundary}--\r\n`),
	);
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
