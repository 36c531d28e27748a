/**
 * The event lexicon: verb rules (data/events/verbs.tsv) and complement rules
 * (data/events/complements.tsv), parsed into patterns over token lemmas.
 * Format and rationale: data/events/README.md.
 */
import fs from 'node:fs';
import { NewsgraphError } from '../util/errors.js';
import { dataPath } from '../util/data-files.js';
import { Lemmatizer } from './lemmas.js';

export const FRAMES = ['appeal', 'intent', 'demand', 'reject', 'threaten', 'reduce', 'act'] as const;
export type Frame = (typeof FRAMES)[number];

/** Default code of a frame when its complement names nothing more specific. */
export const FRAME_BASE: Record<Frame, string | null> = {
  appeal: '020',
  intent: '030',
  demand: '100',
  reject: '120',
  threaten: '130',
  reduce: '160',
  act: null,
};

/** One alternative of a pattern item: lemmas of consecutive tokens ("human_shield" -> [human, shield]). */
export type Alternative = readonly string[];

export interface PatternItem {
  alternatives: readonly Alternative[];
  /** Written with an "_" alternative: may be absent. */
  optional: boolean;
  /** How many words may come before this item (after the previous one). */
  maxGap: number;
  /** Written with a leading "<": looked for in the clause before the verb ("<suicide_bomber"). */
  before?: boolean;
}

export type RuleOutcome =
  | { kind: 'code'; code: string }
  | { kind: 'none' }
  | { kind: 'frame'; frame: Frame; fallback: string | null };

export interface VerbRule {
  /** "verbs.tsv:42": where the rule is written, reported with each event. */
  id: string;
  head: string;
  pattern: readonly PatternItem[];
  outcome: RuleOutcome;
  /** File order: earlier rows win ties. */
  order: number;
}

export interface ComplementRule {
  id: string;
  pattern: readonly PatternItem[];
  codes: Readonly<Record<Frame, string | null>>;
  order: number;
}

export interface EventLexicon {
  lemmatizer: Lemmatizer;
  /** Verb rules by head lemma. */
  rulesByHead: ReadonlyMap<string, readonly VerbRule[]>;
  complements: readonly ComplementRule[];
  verbRules: readonly VerbRule[];
  /** Code of an act -> code when told in the future, as an obligation, or negated (data/events/intent.tsv). */
  modalCodes: Readonly<Record<Modality, ReadonlyMap<string, string>>>;
}

export type Modality = 'future' | 'demand' | 'refuse';

/** The code for an act told with a modality: the code's own row, else its parent's, else its root's. */
export function modalCode(lexicon: EventLexicon, modality: Modality, code: string): string | null {
  const map = lexicon.modalCodes[modality];
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const hit = map.get(c);
    if (hit) return hit;
  }
  return null;
}

export function futureCode(lexicon: EventLexicon, code: string): string | null {
  return modalCode(lexicon, 'future', code);
}

export function parseModalCodes(file: string, text: string): Record<Modality, Map<string, string>> {
  const maps = { future: new Map<string, string>(), demand: new Map<string, string>(), refuse: new Map<string, string>() };
  for (const row of readRows(file, text, ['code', 'future', 'demand', 'refuse'])) {
    const [code = '', ...rest] = row.cells.map((c) => c.trim());
    if (!/^\d{2,4}$/.test(code)) throw new NewsgraphError('bad-data', `${file}:${row.line}: bad code "${code}"`);
    (['future', 'demand', 'refuse'] as const).forEach((m, i) => {
      const v = rest[i] ?? '';
      if (v === '') return;
      if (!/^\d{3,4}$/.test(v)) throw new NewsgraphError('bad-data', `${file}:${row.line}: bad ${m} code "${v}"`);
      maps[m].set(code, v);
    });
  }
  return maps;
}

/** Gap before the first pattern item, before later items, and before a particle of a multi-word verb. */
const FIRST_GAP = 10;
const NEXT_GAP = 6;
const PARTICLE_GAP = 2;
const COMPLEMENT_FIRST_GAP = 14;
const COMPLEMENT_NEXT_GAP = 3;

function parseAlternatives(cell: string): { alternatives: Alternative[]; optional: boolean } {
  const alternatives: Alternative[] = [];
  let optional = false;
  for (const raw of cell.split('|')) {
    const alt = raw.trim().toLowerCase();
    if (alt === '_' || alt === '') {
      optional = true;
      continue;
    }
    const pieces = alt.split('_').filter((p) => p !== '');
    alternatives.push(pieces);
    // "de-escalate" may be one token or three ("de", "-", "escalate"): accept both.
    if (pieces.some((p) => p.includes('-'))) alternatives.push(pieces.flatMap((p) => p.split('-')).filter((p) => p !== ''));
  }
  return { alternatives, optional };
}

export function parsePattern(text: string, firstGap: number, nextGap: number): PatternItem[] {
  const cells = text.trim() === '' ? [] : text.trim().split(/\s+/);
  const items: PatternItem[] = [];
  for (const cell of cells) {
    const before = cell.startsWith('<');
    const after = items.filter((it) => !it.before).length;
    items.push({ ...parseAlternatives(before ? cell.slice(1) : cell), maxGap: after === 0 ? firstGap : nextGap, ...(before ? { before } : {}) });
  }
  return items;
}

function parseOutcome(file: string, line: number, cell: string): RuleOutcome {
  const code = cell.trim();
  if (code === '-') return { kind: 'none' };
  if (/^\d{2,4}$/.test(code)) return { kind: 'code', code };
  const m = /^@(\w+)(?::(\d{2,4}|-))?$/.exec(code);
  if (m && (FRAMES as readonly string[]).includes(m[1]!)) {
    const fallback = m[2] === undefined ? FRAME_BASE[m[1] as Frame] : m[2] === '-' ? null : m[2];
    return { kind: 'frame', frame: m[1] as Frame, fallback };
  }
  throw new NewsgraphError('bad-data', `${file}:${line}: bad code "${cell}" (a CAMEO code, "-", or @frame[:default])`);
}

