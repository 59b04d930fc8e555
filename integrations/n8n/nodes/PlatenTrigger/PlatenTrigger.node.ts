import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { getTemplates } from '../Platen/methods';
import { verify } from '../shared/signature';
import { nodeError, platenRequest } from '../shared/transport';

/** What the node keeps between activations, per webhook URL: one Platen hook per chosen event. */
interface StoredHook {
	id: string;
	event: string;
	secret: string;
}

function stored(this: IHookFunctions | IWebhookFunctions): StoredHook[] {
	const data = this.getWorkflowStaticData('node');
	return Array.isArray(data.hooks) ? (data.hooks as unknown as StoredHook[]) : [];
}

function store(this: IHookFunctions, hooks: StoredHook[]): void {
	const data = this.getWorkflowStaticData('node');
	if (hooks.length) data.hooks = hooks as unknown as IDataObject[];
	else delete data.hooks;
}

/** The template filter a hook for `event` carries: generations are made from content, not from a template. */
function filterOf(event: string, templateId: string | null): string | null {
	return event.startsWith('generation.') ? null : templateId;
}

function wanted(this: IHookFunctions): { events: string[]; templateId: string | null } {
	const events = (this.getNodeParameter('events') as string[]).slice().sort();
	const templateId = (this.getNodeParameter('templateId', '') as string) || null;
	return { events, templateId };
}

export class PlatenTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Platen Trigger',
		name: 'platenTrigger',
		icon: { light: 'file:../../icons/platen.svg', dark: 'file:../../icons/platen.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when a Platen render, batch or generation finishes',
		defaults: {
			name: 'Platen Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'platenApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{
						name: 'Batch Completed',
						value: 'batch.completed',
						description: 'Every row of a batch is rendered or failed',
					},
					{
						name: 'Generation Completed',
						value: 'generation.completed',
						description: 'Designs generated from content are ready',
					},
					{
						name: 'Generation Failed',
						value: 'generation.failed',
						description: 'A generation failed',
					},
					{ name: 'Render Completed', value: 'render.completed', description: 'A render finished' },
					{ name: 'Render Failed', value: 'render.failed', description: 'A render failed' },
				],
				default: ['render.completed'],
			},
			{
				displayName: 'Template Name or ID',
				name: 'templateId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTemplates' },
				default: '',
				description:
					'Only renders and batches of this template (leave empty for every template; generations are never filtered). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	};

	methods = {
		loadOptions: { getTemplates },
	};

	webhookMethods = {
		default: {
			/** True when Platen has exactly our hooks for this URL (one per chosen event, the same template filter)
			 * and we know their secrets; otherwise the stale ones are removed and n8n calls create. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') as string;
				const { events, templateId } = wanted.call(this);
				const { body } = await platenRequest.call(this, {
					method: 'GET',
					path: '/hooks',
					qs: { target_url: url, limit: 100 },
				});
				const hooks = (body as unknown as IDataObject[]).filter((h) => h.status === 'active');
				const known = new Map(stored.call(this).map((h) => [h.id, h]));
				const matches =
					hooks.length === events.length &&
					hooks.every(
						(h) =>
							known.has(String(h.id)) &&
							events.includes(String(h.event)) &&
							(h.template_id ?? null) === filterOf(String(h.event), templateId),
					) &&
					new Set(hooks.map((h) => h.event)).size === events.length;
				if (matches) return true;
				for (const hook of body as unknown as IDataObject[]) {
					await platenRequest.call(this, {
						method: 'DELETE',
						path: `/hooks/${encodeURIComponent(String(hook.id))}`,
						allow: [404],
					});
				}
				store.call(this, []);
				return false;
			},

			/** One hook per chosen event; if one cannot be made, those already made are removed again. */
			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') as string;
				const { events, templateId } = wanted.call(this);
				const made: StoredHook[] = [];
				try {
					for (const event of events) {
						const { body } = await platenRequest.call(this, {
							method: 'POST',
							path: '/hooks',
							body: { target_url: url, event, template_id: filterOf(event, templateId) },
						});
						made.push({ id: String(body.id), event, secret: String(body.secret) });
					}
				} catch (error) {
					for (const hook of made) {
						await platenRequest.call(this, {
							method: 'DELETE',
							path: `/hooks/${encodeURIComponent(hook.id)}`,
							allow: [404],
						});
					}
					throw nodeError(this.getNode(), error);
				}
				store.call(this, made);
				return true;
			},

			/** Removes our hooks; one already gone (404) counts as removed. */
			async delete(this: IHookFunctions): Promise<boolean> {
				for (const hook of stored.call(this)) {
					await platenRequest.call(this, {
						method: 'DELETE',
						path: `/hooks/${encodeURIComponent(hook.id)}`,
						allow: [404],
					});
				}
				store.call(this, []);
				return true;
			},
		},
	};

	/** A delivery: refused with 401 unless a secret of our hooks signed these exact bytes in the last 5 minutes. */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const raw: Buffer | string = request.rawBody ?? JSON.stringify(this.getBodyData());
		const hooks = stored.call(this);
		const problem = verify(
			hooks.map((h) => h.secret),
			this.getHeaderData() as Record<string, unknown>,
			raw,
		);
		if (problem !== null) {
			const response = this.getResponseObject();
			response.status(401).json({ error: 'unauthorized', message: `Refused: ${problem}` });
			return { noWebhookResponse: true };
		}
		const event = this.getBodyData();
		const events = this.getNodeParameter('events') as string[];
		if (!events.includes(String(event.type))) {
			return { webhookResponse: 'ignored', workflowData: undefined };
		}
		const headers = this.getHeaderData() as Record<string, unknown>;
		const data = (event.data ?? {}) as IDataObject;
		return {
			workflowData: [
				this.helpers.returnJsonArray({
					...data,
					event: event.type as string,
					event_id: String(headers['webhook-id'] ?? ''),
					event_timestamp: event.timestamp as string,
					test: event.test === true,
				}),
			],
		};
	}
}
