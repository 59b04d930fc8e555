import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class PlatenApi implements ICredentialType {
	name = 'platenApi';

	displayName = 'Platen API';

	icon: Icon = { light: 'file:../icons/platen.svg', dark: 'file:../icons/platen.dark.svg' };

	documentationUrl = 'https://github.com/platen/platen/tree/main/integrations/n8n#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://localhost:8000',
			placeholder: 'https://platen.example.com',
			description:
				'Where your Platen instance answers: the address you open the dashboard at, without /api/v1',
			required: true,
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'plt_live_…',
			description:
				'A key made in the dashboard (API keys) or with POST /api/v1/keys. Give n8n its own key.',
			required: true,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-API-Key': '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.baseUrl.replace(new RegExp("/+$"), "").replace(new RegExp("/api/v1$"), "")}}/api/v1',
			url: '/me',
			method: 'GET',
		},
	};
}
