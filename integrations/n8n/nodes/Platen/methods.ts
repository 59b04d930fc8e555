import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
	ResourceMapperFields,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { platenRequest } from '../shared/transport';

const PAGE = 100;

async function templateSummaries(
	this: ILoadOptionsFunctions,
	filter: string | undefined,
	page: number,
): Promise<IDataObject[]> {
	const qs: IDataObject = { view: 'summary', limit: PAGE, page };
	if (filter) qs.q = filter;
	const { body } = await platenRequest.call(this, { method: 'GET', path: '/templates', qs });
	return body as unknown as IDataObject[];
}

function label(template: IDataObject): string {
	return `${String(template.name)} (${String(template.width)}×${String(template.height)})`;
}

/** The template picker's list mode: searchable by name, 100 a page. */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 0;
	const templates = await templateSummaries.call(this, filter, page);
	return {
		results: templates.map((t) => ({ name: label(t), value: String(t.id) })),
		paginationToken: templates.length === PAGE ? String(page + 1) : undefined,
	};
}

/** A plain dropdown of templates (for the trigger's template filter). */
export async function getTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const out: INodePropertyOptions[] = [];
	for (let page = 0; ; page++) {
		const templates = await templateSummaries.call(this, undefined, page);
		out.push(...templates.map((t) => ({ name: label(t), value: String(t.id) })));
		if (templates.length < PAGE) return out;
	}
}

/** The resource mapper's columns: Platen's own `?format=n8n`, which is a ResourceMapperFields already. */
export async function getTemplateFields(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const templateId = this.getNodeParameter('templateId', undefined, {
		extractValue: true,
	}) as string;
	if (!templateId) {
		throw new NodeOperationError(this.getNode(), 'Choose a template first');
	}
	const { body } = await platenRequest.call(this, {
		method: 'GET',
		path: `/templates/${encodeURIComponent(templateId)}/fields`,
		qs: { format: 'n8n' },
	});
	return body as unknown as ResourceMapperFields;
}

/** The brand dropdowns: the account's brand kits (GET /brands), the default one marked. */
export async function getBrands(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const out: INodePropertyOptions[] = [];
	for (let page = 0; ; page++) {
		const { body } = await platenRequest.call(this, {
			method: 'GET',
			path: '/brands',
			qs: { limit: PAGE, page },
		});
		const brands = body as unknown as IDataObject[];
		out.push(
			...brands.map((b) => ({
				name: b.default === true ? `${String(b.name)} (default)` : String(b.name),
				value: String(b.id),
			})),
		);
		if (brands.length < PAGE) return out;
	}
}

/** The output formats of a generation (GET /formats): its API name is the value; carousels say so. */
export async function getFormats(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { body } = await platenRequest.call(this, { method: 'GET', path: '/formats' });
	return (body as unknown as IDataObject[]).map((f) => ({
		name: `${String(f.label)} (${String(f.width)}×${String(f.height)}${f.pages === true ? ', slides' : ''})`,
		value: String(f.name),
	}));
}
