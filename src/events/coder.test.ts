/**
 * The coder on invented sentences, with the entity, attribution and hedge
 * layers built by hand (a tiny test component finds the actor names given).
 */
import { describe, expect, it } from 'vitest';
import { analyzeRaw } from '../analyze.js';
import type { Doc } from '../doc/document.js';
import type { Actor, Analysis, Attribution, Hedge, Mention } from '../doc/schema.js';
import type { Component } from '../pipeline/component.js';
import { Pipeline } from '../pipeline/pipeline.js';
import { Cleaner } from '../clean/cleaner.js';
import { Segmenter } from '../segment/segmenter.js';
import { rawText } from '../test-support/docs.js';
import { EventCoder } from './coder.js';
import { renderEvents } from './render.js';

interface TestActor {
  names: string[];
  code: string;
}

/** Marks every occurrence of the given names as a mention of its actor; attributions and hedges from phrases. */
class HandLayers implements Component {
  readonly name = 'hand-layers';
  readonly requires = ['tokens', 'sentences'] as const;
  readonly provides = ['mentions', 'actors', 'attributions', 'hedges'] as const;
  constructor(
    private readonly actors: TestActor[],
    private readonly hedgePhrases: string[] = [],
    private readonly reported: { content: string; cue: string; relay?: string }[] = [],
  ) {}
  process(doc: Doc): void {
    const mentions: Mention[] = [];
    const actors: Actor[] = [];
    this.actors.forEach((a, i) => {
      const actor: Actor = { id: `a${i}`, name: a.names[0]!, type: 'LOC', kind: 'country', code: a.code, country: a.code.slice(0, 3), role: a.code.slice(3) || null, mediaKind: null, description: null, dictionaryId: null, mentions: [] };
      for (const name of a.names) {
        for (let at = doc.text.indexOf(name); at >= 0; at = doc.text.indexOf(name, at + 1)) {
          if (/\w/.test(doc.text[at + name.length] ?? '') || /\w/.test(doc.text[at - 1] ?? '')) continue;
          actor.mentions.push(mentions.length);
          mentions.push({ ...doc.span(at, at + name.length), type: 'LOC', kind: name === 'it' || name === 'It' ? 'pronoun' : 'name', actorId: actor.id });
        }
      }
      actors.push(actor);
    });
    const order = mentions.map((m, i) => ({ m, i })).sort((x, y) => x.m.start - y.m.start);
    const remap = new Map(order.map((o, k) => [o.i, k]));
    for (const a of actors) a.mentions = a.mentions.map((i) => remap.get(i)!);
    doc.set('mentions', order.map((o) => o.m));
    doc.set('actors', actors);
    const hedges: Hedge[] = this.hedgePhrases.map((p) => {
      const at = doc.text.indexOf(p);
      return { ...doc.span(at, at + p.length), kind: 'test', scope: doc.span(at, doc.text.indexOf('.', at)) };
    });
    doc.set('hedges', hedges);
    const attributions: Attribution[] = this.reported.map((r) => {
      const c = doc.text.indexOf(r.content);
      const q = doc.text.indexOf(r.cue);
      const relay = r.relay ? doc.text.indexOf(r.relay) : -1;
      const chain: Attribution['chain'] = r.relay ? [{ name: r.relay, actorId: null, kind: 'relay', span: doc.span(relay, relay + r.relay.length) }] : [];
      return { type: 'indirect', content: doc.span(c, c + r.content.length), speaker: null, speakerActorId: null, cue: { ...doc.span(q, q + r.cue.length), lemma: r.cue }, medium: null, addressee: null, chain, hedged: false, anonymous: false };
    });
    doc.set('attributions', attributions);
  }
}

const NATIONS: TestActor[] = [
  { names: ['Arvania'], code: 'ARV' },
  { names: ['Belmora', 'It', 'it'], code: 'BLM' },
  { names: ['Cindral'], code: 'CDR' },
  { names: ['the Arvanian army'], code: 'ARVMIL' },
];

function code(text: string, opts: { published?: string; hedges?: string[]; reported?: { content: string; cue: string; relay?: string }[]; actors?: TestActor[] } = {}): Analysis {
  const pipeline = new Pipeline([new Cleaner(), new Segmenter(), new HandLayers(opts.actors ?? NATIONS, opts.hedges, opts.reported), new EventCoder()]);
  return analyzeRaw(pipeline, rawText(text, { published: opts.published ?? '2021-03-10T09:00:00Z' }));
}

