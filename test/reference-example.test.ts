/**
 * Acceptance on the reference input, ../shared/examples/putin-kim-letters.txt
 * (read in place; skipped with a notice when ../shared is absent).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, sharedPath } from '../bench/shared.js';
import type { Analysis } from '../src/doc/schema.js';
import { analyzeText } from '../src/test-support/docs.js';

const FILE = sharedPath('examples', 'putin-kim-letters.txt');
const present = HAS_SHARED && fs.existsSync(FILE);
if (!present) console.warn('skipping reference-example acceptance tests: ../shared/examples/putin-kim-letters.txt not found');

describe.skipIf(!present)('reference example: putin-kim-letters.txt', () => {
  const text = present ? fs.readFileSync(FILE, 'utf8') : '';
  const a: Analysis = present ? analyzeText(text, { id: 'putin-kim-letters' }) : ({} as Analysis);

  it('finds the title and labels all the boilerplate by kind', () => {
    expect(a.layers.title?.text).toMatch(/^Putin and Kim Jong Un exchange letters/);
    const kinds = a.layers.boilerplate!.map((b) => b.kind);
    expect(kinds.filter((k) => k === 'related-link')).toHaveLength(2);
    expect(a.layers.boilerplate!.filter((b) => b.kind === 'related-link').every((b) => b.headline && b.headline.text.length > 20)).toBe(true);
    expect(a.layers.boilerplate!.find((b) => b.kind === 'promo')?.text).toBe('WATCH WION LIVE HERE');
    expect(a.layers.boilerplate!.find((b) => b.kind === 'credit')?.text).toBe('(With inputs from agencies)');
    expect(a.layers.boilerplate!.find((b) => b.kind === 'syndication')?.text).toBe('Source link');
    expect(kinds.filter((k) => k === 'comment-form').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps every body sentence: each non-boilerplate line is covered by body sentences', () => {
    const body = a.layers.sentences!.filter((s) => s.section === 'body');
    const bodyBlocks = a.layers.blocks!.filter((b) => b.kind === 'body');
    expect(bodyBlocks.length).toBe(11);
    expect(body.length).toBe(12);
    for (const block of bodyBlocks) {
      const covered = body.filter((s) => s.start >= block.start && s.end <= block.end).reduce((n, s) => n + s.text.length, 0);
      expect(covered / block.text.length).toBeGreaterThan(0.97);
    }
  });

  it('gives offsets that slice back exactly', () => {
    for (const s of a.layers.sentences!) expect(text.slice(s.start, s.end)).toBe(s.text);
    for (const t of a.layers.tokens!) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('resolves every actor the issue lists', () => {
    const actor = (mention: string) => {
      const m = a.layers.mentions!.find((x) => x.text === mention);
      return a.layers.actors!.find((x) => x.id === m?.actorId);
    };
    const putin = actor('Vladimir Putin')!;
    expect(putin.code).toBe('RUSGOV');
    expect(actor('Putin')?.id).toBe(putin.id);
    const kim = actor('Kim Jong Un')!;
    expect(kim.code).toBe('PRKGOV');
    expect(actor('Kim')?.id).toBe(kim.id);
    const letterSentence = a.layers.sentences!.find((s) => s.text.includes('where he stressed'))!;
    const he = a.layers.mentions!.find((m) => m.text === 'he' && m.start >= letterSentence.start && m.end <= letterSentence.end);
    expect(he?.actorId).toBe(putin.id);
    const leader = a.layers.mentions!.find((m) => /North Korean leader$/.test(m.text) && m.kind === 'description');
    expect(leader?.actorId).toBe(kim.id);
    const his = a.layers.mentions!.find((m) => m.text === 'his');
    expect(his?.actorId).toBe(kim.id);
    expect(actor('KCNA')).toMatchObject({ country: 'PRK', mediaKind: 'state-media' });
    expect(actor('Reuters')).toMatchObject({ mediaKind: 'wire' });
    expect(actor('Moscow')?.code).toBe('RUSGOV');
    expect(actor('Igor Korotchenko')).toMatchObject({ country: 'RUS', role: 'analyst' });
    expect(actor('Channel One')).toMatchObject({ country: 'RUS', kind: 'media' });
    expect(actor('New York Post')).toMatchObject({ country: 'USA', kind: 'media' });
    expect(actor('WION')).toMatchObject({ country: 'IND', kind: 'media' });
    for (const [name, code] of [['North Korea', 'PRK'], ['Russia', 'RUS'], ['Japan', 'JPN'], ['Ukraine', 'UKR'], ['United States', 'USA']]) {
      expect(actor(name!)?.code, name).toBe(code);
    }
    const stateMedia = a.layers.mentions!.find((m) => /state media$/.test(m.text));
    expect(stateMedia?.actorId).toBe(actor('KCNA')!.id);
  });
});
