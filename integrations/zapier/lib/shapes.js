'use strict';
// One shape per object, whichever call produced it (a REST hook delivery, a polling list, an action's answer,
// a search), so a Zap's sample data and its live data match field for field.

const hydrators = require('./hydrators');

const EXTENSIONS = { png: 'png', jpeg: 'jpg', webp: 'webp', pdf: 'pdf' };

// A render, plus `file`: the image as a file a later step (Drive, Slack, email) can upload.
const render = (z, data) => {
  const out = { ...data };
  if (data && data.url) {
    const ext = EXTENSIONS[data.format] || String(data.url).split('?')[0].split('.').pop();
    out.file = z.dehydrateFile(hydrators.downloadFile, { url: data.url, filename: `${data.id}.${ext}` });
  } else {
    out.file = null;
  }
  return out;
};

const batch = (z, data) => ({ ...data });

const fileOf = (z, url, filename) => z.dehydrateFile(hydrators.downloadFile, { url, filename });
const extensionOf = (url) => String(url).split('?')[0].split('.').pop();

// A generation, plus flat fields the next step maps without digging: `url`/`file` (the first image), `urls`
// (every image, every format), `title` and `summary` (what was read from the content), and for each format its
// first image (`og_url`, `og_file`), all its slides (`linkedin_carousel_urls`) and the template it was saved as
// (`og_template_id`, to render again or refine in the editor).
const generation = (z, data) => {
  const out = { ...data };
  const outputs = Array.isArray(data && data.outputs) ? data.outputs : [];
  const extracted = (data && data.extracted) || {};
  out.title = extracted.title || null;
  out.summary = extracted.summary || null;
  out.urls = outputs.flatMap((o) => (Array.isArray(o.urls) ? o.urls : []));
  out.url = out.urls.length ? out.urls[0] : null;
  out.file = out.url ? fileOf(z, out.url, `${data.id}.${extensionOf(out.url)}`) : null;
  for (const output of outputs) {
    const urls = Array.isArray(output.urls) ? output.urls : [];
    const first = urls.length ? urls[0] : null;
    out[`${output.format}_url`] = first;
    out[`${output.format}_urls`] = urls;
    out[`${output.format}_file`] = first ? fileOf(z, first, `${data.id}-${output.format}.${extensionOf(first)}`) : null;
    out[`${output.format}_template_id`] = output.template_id || null;
  }
  const error = data && data.error;
  out.error_message = error ? (typeof error === 'object' ? error.message || null : String(error)) : null;
  return out;
};

module.exports = { render, batch, generation };