interface Row {
  line: number;
  cells: string[];
}

function readRows(file: string, text: string, header: string[]): Row[] {
  const rows: Row[] = [];
  let seenHeader = false;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const cells = line.split('\t');
    if (!seenHeader) {
      if (header.some((h, j) => cells[j] !== h)) throw new NewsgraphError('bad-data', `${file}: header must start with ${header.join(', ')}`);
      seenHeader = true;
      return;
    }
    rows.push({ line: i + 1, cells });
  });
  return rows;
}

export function parseVerbRules(file: string, text: string, lemmatizer: Lemmatizer): VerbRule[] {
  const name = file.split('/').pop()!;
  const rules: VerbRule[] = [];
  for (const row of readRows(file, text, ['verbs', 'pattern', 'code'])) {
    const [verbs = '', pattern = '', code = ''] = row.cells;
    const outcome = parseOutcome(file, row.line, code);
    const items = parsePattern(pattern, FIRST_GAP, NEXT_GAP);
    for (const item of items) for (const alt of item.alternatives) for (const p of alt) lemmatizer.add(p, false);
    for (const verb of verbs.split('|').map((v) => v.trim().toLowerCase()).filter((v) => v !== '')) {
      const [head, ...particles] = verb.split('_');
      lemmatizer.add(head!, true);
      const particleItems: PatternItem[] = particles.map((p) => ({ alternatives: [[p]], optional: false, maxGap: PARTICLE_GAP }));
      rules.push({ id: `${name}:${row.line}`, head: head!, pattern: [...particleItems, ...items], outcome, order: rules.length });
    }
  }
  return rules;
}

export function parseComplementRules(file: string, text: string, lemmatizer: Lemmatizer): ComplementRule[] {
  const name = file.split('/').pop()!;
  const rules: ComplementRule[] = [];
  for (const row of readRows(file, text, ['content', ...FRAMES])) {
    const pattern = parsePattern(row.cells[0] ?? '', COMPLEMENT_FIRST_GAP, COMPLEMENT_NEXT_GAP);
    for (const item of pattern) for (const alt of item.alternatives) for (const p of alt) lemmatizer.add(p, false);
    const codes = {} as Record<Frame, string | null>;
    FRAMES.forEach((frame, i) => {
      const cell = (row.cells[i + 1] ?? '').trim();
      if (cell !== '' && !/^\d{2,4}$/.test(cell)) throw new NewsgraphError('bad-data', `${file}:${row.line}: bad code "${cell}" in column ${frame}`);
      codes[frame] = cell === '' ? null : cell;
    });
    rules.push({ id: `${name}:${row.line}`, pattern, codes, order: rules.length });
  }
  return rules;
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new NewsgraphError('bad-data', `cannot read event lexicon ${file}: ${(e as Error).message}`);
  }
}

export function buildEventLexicon(
  verbFiles: readonly { file: string; text: string }[],
  complementFiles: readonly { file: string; text: string }[],
  futureFile: { file: string; text: string } | null = null,
): EventLexicon {
  const lemmatizer = new Lemmatizer();
  const verbRules = verbFiles.flatMap((f) => parseVerbRules(f.file, f.text, lemmatizer));
  verbRules.forEach((r, i) => (r.order = i));
  const complements = complementFiles.flatMap((f) => parseComplementRules(f.file, f.text, lemmatizer));
  complements.forEach((r, i) => (r.order = i));
  const rulesByHead = new Map<string, VerbRule[]>();
  for (const r of verbRules) {
    const list = rulesByHead.get(r.head) ?? [];
    list.push(r);
    rulesByHead.set(r.head, list);
  }
  const modalCodes = futureFile ? parseModalCodes(futureFile.file, futureFile.text) : { future: new Map(), demand: new Map(), refuse: new Map() };
  return { lemmatizer, rulesByHead, complements, verbRules, modalCodes };
}

let shipped: EventLexicon | null = null;
/** The shipped lexicon plus optional user verb files (same format), whose rows come after. */
export function loadEventLexicon(extraVerbFiles: readonly string[] = []): EventLexicon {
  if (extraVerbFiles.length === 0 && shipped) return shipped;
  const verbs = [dataPath('events', 'verbs.tsv'), ...extraVerbFiles].map((file) => ({ file, text: readText(file) }));
  const complements = [dataPath('events', 'complements.tsv')].map((file) => ({ file, text: readText(file) }));
  const intent = dataPath('events', 'intent.tsv');
  const lexicon = buildEventLexicon(verbs, complements, { file: intent, text: readText(intent) });
  if (extraVerbFiles.length === 0) shipped = lexicon;
  return lexicon;
}

/** Every CAMEO code the lexicon can produce (verb rules, frame defaults and complement cells). */
export function lexiconCodes(lexicon: EventLexicon): Set<string> {
  const codes = new Set<string>();
  for (const r of lexicon.verbRules) {
    if (r.outcome.kind === 'code') codes.add(r.outcome.code);
    if (r.outcome.kind === 'frame' && r.outcome.fallback) codes.add(r.outcome.fallback);
  }
  for (const c of lexicon.complements) for (const code of Object.values(c.codes)) if (code) codes.add(code);
  for (const base of Object.values(FRAME_BASE)) if (base) codes.add(base);
  for (const map of Object.values(lexicon.modalCodes)) for (const c of map.values()) codes.add(c);
  return codes;
}
