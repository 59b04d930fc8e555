'use strict';
// A REST-hook trigger for one Platen event: Zapier subscribes when a Zap is turned on and unsubscribes when it
// is turned off; `performList` reads the polling trigger of the same event, so the sample a user picks while
// building the Zap has exactly the shape live deliveries have.

const crypto = require('crypto');

const { apiUrl, segment } = require('./platen');

// Zapier hands a delivery's headers over as `Http-Webhook-Signature`; look a header up however it is spelled.
const header = (headers, name) => {
  const wanted = [name.toLowerCase(), `http-${name.toLowerCase()}`];
  const found = Object.keys(headers || {}).find((k) => wanted.includes(k.toLowerCase()));
  return found === undefined ? undefined : headers[found];
};

// Standard Webhooks (what Platen signs with): HMAC-SHA256 over "id.timestamp.body" with the base64 key after
// "whsec_"; the header lists one or more "v1,<base64>" signatures separated by spaces.
const signatureProblem = (secret, rawRequest) => {
  const headers = (rawRequest && rawRequest.headers) || {};
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  const body = rawRequest && rawRequest.content;
  if (!id || !timestamp || !signatures || typeof body !== 'string') {
    return 'the webhook-id, webhook-timestamp or webhook-signature header is missing';
  }
  const key = Buffer.from(String(secret).replace(/^whsec_/, ''), 'base64');
  const expected = crypto.createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  const ok = String(signatures)
    .split(' ')
    .some((part) => {
      const [version, value] = part.split(',');
      if (version !== 'v1' || !value) return false;
      const given = Buffer.from(value, 'base64');
      return given.length === expected.length && crypto.timingSafeEqual(given, expected);
    });
  return ok ? null : 'the signature does not match the hook\'s secret';
};

const makeHookTrigger = ({ key, event, noun, label, description, shape, sample, outputFields, filterByTemplate }) => {
  const inputFields = filterByTemplate
    ? [{
        key: 'template_id',
        label: 'Template',
        dynamic: 'templates_list.id.name',
        required: false,
        helpText: 'Only renders of this template. Leave empty for every template.',
      }]
    : [];

  const performSubscribe = async (z, bundle) => {
    const body = { target_url: bundle.targetUrl, event };
    if (bundle.inputData.template_id) body.template_id = bundle.inputData.template_id;
    const response = await z.request({ url: apiUrl(bundle, '/hooks'), method: 'POST', body });
    return response.data; // kept by Zapier as bundle.subscribeData: the hook's id and signing secret
  };

  const performUnsubscribe = async (z, bundle) => {
    const id = segment(bundle.subscribeData && bundle.subscribeData.id, 'hook id');
    const response = await z.request({
      url: apiUrl(bundle, `/hooks/${id}`),
      method: 'DELETE',
      skipThrowForStatus: true,
    });
    if (response.status !== 204 && response.status !== 404) {
      response.throwForStatus(); // 404: already gone (deleted by hand, or after a 410) is what we wanted
    }
    return { id: bundle.subscribeData.id, deleted: true };
  };

  const perform = async (z, bundle) => {
    const secret = bundle.subscribeData && bundle.subscribeData.secret;
    if (secret && bundle.rawRequest && process.env.PLATEN_SKIP_SIGNATURE_CHECK !== '1') {
      const problem = signatureProblem(secret, bundle.rawRequest);
      if (problem) {
        throw new z.errors.Error(`Ignored a delivery Platen did not sign: ${problem}.`, 'invalid_signature', 401);
      }
    }
    const payload = bundle.cleanedRequest || {};
    // {"type", "timestamp", "data"}; anything else (a stray request to the hook URL) starts no Zap.
    if (payload.type !== event || !payload.data || typeof payload.data !== 'object') {
      return [];
    }
    return [shape(z, payload.data)];
  };

  const performList = async (z, bundle) => {
    const params = { limit: 20, page: bundle.meta && bundle.meta.page ? bundle.meta.page : 0 };
    if (bundle.inputData.template_id) params.template_id = bundle.inputData.template_id;
    const response = await z.request({ url: apiUrl(bundle, `/triggers/${event}`), params });
    return response.data.map((item) => shape(z, item));
  };

  return {
    key,
    noun,
    display: { label, description },
    operation: {
      type: 'hook',
      inputFields,
      performSubscribe,
      performUnsubscribe,
      perform,
      performList,
      canPaginate: true,
      sample,
      outputFields,
    },
  };
};

module.exports = { makeHookTrigger, signatureProblem };
