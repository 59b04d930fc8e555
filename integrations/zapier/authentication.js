'use strict';
// Custom authentication: the instance's base URL beside the API key, because every Platen is self-hosted.

const { apiUrl } = require('./lib/platen');

const test = async (z, bundle) => {
  const response = await z.request({ url: apiUrl(bundle, '/me') });
  return response.data;
};

// Shown in the Zap editor's account list; bundle.inputData is what /me answered.
const connectionLabel = (z, bundle) => {
  const me = bundle.inputData || {};
  let host = '';
  try {
    host = new URL(bundle.authData.base_url.trim()).host;
  } catch (err) {
    host = '';
  }
  const who = [me.account_name, me.key_label && `(${me.key_label})`].filter(Boolean).join(' ');
  const mode = me.mode === 'test' ? ' [test key]' : '';
  return `${who}${mode}${host ? ` @ ${host}` : ''}`;
};

module.exports = {
  type: 'custom',
  fields: [
    {
      key: 'base_url',
      label: 'Platen URL',
      type: 'string',
      required: true,
      helpText: 'The address of your Platen, like `https://platen.example.com`. Zapier must be able to reach it ' +
        'from the internet.',
    },
    {
      key: 'api_key',
      label: 'API key',
      type: 'password',
      required: true,
      helpText: 'A key from your Platen (`plt_live_…`, or `plt_test_…` to try things without using credits). ' +
        'Make one for Zapier alone, labelled "Zapier", under API keys.',
    },
  ],
  test,
  connectionLabel,
};
