import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { nodeError } from '../shared/transport';
import { getBrands, getFormats, getTemplateFields, getTemplates, searchTemplates } from './methods';
import { batchDescription, createBatchFromItems, executeBatch } from './resources/batch';
import { executeGeneration, generationDescription } from './resources/generation';
import { executeRender, renderDescription } from './resources/render';
import { executeTemplate, templateDescription } from './resources/template';

export class Platen implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Platen',
		name: 'platen',
		icon: { light: 'file:../../icons/platen.svg', dark: 'file:../../icons/platen.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Render images and PDFs from templates, and designs from content, on your own Platen instance',
		defaults: {
			name: 'Platen',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'platenApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Batch', value: 'batch' },
					{ name: 'Generation', value: 'generation' },
					{ name: 'Render', value: 'render' },
					{ name: 'Template', value: 'template' },
				],
				default: 'render',
			},
			...renderDescription,
			...templateDescription,
			...batchDescription,
			...generationDescription,
		],
	};

	methods = {
		listSearch: { searchTemplates },
		loadOptions: { getBrands, getFormats, getTemplates },
		resourceMapping: { getTemplateFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;

		if (
			resource === 'batch' &&
			operation === 'create' &&
			this.getNodeParameter('source', 0) === 'items'
		) {
			try {
				return [await createBatchFromItems.call(this, items)];
			} catch (error) {
				if (this.continueOnFail())
					return [[{ json: { error: error.message }, pairedItem: { item: 0 } }]];
				throw nodeError(this.getNode(), error, 0);
			}
		}

		const out: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				if (resource === 'render') {
					out.push(...(await executeRender.call(this, operation, itemIndex, items[itemIndex])));
				} else if (resource === 'template') {
					out.push(...(await executeTemplate.call(this, operation, itemIndex)));
				} else if (resource === 'batch') {
					out.push(...(await executeBatch.call(this, operation, itemIndex)));
				} else if (resource === 'generation') {
					out.push(...(await executeGeneration.call(this, operation, itemIndex)));
				} else {
					throw new NodeOperationError(this.getNode(), `Unknown resource "${resource}"`, {
						itemIndex,
					});
				}
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { error: error.message }, pairedItem: { item: itemIndex } });
					continue;
				}
				throw nodeError(this.getNode(), error, itemIndex);
			}
		}
		return [out];
	}
}
