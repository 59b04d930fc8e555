import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';
import { platenList, platenRequest } from '../../shared/transport';
import {
	binaryPropertyOutput,
	brandOption,
	fieldMapper,
	formatOption,
	limitFields,
	qualityOption,
	scaleOption,
	templateLocator,
} from '../descriptions';
import { idempotencyKey, mappedFields } from '../fields';

const show = (operation: string[]) => ({ resource: ['render'], operation });

export const renderDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['render'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Render an image',
				description: 'Fill a template with values and render it',
			},
			{
				name: 'Download',
				value: 'download',
				action: 'Download a rendered file',
				description: 'Get the image or PDF of a finished render as a binary file',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a render',
				description: 'Get one render by its ID',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many renders',
				description: 'List renders, newest first',
			},
		],
		default: 'create',
	},
	{ ...templateLocator, displayOptions: { show: show(['create']) } },
	{
		...fieldMapper('fields', 'Fields'),
		displayOptions: { show: show(['create']) },
	},
	{
		displayName: 'Render ID',
		name: 'renderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. rnd_0mhq3k2x1a2b3c4d',
		description: 'The ID of the render, from a Create or from the trigger',
		displayOptions: { show: show(['get', 'download']) },
	},
	{ ...binaryPropertyOutput, displayOptions: { show: show(['download']) } },
	...limitFields(show(['getAll'])),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: show(['getAll']) },
		options: [
			{
				displayName: 'Batch ID',
				name: 'batch_id',
				type: 'string',
				default: '',
				description: 'Only the rows of this batch',
			},
			{
				displayName: 'Since',
				name: 'since',
				type: 'dateTime',
				default: '',
				description: 'Only renders made after this time',
			},
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
				default: 'completed',
			},
			{
				displayName: 'Template ID',
				name: 'template_id',
				type: 'string',
				default: '',
				description: 'Only renders of this template',
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
				displayName: 'Download File',
				name: 'download',
				type: 'boolean',
				default: false,
				description: 'Whether to attach the rendered file to the output item as binary data',
			},
			{ ...formatOption },
			{
				...binaryPropertyOutput,
				displayOptions: { show: { download: [true] } },
			},
			{
				displayName: 'Max Wait (Seconds)',
				name: 'maxWait',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 120,
				description:
					'How long to wait for the render to finish before the step fails (the render itself goes on)',
			},
			{ ...qualityOption },
			{ ...scaleOption },
			{
				displayName: 'Send Empty Values',
				name: 'sendEmpty',
				type: 'boolean',
				default: false,
				description:
					"Whether an empty field blanks its layer; by default an empty field keeps the template's own value",
			},
			{
				displayName: 'Wait for Result',
				name: 'wait',
				type: 'boolean',
				default: true,
				description:
					'Whether to wait until the image is rendered (on: the output has its URL; off: it is queued)',
			},
		],
	},
];

export const FINISHED = ['completed', 'failed'];

/** Polls GET /renders/{id} (once a second) until it is completed or failed, for at most `maxWait` seconds. */
async function untilFinished(
	this: IExecuteFunctions,
	render: IDataObject,
	maxWait: number,
	itemIndex: number,
): Promise<IDataObject> {
	const deadline = Date.now() + maxWait * 1000;
	let current = render;
	while (!FINISHED.includes(String(current.status))) {
		if (Date.now() > deadline) {
			throw new NodeOperationError(
				this.getNode(),
				`Render ${String(render.id)} is still ${String(current.status)} after ${maxWait} s`,
				{
					itemIndex,
					description: 'Raise "Max Wait" in the options, or get it later with Render > Get',
				},
			);
		}
		await sleep(1000);
		current = (
			await platenRequest.call(this, {
				method: 'GET',
				path: `/renders/${encodeURIComponent(String(render.id))}`,
				itemIndex,
			})
		).body;
	}
	return current;
}

export async function downloadRender(
	this: IExecuteFunctions,
	render: IDataObject,
	binaryPropertyName: string,
	itemIndex: number,
): Promise<INodeExecutionData['binary']> {
	const { body, headers } = await platenRequest.call(this, {
		method: 'GET',
		path: `/renders/${encodeURIComponent(String(render.id))}/file`,
		binary: true,
		itemIndex,
	});
	const mimeType = String(headers['content-type'] ?? 'application/octet-stream').split(';')[0];
	const ext = render.format === 'jpeg' ? 'jpg' : String(render.format ?? 'png');
	const data = await this.helpers.prepareBinaryData(
		body as unknown as Buffer,
		`${String(render.id)}.${ext}`,
		mimeType,
	);
	return { [binaryPropertyName]: data };
}

export async function executeRender(
	this: IExecuteFunctions,
	operation: string,
	itemIndex: number,
	item: INodeExecutionData,
): Promise<INodeExecutionData[]> {
	if (operation === 'create') {
		const templateId = this.getNodeParameter('templateId', itemIndex, '', {
			extractValue: true,
		}) as string;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const wait = options.wait !== false;
		const maxWait = Number(options.maxWait ?? 120);
		const body: IDataObject = {
			template_id: templateId,
			fields: mappedFields.call(this, 'fields', itemIndex, item, options.sendEmpty === true),
			wait,
		};
		if (wait) body.timeout = Math.min(60, maxWait);
		for (const key of ['format', 'quality', 'scale']) {
			if (options[key] !== undefined) body[key] = options[key];
		}
		if (options.brandId) body.brand_id = options.brandId;
		const created = await platenRequest.call(this, {
			method: 'POST',
			path: '/renders',
			body,
			headers: {
				'Idempotency-Key': idempotencyKey.call(this, 'render', itemIndex, JSON.stringify(body)),
			},
			itemIndex,
		});
		let render = created.body;
		if (wait) {
			render = await untilFinished.call(this, render, maxWait, itemIndex);
			if (render.status === 'failed') {
				const error = (render.error ?? {}) as IDataObject;
				throw new NodeOperationError(
					this.getNode(),
					`Render ${String(render.id)} failed: ${String(error.message ?? render.error)}`,
					{ itemIndex },
				);
			}
		}
		const out: INodeExecutionData = { json: render, pairedItem: { item: itemIndex } };
		if (wait && options.download === true) {
			out.binary = await downloadRender.call(
				this,
				render,
				String(options.binaryPropertyName ?? 'data'),
				itemIndex,
			);
		}
		return [out];
	}
	if (operation === 'get' || operation === 'download') {
		const renderId = String(this.getNodeParameter('renderId', itemIndex)).trim();
		const { body: render } = await platenRequest.call(this, {
			method: 'GET',
			path: `/renders/${encodeURIComponent(renderId)}`,
			itemIndex,
		});
		if (operation === 'get') return [{ json: render, pairedItem: { item: itemIndex } }];
		const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
		return [
			{
				json: render,
				binary: await downloadRender.call(this, render, binaryPropertyName, itemIndex),
				pairedItem: { item: itemIndex },
			},
		];
	}
	if (operation === 'getAll') {
		const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		for (const [key, value] of Object.entries(filters)) if (value !== '') qs[key] = value;
		const renders = await platenList.call(this, '/renders', qs, limit, itemIndex);
		return renders.map((json) => ({ json, pairedItem: { item: itemIndex } }));
	}
	throw new NodeOperationError(this.getNode(), `Unknown render operation "${operation}"`, {
		itemIndex,
	});
}
