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

module.exports = { render, batch };
