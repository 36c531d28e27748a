/**
 * The attribution word lists (data/attribution/*.tsv), loaded once and turned
 * into lookup tables. Everything here is data; the rules that use it live in
 * frames.ts, hedges.ts and chains.ts.
 */
import { dataPath, readWordList } from '../util/data-files.js';
import { NewsgraphError } from '../util/errors.js';
import { PhraseMatcher, parsePattern } from './phrases.js';

export type CueClass = 'speech' | 'report' | 'belief' | 'intention' | 'source';

/** What may follow a verb cue, and where its content may stand. */
export interface CueFlags {
  /** Takes an addressee object before its content ("told Channel One that"). */
  obj: boolean;
  /** Content may be a bare clause with no "that" ("said the talks failed"). */
  bare: boolean;
  /** Content may come first ("..., Putin said"). */
  pre: boolean;
  /** Speaker may follow the verb ("..., said Putin"). */
  inv: boolean;
  /** Content may be an infinitive ("promised to"). */
  to: boolean;
  /** Content may be a noun phrase ("denied the report"). */
  np: boolean;
  /** With a noun-phrase object and "as", the verb names an act, not a statement ("recognised the republics as states"). */
  act?: boolean;
}

export interface VerbCue {
  lemma: string;
  cls: CueClass;
  flags: CueFlags;
}

export type PhraseFrame = 'according' | 'post' | 'statement' | 'impersonal';

export interface PhraseCue {
  lemma: string;
  cls: CueClass;
  frame: PhraseFrame;
}

export type HedgeScope = 'sentence' | 'after' | 'clause';
export interface HedgeCue {
  kind: string;
  scope: HedgeScope;
  /** Lemma of the speakerless claim the hedge introduces ("there are reports that ..."), or null. */
  claim: string | null;
}

export interface AttributionLexicon {
  verbs: ReadonlyMap<string, VerbCue>;
  phrases: PhraseMatcher<PhraseCue>;
  /** Light-verb form to its lemma ("voiced" -> "voice"). */
  lightVerbs: ReadonlyMap<string, string>;
  lightNouns: ReadonlySet<string>;
  /** Medium noun (lower case) to the label shown in chains. */
  media: ReadonlyMap<string, string>;
  hedges: PhraseMatcher<HedgeCue>;
  passiveParticiples: PhraseMatcher<string>;
  anonymousHeads: ReadonlySet<string>;
  /** Words marking a phrase as a news organisation ("news agency", "Channel One"). */
  mediaNameWords: ReadonlySet<string>;
  anonymousPhrases: PhraseMatcher<string>;
}

function rows(file: string, columns: number): string[][] {
  const path = dataPath('attribution', file);
  return readWordList(path).map((line, i) => {
    const cells = line.split('\t').map((c) => c.trim());
    if (cells.length < columns) {
      throw new NewsgraphError('bad-data', `${path}: row ${i + 1} has ${cells.length} columns, expected ${columns}`);
    }
    return cells;
  });
}

const CLASSES = new Set<CueClass>(['speech', 'report', 'belief', 'intention', 'source']);
function cueClass(value: string, file: string): CueClass {
  if (!CLASSES.has(value as CueClass)) throw new NewsgraphError('bad-data', `${file}: unknown cue class "${value}"`);
  return value as CueClass;
}

export function loadAttributionLexicon(): AttributionLexicon {
  const verbs = new Map<string, VerbCue>();
  for (const [lemma, cls, forms, flagText] of rows('cues.tsv', 4)) {
    const set = new Set(flagText!.split(','));
    const flags: CueFlags = {
      obj: set.has('obj'),
      bare: set.has('bare'),
      pre: set.has('pre'),
      inv: set.has('inv'),
      to: set.has('to'),
      np: set.has('np'),
      act: set.has('act'),
    };
    for (const form of forms!.split('|')) verbs.set(form.toLowerCase(), { lemma: lemma!, cls: cueClass(cls!, 'cues.tsv'), flags });
  }

  const phrases = new PhraseMatcher<PhraseCue>(
    rows('phrase-cues.tsv', 4).map(([pattern, lemma, cls, frame]) => ({
      steps: parsePattern(pattern!),
      value: { lemma: lemma!, cls: cueClass(cls!, 'phrase-cues.tsv'), frame: frame as PhraseFrame },
    })),
  );

  const lightRows = rows('light-verbs.tsv', 3);
  const lightVerbs = new Map<string, string>();
  for (const [kind, lemma, words] of lightRows) {
    if (kind === 'verb') for (const w of words!.toLowerCase().split('|')) lightVerbs.set(w, lemma!);
  }
  const lightNouns = new Set(lightRows.filter(([k]) => k === 'noun').flatMap(([, , words]) => words!.toLowerCase().split('|')));

  const media = new Map(rows('media-nouns.tsv', 2).map(([word, label]) => [word!.toLowerCase(), label!]));

  const hedges = new PhraseMatcher<HedgeCue>(
    rows('hedges.tsv', 4).map(([pattern, kind, scope, claim]) => ({
      steps: parsePattern(pattern!),
      value: { kind: kind!, scope: scope === 'after' || scope === 'clause' ? scope : 'sentence', claim: claim === '-' ? null : claim! },
    })),
  );

  const passiveParticiples = new PhraseMatcher<string>(
    rows('passive-claims.tsv', 1).map(([pattern]) => ({ steps: parsePattern(pattern!), value: pattern! })),
  );

  const anon = rows('anonymous-sources.tsv', 2);
  const anonymousHeads = new Set(anon.filter(([k]) => k === 'head').flatMap(([, p]) => p!.toLowerCase().split('|')));
  const anonymousPhrases = new PhraseMatcher<string>(
    anon.filter(([k]) => k === 'phrase').map(([, p]) => ({ steps: parsePattern(p!), value: p! })),
  );

  return {
    verbs,
    phrases,
    lightVerbs,
    lightNouns,
    media,
    hedges,
    passiveParticiples,
    anonymousHeads,
    anonymousPhrases,
    mediaNameWords: new Set(readWordList(dataPath('attribution', 'media-names.txt')).map((w) => w.toLowerCase())),
  };
}

let shared: AttributionLexicon | null = null;
export function attributionLexicon(): AttributionLexicon {
  shared ??= loadAttributionLexicon();
  return shared;
}
