import { createHash } from 'node:crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/** What a resource mapper parameter holds once n8n has resolved it. */
interface MapperValue {
	mappingMode?: string;
	value?: IDataObject | null;
	schema?: Array<{ id: string; removed?: boolean }>;
}

/** The template fields of one item from a resource mapper parameter: the values mapped below, or — in
 * "Map Automatically" mode — the item's own properties whose names are template fields (letter case aside, as
 * Platen matches them). Unset values are left out so the template's defaults apply; empty text is left out too
 * unless `sendEmpty` (an empty text field in the form would otherwise blank the layer). */
export function mappedFields(
	this: IExecuteFunctions,
	parameter: string,
	itemIndex: number,
	item: INodeExecutionData,
	sendEmpty: boolean,
): IDataObject {
	const mapper = this.getNodeParameter(parameter, itemIndex, {}) as MapperValue;
	let source: IDataObject;
	if (mapper.mappingMode === 'autoMapInputData') {
		const ids = new Map(
			(mapper.schema ?? []).filter((f) => !f.removed).map((f) => [f.id.toLowerCase(), f.id]),
		);
		source = {};
		for (const [key, value] of Object.entries(item.json)) {
			const id = ids.get(key.toLowerCase());
			if (id !== undefined) source[id] = value as IDataObject[keyof IDataObject];
		}
	} else {
		source = mapper.value ?? {};
	}
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(source)) {
		if (value === null || value === undefined) continue;
		if (value === '' && !sendEmpty) continue;
		out[key] = value;
	}
	return out;
}

/** An Idempotency-Key for one request of one item of one execution of this node, and of what it sends: n8n
 * retrying the step sends the same key (Platen replays the first answer: nothing rendered or charged twice),
 * while a loop that runs the node again in the same execution with other values gets a new one. */
export function idempotencyKey(
	this: IExecuteFunctions,
	what: string,
	itemIndex: number,
	...content: Array<string | Buffer>
): string {
	const hash = createHash('sha256');
	for (const part of content) hash.update(part).update('\0');
	return `n8n-${this.getExecutionId()}-${this.getNode().id}-${what}-${itemIndex}-${hash.digest('hex').slice(0, 16)}`;
}
