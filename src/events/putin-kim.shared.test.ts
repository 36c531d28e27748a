/**
 * Acceptance on the reference article (../shared/examples/putin-kim-letters.txt)
 * through the evaluation pipeline: cleaning, segmentation, the entity linker
 * (NER model when present, else the actor dictionary), attribution, events.
 * Skips with a notice when ../shared is missing.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, sharedPath } from '../../bench/shared.js';
import { analyzeRaw } from '../analyze.js';
import type { Analysis, Event } from '../doc/schema.js';
import { loadActorDictionary } from '../entities/actors/index.js';
import { rawText } from '../test-support/docs.js';
import { loadCodebook } from './codebook.js';
import { buildEvalPipeline } from './eval/eval-pipeline.js';
import { loadEventLexicon } from './lexicon.js';
import { renderEvents } from './render.js';

const FILE = sharedPath('examples', 'putin-kim-letters.txt');
if (!HAS_SHARED) console.warn('skipping putin-kim event acceptance: ../shared not found');

describe.skipIf(!HAS_SHARED)('events on the reference article', () => {
  let analysis: Analysis;
  const body = (): Event[] => analysis.layers.events!.filter((e) => e.section === 'body');
  const country = (code: string | null | undefined): string => (code ?? '').slice(0, 3);

  it('analyses the article', () => {
    const { pipeline } = buildEvalPipeline(loadActorDictionary(), loadEventLexicon(), loadCodebook());
    analysis = analyzeRaw(pipeline, rawText(fs.readFileSync(FILE, 'utf8'), { published: '2022-08-16' }));
    expect(renderEvents(analysis).length).toBeGreaterThan(0);
  });

  it('Putin -> Kim: intent to cooperate (03x), reported', () => {
    const e = body().find((x) => x.source.code === 'RUSGOV' && country(x.target?.code) === 'PRK' && x.root === '03');
    expect(e).toBeDefined();
    expect(e!.reported).toBe(true);
  });

  it('Kim -> Russia: intent or statement of cooperation', () => {
    const e = body().find((x) => country(x.source.code) === 'PRK' && country(x.target?.code) === 'RUS' && ['03', '05', '06'].includes(x.root) && x.code !== '0332');
    expect(e).toBeDefined();
  });

  it('North Korea -> the breakaway republics: diplomatic recognition (054)', () => {
    const e = body().find((x) => x.code === '054');
    expect(country(e?.source.code)).toBe('PRK');
    expect(e?.target?.span?.text).toMatch(/republics/);
  });

  it('North Korea -> Russia: offer of military aid (0332), hedged', () => {
    const e = body().find((x) => x.code === '0332' && country(x.source.code) === 'PRK');
    expect(country(e?.target?.code)).toBe('RUS');
    expect(e?.hedged).toBe(true);
  });

  it('keeps related-link headlines out of the body and codes no gerund in a noun phrase', () => {
    const related = analysis.layers.boilerplate!.filter((b) => b.kind === 'related-link');
    expect(related.length).toBeGreaterThan(0);
    for (const e of body()) for (const r of related) expect(e.verb.start >= r.start && e.verb.end <= r.end).toBe(false);
    expect(analysis.layers.events!.some((e) => /invading/i.test(e.verb.text))).toBe(false);
    expect(analysis.layers.events!.filter((e) => e.section === 'related').every((e) => related.some((r) => e.verb.start >= r.start && e.verb.end <= r.end))).toBe(true);
  });
});
