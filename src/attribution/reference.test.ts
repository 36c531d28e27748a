/**
 * Acceptance on the reference page (../shared/examples/putin-kim-letters.txt,
 * read in place). Speaker actors come from hand-built entity layers built by
 * name search, so this checks attribution, not the entity models.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, sharedPath } from '../../bench/shared.js';
import type { Analysis, Attribution } from '../doc/schema.js';
import { attribute } from './test-pipeline.js';

const FILE = sharedPath('examples', 'putin-kim-letters.txt');
const AVAILABLE = HAS_SHARED && fs.existsSync(FILE);
if (!AVAILABLE) console.warn('skipping attribution reference test: ../shared/examples/putin-kim-letters.txt not found');

describe.skipIf(!AVAILABLE)('Attributor on the reference page', () => {
  let analysis: Analysis;
  const get = (): Attribution[] => analysis.layers.attributions ?? [];
  const byCue = (cue: string): Attribution => {
    const found = get().find((a) => a.cue?.text === cue);
    if (!found) throw new Error(`no attribution with cue "${cue}"`);
    return found;
  };
  const chainOf = (a: Attribution): string[] => a.chain.map((r) => r.name);

  it('runs', () => {
    analysis = attribute(fs.readFileSync(FILE, 'utf8'), [
      { id: 'putin', name: 'Vladimir Putin', names: ['Vladimir Putin', 'Putin', 'he'] },
      { id: 'kim', name: 'Kim Jong Un', names: ['Kim Jong Un', 'Kim', 'The North Korean leader'] },
      { id: 'kor', name: 'Igor Korotchenko', names: ['Igor Korotchenko', 'Korotchenko'] },
      { id: 'kcna', name: 'KCNA', names: ['KCNA', 'state media'], type: 'ORG', kind: 'media', mediaKind: 'state-media' },
      { id: 'reuters', name: 'Reuters', names: ['Reuters'], type: 'ORG', kind: 'media', mediaKind: 'wire' },
      { id: 'nyp', name: 'New York Post', names: ['New York Post'], type: 'ORG', kind: 'media', mediaKind: 'newspaper' },
      { id: 'c1', name: 'Channel One', names: ['Channel One'], type: 'ORG', kind: 'media', mediaKind: 'broadcaster' },
      { id: 'wion', name: 'WION', names: ['WION'], type: 'ORG', kind: 'media', mediaKind: 'broadcaster' },
    ]);
    expect(get().length).toBeGreaterThan(0);
  });

  it('finds every statement by Putin with speaker, cue, medium and chain', () => {
    const interest = byCue('expressed interest');
    expect(interest.speakerActorId).toBe('putin');
    expect(interest.type).toBe('mixed');
    const stressed = byCue('stressed');
    expect(stressed.speakerActorId).toBe('putin');
    expect(stressed.medium?.text).toBe('letter');
    expect(chainOf(stressed)).toContain('KCNA');
    const said = get().find((a) => a.cue?.lemma === 'say' && a.speaker?.text === 'Putin')!;
    expect(said.medium?.text).toBe('letter');
    expect(said.type).toBe('indirect');
    expect(chainOf(said)).toEqual(['Vladimir Putin', 'letter', 'KCNA', 'Reuters', 'agencies', 'WION', 'republished copy']);
  });

  it('finds every statement by Kim', () => {
    const response = byCue('voiced his response');
    expect(response.speakerActorId).toBe('kim');
    expect(response.medium?.text).toBe('letter');
    expect(response.content.text.startsWith('that the Russian-North Korean friendship')).toBe(true);
    const kimSaid = get().find((a) => a.cue?.text === 'said' && a.speaker?.text === 'Kim')!;
    expect(kimSaid.type).toBe('mixed');
    const hope = byCue('expressed hope');
    expect(hope.speakerActorId).toBe('kim');
    expect(hope.cue?.lemma).toBe('express hope');
  });

  it("finds Korotchenko's two direct quotes with their relays", () => {
    const told = byCue('told');
    expect(told.type).toBe('direct');
    expect(told.speakerActorId).toBe('kor');
    expect(told.addressee?.text).toBe('Russian Channel One');
    expect(told.hedged).toBe(true);
    expect(chainOf(told).slice(0, 3)).toEqual(['Igor Korotchenko', 'Channel One', 'New York Post']);
    const quoted = byCue('was quoted as saying');
    expect(quoted.type).toBe('direct');
    expect(quoted.speakerActorId).toBe('kor');
    expect(chainOf(quoted)).toContain('New York Post');
  });

  it('marks the troop claim hedged, with its hedge spans', () => {
    const kinds = (analysis.layers.hedges ?? []).map((h) => h.text);
    expect(kinds).toEqual(expect.arrayContaining(['reports are swirling', 'reportedly', 'There are reports that']));
    const troops = get().find((a) => a.content.text.includes('offered 100,000'))!;
    expect(troops.hedged).toBe(true);
    expect(troops.speaker).toBeNull();
  });

  it('scare quotes and "did not describe" give no attribution', () => {
    for (const a of get()) {
      // Not the scare quote alone, nor the recognition it sits in: recognising states is an act, not a statement.
      expect(a.content.text).not.toContain('people’s republics');
      expect(a.content.text).not.toMatch(/^.?volunteer.?$/);
      expect(a.cue?.text ?? '').not.toBe('describe');
      expect(a.content.text).not.toContain('did not describe');
    }
  });
});
