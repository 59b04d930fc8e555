import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, jsonParse, sleep } from 'n8n-workflow';
import { multipart } from '../../shared/multipart';
import { platenList, platenRequest } from '../../shared/transport';
import { brandOption, limitFields } from '../descriptions';
import { idempotencyKey } from '../fields';

const show = (operation: string[], extra: Record<string, string[]> = {}) => ({
	resource: ['generation'],
	operation,
	...extra,
});

export const generationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['generation'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Generate designs from content',
				description:
					'Turn text, a web page or a PDF into finished images in several formats at once',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a generation',
				description: 'Get one generation, with its images, by its ID',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many generations',
				description: 'List generations, newest first',
			},
		],
		default: 'create',
	},
	{
		displayName: 'Input Type',
		name: 'inputType',
		type: 'options',
		options: [
			{ name: 'PDF (URL)', value: 'pdf', description: 'A PDF at a public URL' },
			{ name: 'Text', value: 'text', description: 'Text as given: the first line is the title' },
			{ name: 'Web Page (URL)', value: 'url', description: "A web page, like a blog post's URL" },
		],
		default: 'text',
		displayOptions: { show: show(['create']) },
	},
	{
		displayName: 'Content',
		name: 'inputContent',
		type: 'string',
		typeOptions: { rows: 6 },
		required: true,
		default: '',
		description:
			'The text to design from (at most 20,000 characters): the first line or heading becomes the title',
		displayOptions: { show: show(['create'], { inputType: ['text'] }) },
	},
	{
		displayName: 'PDF From',
		name: 'pdfSource',
		type: 'options',
		options: [
			{
				name: 'Binary File',
				value: 'binary',
				description: 'A PDF in a binary field of the input item (an email attachment, a download)',
			},
			{ name: 'URL', value: 'url', description: 'A PDF at a public address' },
		],
		default: 'url',
		displayOptions: { show: show(['create'], { inputType: ['pdf'] }) },
	},
	{
		displayName: 'URL',
		name: 'inputUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/blog/post',
		description: 'The public address of the web page or PDF',
		displayOptions: { show: show(['create'], { inputType: ['url'] }) },
	},
	{
		displayName: 'URL',
		name: 'inputUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/report.pdf',
		description: 'The public address of the PDF',
		displayOptions: { show: show(['create'], { inputType: ['pdf'], pdfSource: ['url'] }) },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field holding the PDF',
		displayOptions: { show: show(['create'], { inputType: ['pdf'], pdfSource: ['binary'] }) },
	},
	{
		displayName: 'Output Format Names or IDs',
		name: 'outputFormats',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getFormats' },
		required: true,
		default: [],
		description:
			'One design per format (og, instagram_post, linkedin_carousel, …). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: show(['create']) },
	},
	{
		displayName: 'Visual Style',
		name: 'visualStyle',
		type: 'options',
		options: [
			{ name: 'Bold', value: 'bold' },
			{ name: 'Corporate', value: 'corporate' },
			{ name: 'Creative', value: 'creative' },
			{ name: 'Dark', value: 'dark' },
			{ name: 'Elegant', value: 'elegant' },
			{ name: 'Minimal', value: 'minimal' },
			{ name: 'Modern', value: 'modern' },
			{ name: 'Playful', value: 'playful' },
		],
		default: 'modern',
		description: 'How the designs look: type, colour use, composition and decoration',
		displayOptions: { show: show(['create']) },
	},
	{
		displayName: 'Generation ID',
		name: 'generationId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. gen_0mhq3k2x1a2b3c4d',
		description: 'The ID of the generation, from a Create or from the trigger',
		displayOptions: { show: show(['get']) },
	},
	...limitFields(show(['getAll'])),
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
				displayName: 'Carousel Slides',
				name: 'carouselSlides',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 5,
				description:
					'How many slides each carousel format gets (a cover, the content, a closing slide); by default the content decides',
			},
			{
				displayName: 'Download Files',
				name: 'download',
				type: 'boolean',
				default: false,
				displayOptions: { show: { waitForCompletion: [true] } },
				description:
					'Whether to attach every image to the output item as binary data: "og", "instagram_post", … and one field per slide for a carousel ("linkedin_carousel_1", "linkedin_carousel_2", …)',
			},
			{
				displayName: 'Max Wait (Seconds)',
				name: 'maxWait',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 120,
				displayOptions: { show: { waitForCompletion: [true] } },
				description: 'How long to wait for the images before the step fails (the generation goes on)',
			},
			{
				displayName: 'Metadata (JSON)',
				name: 'metadata',
				type: 'json',
				default: '{}',
				description: 'Your own data, given back with the generation and in the trigger',
			},
			{
				displayName: 'Wait for Completion',
				name: 'waitForCompletion',
				type: 'boolean',
				default: true,
				description:
					'Whether to wait until the images are made (on: the output has their URLs; off: it is queued)',
			},
			{
				displayName: 'Webhook URL',
				name: 'webhookUrl',
				type: 'string',
				default: '',
				description: 'An address Platen calls (signed) when the generation completes or fails',
			},
		],
	},
];

