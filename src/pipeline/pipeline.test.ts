import { describe, expect, it } from 'vitest';
import { Cleaner } from '../clean/cleaner.js';
import { Segmenter } from '../segment/segmenter.js';
import type { Component } from './component.js';
import { Pipeline } from './pipeline.js';
import { buildPipeline } from './presets.js';
import { Doc } from '../doc/document.js';

const fake = (name: string, requires: Component['requires'], provides: Component['provides']): Component => ({
  name,
  requires,
  provides,
  process: () => {
    throw new Error('must not run');
  },
});

describe('Pipeline', () => {
  it('fails at construction, naming the component and the layer, when the order is wrong', () => {
    expect(() => new Pipeline([new Segmenter(), new Cleaner()])).toThrow(
      /"segment" requires layer "blocks".*"clean" provides it but comes later/,
    );
  });

  it('fails when a required layer has no provider at all', () => {
    expect(() => new Pipeline([fake('events', ['sentences', 'mentions'], ['events'])])).toThrow(/no component in this pipeline provides it/);
  });

  it('fails when two components provide the same layer', () => {
    expect(() => new Pipeline([new Cleaner(), fake('other-clean', [], ['title'])])).toThrow(/provided by both "clean" and "other-clean"/);
  });

  it('runs components in order and each layer is filled', () => {
    const pipeline = buildPipeline();
    expect(pipeline.provides).toEqual(['blocks', 'title', 'boilerplate', 'tokens', 'sentences', 'mentions', 'actors', 'attributions', 'hedges', 'events']);
    const doc = new Doc('Headline\n\nBody text here.', { id: 'x', title: null, url: null, published: null, source: null, format: 'text', encoding: 'utf-8', contentHash: 'h' });
    pipeline.process(doc);
    expect(doc.get('sentences').map((s) => s.text)).toEqual(['Headline', 'Body text here.']);
  });
});
