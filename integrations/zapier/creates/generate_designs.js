'use strict';
// Generate designs: content (text, a web page, a PDF) in, finished images in several formats out, in a visual
// style and a brand. Waits for them within Zapier's time limit; a generation still running then is returned as
// it is ("Find Generation" finds it by its id later, and "Generation Completed" fires when it is done).

const FormData = require('form-data');

const { apiUrl, segment } = require('../lib/platen');
const inputs = require('../lib/inputs');
const shapes = require('../lib/shapes');
const samples = require('../lib/samples');
const fields = require('../lib/fields');
const generations = require('../lib/generations');

// Zapier stops an action at 30 s; leave room for the last request and the answer. The environment variable
// PLATEN_GENERATION_WAIT_SECONDS (0–27) waits less: 0 answers the queued generation at once.
const budgetMs = () => {
  const given = Number.parseInt(process.env.PLATEN_GENERATION_WAIT_SECONDS, 10);
  return (Number.isInteger(given) ? Math.min(Math.max(given, 0), 27) : 27) * 1000;
};
const FINISHED = ['completed', 'failed'];

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const given = (value) => value !== undefined && value !== null && String(value).trim() !== '';

// The request body, with the keys POST /generations takes; only what was given.
const body = async (z, bundle) => {
  const input = bundle.inputData;
  const type = input.input_type || 'text';
  const out = { input_type: type };
  if (type === 'text') {
    if (!given(input.input_content)) {
      throw new z.errors.Error('Give the text to design from (Content), or choose another input type.',
        'no_content', 400);
    }
    out.input_content = String(input.input_content);
  } else if (given(input.input_url)) {
    out.input_url = String(input.input_url).trim();
  } else if (!(type === 'pdf' && given(input.file))) {
    throw new z.errors.Error(type === 'pdf'
      ? 'Give the PDF: its URL, or a PDF file from an earlier step (PDF file).'
      : 'Give the URL of the web page (URL).', 'no_url', 400);
  }
  out.output_formats = [].concat(input.output_formats || []).map((f) => String(f).trim()).filter(Boolean);
  if (!out.output_formats.length) {
    throw new z.errors.Error('Choose at least one output format.', 'no_formats', 400);
  }
  if (given(input.carousel_slides)) {
    // One number for every carousel chosen: Zapier users pick "5 slides", not a map of formats to counts.
    const slides = Number.parseInt(input.carousel_slides, 10);
    const carousels = (await generations.formats(z, bundle)).filter((f) => f.pages).map((f) => f.name);
    const chosen = out.output_formats.filter((f) => carousels.includes(f));
    if (chosen.length) out.carousel_slides = Object.fromEntries(chosen.map((f) => [f, slides]));
  }
  if (given(input.visual_style)) out.visual_style = input.visual_style;
  if (given(input.brand_id)) out.brand_id = String(input.brand_id).trim();
  if (input.metadata && Object.keys(input.metadata).length) out.metadata = input.metadata;
  return out;
};

// A PDF file from an earlier step (an email attachment, a Drive download) goes up as the form's `file`; the other
// parts are the same keys, JSON where they are lists or objects.
const upload = async (z, bundle, fields) => {
  const download = await z.request({ url: bundle.inputData.file, raw: true });
  const content = await download.buffer();
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    form.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  form.append('file', content, { filename: 'input.pdf', contentType: 'application/pdf', knownLength: content.length });
  return z.request({ url: apiUrl(bundle, '/generations'), method: 'POST', body: form });
};

const perform = async (z, bundle) => {
  const started = Date.now();
  const fields = await body(z, bundle);
  const response = fields.input_type === 'pdf' && !fields.input_url
    ? await upload(z, bundle, fields)
    : await z.request({ url: apiUrl(bundle, '/generations'), method: 'POST', body: fields });
  let generation = response.data;
  const budget = budgetMs();
  while (!FINISHED.includes(generation.status) && Date.now() - started < budget) {
    await pause(Math.min(1000, Math.max(0, budget - (Date.now() - started))));
    const id = segment(generation.id, 'generation id');
    generation = (await z.request({ url: apiUrl(bundle, `/generations/${id}`) })).data;
  }
  if (generation.status === 'failed') {
    const error = generation.error;
    const reason = (error && (error.message || (typeof error === 'string' && error))) || 'no reason given';
    throw new z.errors.Error(`Generation ${generation.id} failed: ${reason}`, 'generation_failed', 422);
  }
  return shapes.generation(z, generation);
};

module.exports = {
  key: 'generate_designs',
  noun: 'Generation',
  display: {
    label: 'Generate Designs',
    description: 'Turns text or a web page into finished images in several formats at once (an OG card, a ' +
      'carousel, …), in a visual style and your brand.',
  },
  operation: {
    inputFields: [
      {
        key: 'input_type',
        label: 'Input type',
        required: true,
        default: 'text',
        choices: [
          { value: 'text', label: 'Text', sample: 'text' },
          { value: 'url', label: 'Web page (URL)', sample: 'url' },
          { value: 'pdf', label: 'PDF (URL)', sample: 'pdf' },
        ],
        helpText: 'Text: write or map it below. Web page: give its public URL. PDF: its URL, or the file itself.',
      },
      {
        key: 'input_content',
        label: 'Content',
        type: 'text',
        required: false,
        helpText: 'For the Text input type: up to 20,000 characters. The first line (or heading) becomes the ' +
          'title; paragraphs, lists and sentences fill the card and the slides.',
      },
      {
        key: 'input_url',
        label: 'URL',
        required: false,
        helpText: 'For Web page or PDF: a public http(s) address, like a blog post\'s.',
      },
      {
        key: 'file',
        label: 'PDF file',
        type: 'file',
        required: false,
        helpText: 'For PDF, instead of a URL: a PDF from an earlier step (an email attachment, a Drive file).',
      },
      {
        key: 'output_formats',
        label: 'Output formats',
        required: true,
        list: true,
        dynamic: 'formats_list.id.label',
        helpText: 'One design per format, e.g. Open Graph (og), Instagram post, LinkedIn carousel.',
      },
      {
        key: 'carousel_slides',
        label: 'Carousel slides',
        type: 'integer',
        required: false,
        helpText: 'For the carousel formats: how many slides (a cover, the content, a closing slide). ' +
          'Leave empty to let the content decide.',
      },
      {
        key: 'visual_style',
        label: 'Visual style',
        required: false,
        default: 'modern',
        choices: generations.STYLES.map((s) => ({ value: s, label: s.charAt(0).toUpperCase() + s.slice(1),
          sample: s })),
        helpText: 'How the designs look: type, colour use, composition and decoration.',
      },
      inputs.brand,
      {
        key: 'metadata',
        label: 'Metadata',
        dict: true,
        required: false,
        helpText: 'Your own key/value pairs, given back with the generation (and in the trigger).',
      },
    ],
    perform,
    sample: samples.generation,
    outputFields: [...fields.generation, generations.outputFields],
  },
};