const FINISHED = ['completed', 'failed'];

/** Every image of a finished generation as binary data, named by format (and slide, for a carousel). */
async function downloadImages(
	this: IExecuteFunctions,
	generation: IDataObject,
): Promise<INodeExecutionData['binary']> {
	const out: INodeExecutionData['binary'] = {};
	for (const output of (generation.outputs ?? []) as IDataObject[]) {
		const urls = (output.urls ?? []) as string[];
		for (const [index, url] of urls.entries()) {
			const name = urls.length > 1 ? `${String(output.format)}_${index + 1}` : String(output.format);
			// Hosted files need no key, and the key must not travel to a file host in front of Platen.
			const response = (await this.helpers.httpRequest({
				url,
				encoding: 'arraybuffer',
				returnFullResponse: true,
			})) as { body: Buffer; headers: IDataObject };
			const mimeType = String(response.headers['content-type'] ?? 'image/png').split(';')[0];
			const ext = mimeType === 'image/jpeg' ? 'jpg' : (mimeType.split('/')[1] ?? 'png');
			out[name] = await this.helpers.prepareBinaryData(
				Buffer.from(response.body),
				`${String(generation.id)}-${name}.${ext}`,
				mimeType,
			);
		}
	}
	return out;
}

/** Polls GET /generations/{id} once a second until it is completed or failed, for at most `maxWait` seconds. */
async function untilFinished(
	this: IExecuteFunctions,
	generation: IDataObject,
	maxWait: number,
	itemIndex: number,
): Promise<IDataObject> {
	const deadline = Date.now() + maxWait * 1000;
	let current = generation;
	while (!FINISHED.includes(String(current.status))) {
		if (Date.now() > deadline) {
			throw new NodeOperationError(
				this.getNode(),
				`Generation ${String(generation.id)} is still ${String(current.status)} after ${maxWait} s`,
				{
					itemIndex,
					description:
						'Raise "Max Wait" in the options, get it later with Generation > Get, or listen for generation.completed with the Platen Trigger',
				},
			);
		}
		await sleep(1000);
		current = (
			await platenRequest.call(this, {
				method: 'GET',
				path: `/generations/${encodeURIComponent(String(generation.id))}`,
				itemIndex,
			})
		).body;
	}
	return current;
}

/** Whether the PDF comes from the item's binary field (sent as the form's `file`) rather than a URL. */
function fromBinary(this: IExecuteFunctions, inputType: string, itemIndex: number): boolean {
	return inputType === 'pdf' && this.getNodeParameter('pdfSource', itemIndex, 'url') === 'binary';
}

