import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { platenList, platenRequest } from '../../shared/transport';
import { limitFields, templateLocator } from '../descriptions';

const show = (operation: string[]) => ({ resource: ['template'], operation });

export const templateDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		options: [
			{
				name: 'Get Fields',
				value: 'getFields',
				action: 'Get the fields of a template',
				description: 'List the fields a render of this template takes',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many templates',
				description: 'List templates (IDs, names and sizes), newest first',
			},
		],
		default: 'getAll',
	},
	{
		...templateLocator,
		description: 'The template whose fields to list',
		displayOptions: { show: show(['getFields']) },
	},
	{
		displayName: 'Fields Format',
		name: 'fieldsFormat',
		type: 'options',
		options: [
			{ name: 'JSON Schema', value: 'jsonschema', description: 'One JSON Schema object' },
			{ name: 'Make', value: 'make', description: "Make's parameters" },
			{
				name: 'Platen',
				value: 'native',
				description: 'One item per field: name, type, label, default…',
			},
			{
				name: 'Resource Mapper (N8n)',
				value: 'n8n',
				description: 'Fields for the resource mapper of n8n',
			},
			{ name: 'Zapier', value: 'zapier', description: "Zapier's input fields" },
		],
		default: 'native',
		displayOptions: { show: show(['getFields']) },
	},
	...limitFields(show(['getAll'])),
	{
		displayName: 'Search',
		name: 'q',
		type: 'string',
		default: '',
		description: 'Only templates whose name contains this text',
		displayOptions: { show: show(['getAll']) },
	},
];

export async function executeTemplate(
	this: IExecuteFunctions,
	operation: string,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const paired = { item: itemIndex };
	if (operation === 'getAll') {
		const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
		const q = (this.getNodeParameter('q', itemIndex, '') as string).trim();
		const qs: IDataObject = { view: 'summary' };
		if (q) qs.q = q;
		const templates = await platenList.call(this, '/templates', qs, limit, itemIndex);
		return templates.map((json) => ({ json, pairedItem: paired }));
	}
	if (operation === 'getFields') {
		const templateId = this.getNodeParameter('templateId', itemIndex, '', {
			extractValue: true,
		}) as string;
		const format = this.getNodeParameter('fieldsFormat', itemIndex, 'native') as string;
		const { body } = await platenRequest.call(this, {
			method: 'GET',
			path: `/templates/${encodeURIComponent(templateId)}/fields`,
			qs: { format },
			itemIndex,
		});
		if (Array.isArray(body)) {
			return (body as IDataObject[]).map((json) => ({ json, pairedItem: paired }));
		}
		return [{ json: body, pairedItem: paired }];
	}
	throw new NodeOperationError(this.getNode(), `Unknown template operation "${operation}"`, {
		itemIndex,
	});
}
