'use strict';
// Files later steps can upload: a render's image is fetched only when a step asks for it, then stashed with
// Zapier (Platen's hosted files need no key, but they expire after the instance's retention period).

const downloadFile = async (z, bundle) => {
  const response = z.request({ url: bundle.inputData.url, raw: true });
  return z.stashFile(response, undefined, bundle.inputData.filename || undefined);
};

module.exports = { downloadFile };
