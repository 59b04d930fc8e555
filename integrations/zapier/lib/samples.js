'use strict';
// What Zapier shows before a Zap has live data: real answers of a Platen, shortened.

const render = {
  id: 'rnd_0mxbazwkz3fs9pksx0wfd',
  status: 'completed',
  template_id: 'tpl_0mxbazu8znsi49pl3l8wt',
  template_version: 1,
  format: 'png',
  width: 1200,
  height: 630,
  size_bytes: 173325,
  url: 'https://platen.example.com/files/2026/12/06/xp5-sHoH9FpTv78_Z48uJA/rnd_0mxbazwkz3fs9pksx0wfd.png',
  page_urls: [],
  cached: false,
  warnings: [],
  metadata: null,
  batch_id: null,
  error: null,
  created_at: '2026-12-06T03:50:26.483Z',
  completed_at: '2026-12-06T03:50:26.749Z',
  duration_ms: 248,
  mode: 'live',
  file: 'https://platen.example.com/files/2026/12/06/xp5-sHoH9FpTv78_Z48uJA/rnd_0mxbazwkz3fs9pksx0wfd.png',
};

const failedRender = {
  ...render,
  id: 'rnd_0mxbb0a1f2g3h4j5k6l7m',
  status: 'failed',
  url: null,
  size_bytes: null,
  completed_at: null,
  error: {
    error: 'image_failed',
    message: "layer 'logo': the image 'https://example.com/logo.png' could not be used: it answered 404 NOT FOUND",
  },
  file: null,
};

const batch = {
  id: 'bat_0mxbazwuo0oq8jqpsq5um',
  status: 'completed',
  template_id: 'tpl_0mxbazu8znsi49pl3l8wt',
  template_version: 1,
  format: 'png',
  scale: 1,
  total: 2,
  completed: 2,
  failed: 0,
  ignored_columns: [],
  metadata: null,
  results_url: 'https://platen.example.com/batches/bat_0mxbazwuo0oq8jqpsq5um/results.csv?s=EllJJKk0TDGfKowTYdDG',
  archive_url: 'https://platen.example.com/batches/bat_0mxbazwuo0oq8jqpsq5um/archive.zip?s=CXXShDZIYnb_3pbsgrad',
  created_at: '2026-12-06T03:50:26.832Z',
  completed_at: '2026-12-06T03:50:27.912Z',
  cancelled_at: null,
  mode: 'live',
};

const template = {
  id: 'tpl_0mxbazu8znsi49pl3l8wt',
  name: 'Blog card',
  description: '',
  width: 1200,
  height: 630,
  public: false,
  page_count: 1,
  version: 1,
  created_at: '2026-12-06T03:50:23.459Z',
  updated_at: '2026-12-06T03:50:23.459Z',
};

module.exports = { render, failedRender, batch, template };
