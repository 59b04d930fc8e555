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
  brand_id: null,
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

const brand = {
  id: 'brd_0mxboj72yb5ljebpf1bnk',
  name: 'Acme',
  colors: { primary: '#ff0055', secondary: '#64748b', accent: '#2563eb', background: '#f8fafc', text: '#0f172a' },
  fonts: { heading: 'DejaVu Sans', body: 'DejaVu Sans' },
  logo: null,
  default: false,
  version: 1,
  created_at: '2026-12-06T10:09:21.562Z',
  updated_at: '2026-12-06T10:09:21.562Z',
};

const format = {
  id: 'linkedin_carousel',
  name: 'linkedin_carousel',
  label: 'LinkedIn carousel (1080×1350, slides)',
  width: 1080,
  height: 1350,
  dpi: 72,
  pages: true,
};

// A generation as the action and the trigger give it: the API's object plus the flat fields of shapes.generation.
const FILES = 'https://platen.example.com/files/2026/12/06/Qm3vT0kq8yE2HvXw9a1b2c';
const generation = {
  id: 'gen_0mxbq1t7k2m9d8f3h6j4l',
  status: 'completed',
  input_type: 'text',
  output_formats: ['og', 'linkedin_carousel'],
  visual_style: 'modern',
  brand_id: 'brd_0mxboj72yb5ljebpf1bnk',
  extracted: {
    title: '5 tips for remote work',
    summary: 'Small habits that keep a distributed team fast and friendly.',
    points: ['Write things down', 'Overlap a few hours', 'Default to async'],
    image: null,
    site_name: null,
    author: null,
    url: null,
  },
  outputs: [
    { format: 'og', template_id: 'tpl_0mxbq1t9a1b2c3d4e5f6g', render_ids: ['rnd_0mxbq1ta1b2c3d4e5f6g7'],
      urls: [`${FILES}/rnd_0mxbq1ta1b2c3d4e5f6g7.png`], pages: 1 },
    { format: 'linkedin_carousel', template_id: 'tpl_0mxbq1tb2c3d4e5f6g7h8',
      render_ids: ['rnd_0mxbq1tc3d4e5f6g7h8i9'],
      urls: [`${FILES}/rnd_0mxbq1tc3d4e5f6g7h8i9-1.png`, `${FILES}/rnd_0mxbq1tc3d4e5f6g7h8i9-2.png`,
        `${FILES}/rnd_0mxbq1tc3d4e5f6g7h8i9-3.png`], pages: 3 },
  ],
  credits: 4,
  error: null,
  metadata: {},
  created_at: '2026-12-06T10:20:11.102Z',
  completed_at: '2026-12-06T10:20:13.877Z',
  title: '5 tips for remote work',
  summary: 'Small habits that keep a distributed team fast and friendly.',
  urls: [`${FILES}/rnd_0mxbq1ta1b2c3d4e5f6g7.png`, `${FILES}/rnd_0mxbq1tc3d4e5f6g7h8i9-1.png`,
    `${FILES}/rnd_0mxbq1tc3d4e5f6g7h8i9-2.png`, `${FILES}/rnd_0mxbq1tc3d4e5f6g7h8i9-3.png`],
  url: `${FILES}/rnd_0mxbq1ta1b2c3d4e5f6g7.png`,
  file: `${FILES}/rnd_0mxbq1ta1b2c3d4e5f6g7.png`,
  og_url: `${FILES}/rnd_0mxbq1ta1b2c3d4e5f6g7.png`,
  og_urls: [`${FILES}/rnd_0mxbq1ta1b2c3d4e5f6g7.png`],
  og_file: `${FILES}/rnd_0mxbq1ta1b2c3d4e5f6g7.png`,
  og_template_id: 'tpl_0mxbq1t9a1b2c3d4e5f6g',
  linkedin_carousel_url: `${FILES}/rnd_0mxbq1tc3d4e5f6g7h8i9-1.png`,
  linkedin_carousel_urls: [`${FILES}/rnd_0mxbq1tc3d4e5f6g7h8i9-1.png`, `${FILES}/rnd_0mxbq1tc3d4e5f6g7h8i9-2.png`,
    `${FILES}/rnd_0mxbq1tc3d4e5f6g7h8i9-3.png`],
  linkedin_carousel_file: `${FILES}/rnd_0mxbq1tc3d4e5f6g7h8i9-1.png`,
  linkedin_carousel_template_id: 'tpl_0mxbq1tb2c3d4e5f6g7h8',
  error_message: null,
};

const failedGeneration = {
  id: 'gen_0mxbq2a1b2c3d4e5f6g7h',
  status: 'failed',
  input_type: 'url',
  output_formats: ['og', 'linkedin_carousel'],
  visual_style: 'modern',
  brand_id: null,
  extracted: null,
  outputs: [],
  credits: 0,
  error: { error: 'fetch_failed', message: "input_url: the page 'https://example.com/post' answered 404 NOT FOUND" },
  metadata: {},
  created_at: '2026-12-06T10:21:01.950Z',
  completed_at: '2026-12-06T10:21:02.310Z',
  title: null,
  summary: null,
  urls: [],
  url: null,
  file: null,
  error_message: "input_url: the page 'https://example.com/post' answered 404 NOT FOUND",
};

module.exports = { render, failedRender, batch, template, brand, format, generation, failedGeneration };
