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

/** A stable Idempotency-Key per execution, node and item: n8n retrying a step never renders or charges twice. */
export function idempotencyKey(this: IExecuteFunctions, what: string, itemIndex: number): string {
	return `n8n-${this.getExecutionId()}-${this.getNode().id}-${what}-${itemIndex}`;
}
