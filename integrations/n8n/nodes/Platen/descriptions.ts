import type { INodeProperties } from 'n8n-workflow';

export const templateLocator: INodeProperties = {
	displayName: 'Template',
	name: 'templateId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The template to render',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a template...',
			typeOptions: {
				searchListMethod: 'searchTemplates',
				searchable: true,
				searchFilterRequired: false,
			},
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. tpl_0mhq3k2x1a2b3c4d',
			validation: [
				{
					type: 'regex',
					properties: { regex: 'tpl_[A-Za-z0-9]+', errorMessage: 'A template ID starts with tpl_' },
				},
			],
		},
	],
};

export function fieldMapper(name: string, displayName: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['templateId.value'],
			resourceMapper: {
				resourceMapperMethod: 'getTemplateFields',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: true,
				noFieldsError: 'This template has no fields to fill',
			},
		},
	};
}

export const formatOption: INodeProperties = {
	displayName: 'Format',
	name: 'format',
	type: 'options',
	options: [
		{ name: 'JPEG', value: 'jpeg' },
		{ name: 'PDF', value: 'pdf' },
		{ name: 'PNG', value: 'png' },
		{ name: 'WebP', value: 'webp' },
	],
	default: 'png',
	description: 'The file format of the image',
};

export const qualityOption: INodeProperties = {
	displayName: 'Quality',
	name: 'quality',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 100 },
	default: 90,
	description: 'JPEG and WebP quality (for a PDF: JPEG page images at this quality)',
};

export const scaleOption: INodeProperties = {
	displayName: 'Scale',
	name: 'scale',
	type: 'number',
	typeOptions: { minValue: 0.1, maxValue: 4, numberPrecision: 2 },
	default: 1,
	description: 'Whether to draw at a multiple of the template size (2 = retina)',
};

export const binaryPropertyOutput: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	hint: 'The name of the output binary field to put the file in',
};

export const limitFields = (show: Record<string, string[]>): INodeProperties[] => [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		displayOptions: { show },
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		displayOptions: { show: { ...show, returnAll: [false] } },
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
	},
];

export const brandOption: INodeProperties = {
	displayName: 'Brand Name or ID',
	name: 'brandId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getBrands' },
	default: '',
	description:
		'The brand kit whose colours, fonts and logo the design draws (default: the template\'s brand, else your default brand). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
