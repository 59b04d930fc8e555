import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, jsonParse, sleep } from 'n8n-workflow';
import { multipart } from '../../shared/multipart';
import { platenList, platenRequest } from '../../shared/transport';
import {
	brandOption,
	fieldMapper,
	formatOption,
	limitFields,
	qualityOption,
	scaleOption,
	templateLocator,
} from '../descriptions';
import { idempotencyKey, mappedFields } from '../fields';

const show = (operation: string[], extra: Record<string, string[]> = {}) => ({
	resource: ['batch'],
	operation,
	...extra,
});

export const batchDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['batch'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a batch',
				description: 'Render one image per row: from the input items, or from a CSV or Excel file',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a batch',
				description: 'Get a batch and its progress',
			},
			{
				name: 'Get Results',
				value: 'getResults',
				action: 'Get the results of a batch',
				description: "Get the batch's renders, one item per row",
			},
		],
		default: 'create',
	},
	{ ...templateLocator, displayOptions: { show: show(['create']) } },
	{
		displayName: 'Rows From',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Input Items',
				value: 'items',
				description: 'One row per input item: the whole input becomes one batch',
			},
			{
				name: 'CSV or Excel File',
				value: 'file',
				description: 'The rows of a CSV or .xlsx file in a binary field: one batch per input item',
			},
		],
		default: 'items',
		displayOptions: { show: show(['create']) },
	},
	{
		...fieldMapper('rows', 'Row Fields'),
		displayOptions: { show: show(['create'], { source: ['items'] }) },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field holding the CSV or Excel file',
		displayOptions: { show: show(['create'], { source: ['file'] }) },
	},
	{
		displayName: 'Batch ID',
		name: 'batchId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. bat_0mhq3k2x1a2b3c4d',
		displayOptions: { show: show(['get', 'getResults']) },
	},
	...limitFields(show(['getResults'])),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: show(['getResults']) },
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Completed', value: 'completed' },
					{ name: 'Failed', value: 'failed' },
					{ name: 'Queued', value: 'queued' },
					{ name: 'Rendering', value: 'rendering' },
				],
				default: 'failed',
				description: 'Only rows of this status (Failed: the rows to fix)',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: show(['create']) },
		options: [
			{ ...brandOption },
			{
				displayName: 'Column Mapping (JSON)',
				name: 'mapping',
				type: 'json',
				default: '{}',
				description:
					'For a file: columns whose names are not field names, e.g. {"Headline": "title"} (names match letter case aside)',
			},
			{ ...formatOption },
			{
				displayName: 'Max Wait (Seconds)',
				name: 'maxWait',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 600,
				displayOptions: { show: { waitForCompletion: [true] } },
				description:
					'How long to wait for every row before the step fails (the batch itself goes on)',
			},
			{ ...qualityOption },
			{ ...scaleOption },
			{
				displayName: 'Send Empty Values',
				name: 'sendEmpty',
				type: 'boolean',
				default: false,
				description:
					"Whether an empty field blanks its layer; by default it keeps the template's own value",
			},
			{
				displayName: 'Sheet',
				name: 'sheet',
				type: 'string',
				default: '',
				description: 'For an Excel workbook: the sheet to read (default: the first visible one)',
			},
			{
				displayName: 'Wait for Completion',
				name: 'waitForCompletion',
				type: 'boolean',
				default: false,
				description: 'Whether to wait until every row is rendered or failed before going on',
			},
		],
	},
];

async function untilCompleted(
	this: IExecuteFunctions,
	batch: IDataObject,
	maxWait: number,
	itemIndex: number,
): Promise<IDataObject> {
	const deadline = Date.now() + maxWait * 1000;
	let current = batch;
	while (current.status !== 'completed') {
		if (Date.now() > deadline) {
			throw new NodeOperationError(
				this.getNode(),
				`Batch ${String(batch.id)} is still ${String(current.status)} after ${maxWait} s ` +
					`(${String(current.completed)} of ${String(current.total)} rows done)`,
				{
					itemIndex,
					description: 'Raise "Max Wait", or listen for batch.completed with the Platen Trigger',
				},
			);
		}
		await sleep(1000);
		current = (
			await platenRequest.call(this, {
				method: 'GET',
				path: `/batches/${encodeURIComponent(String(batch.id))}`,
				itemIndex,
			})
		).body;
	}
	return current;
}

function commonOptions(options: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const key of ['format', 'quality', 'scale'])
		if (options[key] !== undefined) out[key] = options[key];
	if (options.brandId) out.brand_id = options.brandId;
	return out;
}

/** Create from input items: every item is a row of one batch. */
export async function createBatchFromItems(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const templateId = this.getNodeParameter('templateId', 0, '', { extractValue: true }) as string;
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const rows = items.map((item, i) =>
		mappedFields.call(this, 'rows', i, item, options.sendEmpty === true),
	);
	const body = { template_id: templateId, rows, ...commonOptions(options) };
	let { body: batch } = await platenRequest.call(this, {
		method: 'POST',
		path: '/batches',
		body,
		headers: { 'Idempotency-Key': idempotencyKey.call(this, 'batch', 0, JSON.stringify(body)) },
		itemIndex: 0,
	});
	if (options.waitForCompletion === true) {
		batch = await untilCompleted.call(this, batch, Number(options.maxWait ?? 600), 0);
	}
	return [{ json: batch, pairedItem: items.map((_, item) => ({ item })) }];
}

export async function executeBatch(
	this: IExecuteFunctions,
	operation: string,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const paired = { item: itemIndex };
	if (operation === 'create') {
		const templateId = this.getNodeParameter('templateId', itemIndex, '', {
			extractValue: true,
		}) as string;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const property = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
		const meta = this.helpers.assertBinaryData(itemIndex, property);
		const bytes = await this.helpers.getBinaryDataBuffer(itemIndex, property);
		const mapping =
			typeof options.mapping === 'string'
				? jsonParse<IDataObject>(options.mapping || '{}')
				: options.mapping;
		const fields = {
			template_id: templateId,
			...commonOptions(options),
			sheet: options.sheet,
			mapping: mapping && Object.keys(mapping).length ? mapping : undefined,
		};
		const form = multipart(
			fields,
			bytes,
			meta.fileName ?? 'rows.csv',
			meta.mimeType || 'application/octet-stream',
		);
		let { body: batch } = await platenRequest.call(this, {
			method: 'POST',
			path: '/batches',
			body: form.body,
			headers: {
				'Content-Type': form.contentType,
				'Idempotency-Key': idempotencyKey.call(
					this,
					'batch-file',
					itemIndex,
					JSON.stringify(fields),
					bytes,
				),
			},
			itemIndex,
		});
		if (options.waitForCompletion === true) {
			batch = await untilCompleted.call(this, batch, Number(options.maxWait ?? 600), itemIndex);
		}
		return [{ json: batch, pairedItem: paired }];
	}
	const batchId = encodeURIComponent(String(this.getNodeParameter('batchId', itemIndex)).trim());
	if (operation === 'get') {
		const { body } = await platenRequest.call(this, {
			method: 'GET',
			path: `/batches/${batchId}`,
			itemIndex,
		});
		return [{ json: body, pairedItem: paired }];
	}
	if (operation === 'getResults') {
		const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const renders = await platenList.call(
			this,
			`/batches/${batchId}/renders`,
			{ ...filters },
			limit,
			itemIndex,
		);
		return renders.map((json) => ({ json, pairedItem: paired }));
	}
	throw new NodeOperationError(this.getNode(), `Unknown batch operation "${operation}"`, {
		itemIndex,
	});
}
