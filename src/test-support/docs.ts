import { analyzeRaw } from '../analyze.js';
import type { Analysis } from '../doc/schema.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { buildPipeline } from '../pipeline/presets.js';
import type { RawDocument } from '../readers/raw-document.js';

let shared: Pipeline | null = null;
export function defaultPipeline(): Pipeline {
  shared ??= buildPipeline();
  return shared;
}

export function rawText(text: string, extra: Partial<RawDocument> = {}): RawDocument {
  return { id: 'test', text, title: null, url: null, published: null, source: null, format: 'text', encoding: 'utf-8', origin: 'test', ...extra };
}

export function analyzeText(text: string, extra: Partial<RawDocument> = {}): Analysis {
  return analyzeRaw(defaultPipeline(), rawText(text, extra));
}

/** Every span in every layer, with the path it was found at. */
export function allSpans(analysis: Analysis): { path: string; start: number; end: number; text: string }[] {
  const out: { path: string; start: number; end: number; text: string }[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
    else if (value !== null && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string') {
        out.push({ path, start: o.start, end: o.end, text: o.text });
      }
      for (const [k, v] of Object.entries(o)) visit(v, `${path}.${k}`);
    }
  };
  visit(analysis.layers, 'layers');
  return out;
}