const triples = (a: Analysis): string[] => (a.layers.events ?? []).map((e) => `${e.source.code}>${e.target?.code ?? '-'}:${e.code}`);

describe('EventCoder', () => {
  it('codes subject-verb-object with spans that slice back', () => {
    const a = code('Intro line here.\n\nArvania imposed sanctions on Belmora last week.');
    expect(triples(a)).toEqual(['ARV>BLM:163']);
    const e = a.layers.events![0]!;
    for (const s of [e.verb, e.source.span!, e.target!.span!]) expect(a.text.slice(s.start, s.end)).toBe(s.text);
    expect(e.verb.text).toBe('imposed');
    expect(e.goldstein).toBe(-8);
    expect(e.quadClass).toBe(4);
    expect(e.plover?.type).toBe('COERCE');
    expect(e.date).toBe('2021-03-03');
  });

  it('dates a bare weekday by the verb\'s tense: past before publication, future after it', () => {
    // 1 March 2024 was a Friday
    const dateOf = (text: string): string | null | undefined => code(`Intro line here.\n\n${text}`, { published: '2024-03-01' }).layers.events?.[0]?.date;
    expect(dateOf('Arvania attacked Belmora on Monday, officials said.')).toBe('2024-02-26');
    expect(dateOf('Arvania has attacked Belmora on Monday.')).toBe('2024-02-26');
    expect(dateOf('Belmora was attacked by Arvania on Monday.')).toBe('2024-02-26');
    expect(dateOf('Arvania sent troops to Belmora on Monday.')).toBe('2024-02-26');
    expect(dateOf('Arvania did not attack Belmora on Monday.')).toBe('2024-02-26');
    expect(dateOf('Arvania will attack Belmora on Monday.')).toBe('2024-03-04');
    expect(dateOf('Arvania attacked Belmora on Thursday.')).toBe('2024-02-29');
    // published on a Tuesday: a future Monday is six days on, not yesterday
    expect(code('Intro line here.\n\nArvania will meet Belmora on Monday.', { published: '2024-03-05' }).layers.events?.[0]?.date).toBe('2024-03-11');
  });

  it('codes releasing people, not releasing reports', () => {
    expect(triples(code('Intro line here.\n\nArvania released Belmora last week.'))).toEqual(['ARV>BLM:0841']);
    expect(triples(code('Intro line here.\n\nArvania released two prisoners last week.'))).toEqual(['ARV>-:0841']);
    expect(triples(code('Intro line here.\n\nArvania released a report on the harvest last week.'))).toEqual([]);
  });

  it('reads passives: the agent after "by" is the source', () => {
    expect(triples(code('Intro line here.\n\nBelmora was shelled by the Arvanian army on Monday.'))).toEqual(['ARVMIL>BLM:194']);
  });

  it('codes one event per pair for compound actors, and reciprocal meetings both ways', () => {
    expect(triples(code('Intro line here.\n\nArvania and Cindral condemned Belmora.')).sort()).toEqual(['ARV>BLM:111', 'CDR>BLM:111']);
    expect(triples(code('Intro line here.\n\nArvania and Belmora agreed to expand economic cooperation.')).sort()).toEqual(['ARV>BLM:0311', 'BLM>ARV:0311']);
  });

  it('finds prepositional targets and infinitival complements', () => {
    expect(triples(code('Intro line here.\n\nArvania met with Cindral in the capital.'))).toEqual(['ARV>CDR:040']);
    expect(triples(code('Intro line here.\n\nBelmora offered troops to help Cindral.'))).toEqual(['BLM>CDR:0332']);
    expect(triples(code('Intro line here.\n\nArvania sent a letter to Cindral.'))).toEqual(['ARV>CDR:010']);
  });

  it('flags negation, hypotheticals, hedges and reported events', () => {
    const neg = code('Intro line here.\n\nArvania did not attack Belmora.').layers.events![0]!;
    expect(neg.negated).toBe(true);
    const hyp = code('Intro line here.\n\nIf Arvania attacks Belmora, Cindral will respond.').layers.events![0]!;
    expect(hyp.hypothetical).toBe(true);
    const wanted = code('Intro line here.\n\nCindral is getting Arvania to attack Belmora.').layers.events!.find((e) => e.code === '190')!;
    expect(wanted.hypothetical).toBe(true);
    const hedged = code('Intro line here.\n\nRumours say that Arvania offered weapons to Cindral.', { hedges: ['Rumours say'] }).layers.events![0]!;
    expect(hedged.hedged).toBe(true);
    const rep = code('Intro line here.\n\nArvania condemned Belmora, the agency reported.', { reported: [{ content: 'Arvania condemned Belmora', cue: 'reported' }] }).layers.events![0]!;
    expect(rep.reported).toBe(true);
    expect(rep.attribution).toBe(0);
  });

  it('a statement a relay passed on is reported and linked to its attribution; one nobody relayed is not', () => {
    const relayed = code('Intro line here.\n\nArvania expressed interest in talks with Belmora, the agency reported.', {
      reported: [{ content: 'in talks with Belmora', cue: 'expressed interest', relay: 'the agency' }],
    }).layers.events!.find((e) => e.verb.text === 'expressed')!;
    expect([relayed.reported, relayed.attribution]).toEqual([true, 0]);
    const direct = code('Intro line here.\n\nArvania expressed interest in talks with Belmora.', {
      reported: [{ content: 'in talks with Belmora', cue: 'expressed interest' }],
    }).layers.events!.find((e) => e.verb.text === 'expressed')!;
    expect([direct.reported, direct.attribution]).toEqual([false, null]);
  });

  it('a participle after a reported passive goes with the reporter, not with what the passive was done to', () => {
    const a = code('Intro line here.\n\nArvania reported that the Cindral embassy was shelled overnight, condemning Belmora.', { actors: [...NATIONS, { names: ['the Cindral embassy'], code: 'CDRGOV' }] });
    expect(triples(a)).toContain('ARV>BLM:111');
    expect(triples(a).some((t) => t.startsWith('CDRGOV>BLM'))).toBe(false);
  });

  it('takes the speaker after an inverted reporting verb, not a name inside the quote', () => {
    expect(triples(code('Intro line here.\n\n"Belmora is a problem," said Arvania.'))).toEqual(['ARV>-:010']);
  });

  it('codes a future act as the intent to do it', () => {
    expect(triples(code('Intro line here.\n\nArvania will provide food aid to Cindral.'))).toEqual(['ARV>CDR:0333']);
  });

  it('does not code a gerund inside a noun phrase', () => {
    const a = code("Intro line here.\n\nArvania discussed Belmora's chances of invading Cindral.");
    expect(a.layers.events!.some((e) => e.verb.text === 'invading')).toBe(false);
  });

  it('resolves an unlinked pronoun subject to the previous source and recognises states', () => {
    const actors = NATIONS.filter((n) => n.code !== 'BLM').concat([{ names: ['Belmora'], code: 'BLM' }]);
    const a = code('Intro line here.\n\nBelmora is an ally of Cindral. It recognised two breakaway regions as independent states.', { actors });
    const e = a.layers.events!.find((x) => x.code === '054')!;
    expect(e.source.code).toBe('BLM');
    expect(e.target?.span?.text).toBe('two breakaway regions');
  });

  it('keeps related-link headlines apart and merges repeated tellings', () => {
    const a = code('Arvania shells Belmora\n\nArvania shelled Belmora on Monday. Later, Arvania shelled Belmora again on Monday.');
    const body = a.layers.events!.filter((e) => e.section === 'body');
    expect(body).toHaveLength(1);
    expect(body[0]!.mentions).toHaveLength(2);
    expect(renderEvents(a)[0]).toMatch(/^Arvania \(ARV\) → Belmora \(BLM\): 194 fight with artillery and tanks, Goldstein -10\.0/i);
  });
});

describe('EventCoder with the default pipeline', () => {
  /** Sources of the events with this code, for an article of a headline and two paragraphs. */
  const sourcesOf = async (code: string, paragraphs: [string, string, string], published: string): Promise<(string | undefined)[]> => {
    const { analyzeText } = await import('../test-support/docs.js');
    const a = analyzeText([paragraphs[0], '', paragraphs[1], '', paragraphs[2]].join('\n'), { published });
    return a.layers.events!.filter((e) => e.code.startsWith(code)).map((e) => e.source.span?.text);
  };

  it('does not let "it" continue a person as the source', async () => {
    const sources = await sourcesOf('129', ['Council vote due', 'Donald Trump criticised the draft resolution on Syria on Monday.', 'However, it could veto any such resolution.'], '2018-04-08');
    expect(sources).not.toContain('Donald Trump');
  });

  it('does not give "she said" to an earlier country when the linker finds no woman to be "she"', async () => {
    const sources = await sourcesOf('01', ['Border closed', 'Russia closed its border with Finland on Monday.', '"This is a grave mistake," she said.'], '2023-05-02');
    expect(sources).not.toContain('Russia');
  });
});