/** The body of POST /generations, in the API's own keys; carousel slides go to every carousel format chosen. */
async function createBody(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const inputType = this.getNodeParameter('inputType', itemIndex) as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const formats = this.getNodeParameter('outputFormats', itemIndex, []) as string[];
	const body: IDataObject = {
		input_type: inputType,
		output_formats: formats,
		visual_style: this.getNodeParameter('visualStyle', itemIndex) as string,
	};
	if (inputType === 'text') body.input_content = this.getNodeParameter('inputContent', itemIndex);
	else if (!fromBinary.call(this, inputType, itemIndex))
		body.input_url = String(this.getNodeParameter('inputUrl', itemIndex)).trim();
	if (options.carouselSlides !== undefined) {
		const { body: known } = await platenRequest.call(this, {
			method: 'GET',
			path: '/formats',
			itemIndex,
		});
		const carousels = (known as unknown as IDataObject[])
			.filter((f) => f.pages === true)
			.map((f) => String(f.name));
		const chosen = formats.filter((f) => carousels.includes(f));
		if (chosen.length) {
			body.carousel_slides = Object.fromEntries(
				chosen.map((f) => [f, Number(options.carouselSlides)]),
			);
		}
	}
	if (options.brandId) body.brand_id = options.brandId;
	if (options.webhookUrl) body.webhook_url = options.webhookUrl;
	const metadata =
		typeof options.metadata === 'string'
			? jsonParse<IDataObject>(options.metadata || '{}')
			: (options.metadata as IDataObject | undefined);
	if (metadata && Object.keys(metadata).length) body.metadata = metadata;
	return body;
}

export async function executeGeneration(
	this: IExecuteFunctions,
	operation: string,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const paired = { item: itemIndex };
	if (operation === 'create') {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const body = await createBody.call(this, itemIndex);
		let request: { body: IDataObject | Buffer; headers: IDataObject };
		if (fromBinary.call(this, String(body.input_type), itemIndex)) {
			const property = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
			const meta = this.helpers.assertBinaryData(itemIndex, property);
			const bytes = await this.helpers.getBinaryDataBuffer(itemIndex, property);
			const form = multipart(body, bytes, meta.fileName ?? 'input.pdf', 'application/pdf');
			request = {
				body: form.body,
				headers: {
					'Content-Type': form.contentType,
					'Idempotency-Key': idempotencyKey.call(
						this,
						'generation-file',
						itemIndex,
						JSON.stringify(body),
						bytes,
					),
				},
			};
		} else {
			request = {
				body,
				headers: {
					'Idempotency-Key': idempotencyKey.call(this, 'generation', itemIndex, JSON.stringify(body)),
				},
			};
		}
		let { body: generation } = await platenRequest.call(this, {
			method: 'POST',
			path: '/generations',
			...request,
			itemIndex,
		});
		if (options.waitForCompletion !== false) {
			generation = await untilFinished.call(
				this,
				generation,
				Number(options.maxWait ?? 120),
				itemIndex,
			);
			if (generation.status === 'failed') {
				const error = (generation.error ?? {}) as IDataObject;
				throw new NodeOperationError(
					this.getNode(),
					`Generation ${String(generation.id)} failed: ${String(error.message ?? generation.error)}`,
					{ itemIndex },
				);
			}
		}
		const item: INodeExecutionData = { json: generation, pairedItem: paired };
		if (options.waitForCompletion !== false && options.download === true) {
			item.binary = await downloadImages.call(this, generation);
		}
		return [item];
	}
	if (operation === 'get') {
		const id = String(this.getNodeParameter('generationId', itemIndex)).trim();
		const { body } = await platenRequest.call(this, {
			method: 'GET',
			path: `/generations/${encodeURIComponent(id)}`,
			itemIndex,
		});
		return [{ json: body, pairedItem: paired }];
	}
	if (operation === 'getAll') {
		const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
		const generations = await platenList.call(this, '/generations', {}, limit, itemIndex);
		return generations.map((json) => ({ json, pairedItem: paired }));
	}
	throw new NodeOperationError(this.getNode(), `Unknown generation operation "${operation}"`, {
		itemIndex,
	});
}
