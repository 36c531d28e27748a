/**
 * Label sets. The model decodes BILOU internally (Begin, Inside, Last, Unit,
 * Outside: better than BIO for a linear model because single-token names and
 * name ends get their own weights) and speaks BIO to the outside.
 */
export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Label index: 0 = O, then 1 + 4*type + {0:B, 1:I, 2:L, 3:U}. */
export const NUM_LABELS = 1 + 4 * ENTITY_TYPES.length;
export const POS_B = 0;
export const POS_I = 1;
export const POS_L = 2;
export const POS_U = 3;

export function labelOf(type: number, pos: number): number {
  return 1 + 4 * type + pos;
}
/** Entity type index of a label, or -1 for O. */
export function typeOfLabel(label: number): number {
  return label === 0 ? -1 : (label - 1) >> 2;
}
export function posOfLabel(label: number): number {
  return label === 0 ? -1 : (label - 1) & 3;
}

export function typeIndex(name: string): number {
  return (ENTITY_TYPES as readonly string[]).indexOf(name);
}

export const LABEL_NAMES: string[] = ['O'];
for (const t of ENTITY_TYPES) for (const p of ['B', 'I', 'L', 'U']) LABEL_NAMES.push(`${p}-${t}`);

/**
 * Allowed BILOU transitions, as a flat NUM_LABELS x NUM_LABELS 0/1 table,
 * plus which labels may start and end a sentence.
 */
export interface TransitionRules {
  allowed: Uint8Array;
  canStart: Uint8Array;
  canEnd: Uint8Array;
}

export function bilouRules(): TransitionRules {
  const L = NUM_LABELS;
  const allowed = new Uint8Array(L * L);
  const canStart = new Uint8Array(L);
  const canEnd = new Uint8Array(L);
  for (let a = 0; a < L; a++) {
    const ta = typeOfLabel(a);
    const pa = posOfLabel(a);
    const open = pa === POS_B || pa === POS_I; // inside an unfinished name
    canStart[a] = pa === -1 || pa === POS_B || pa === POS_U ? 1 : 0;
    canEnd[a] = pa === -1 || pa === POS_L || pa === POS_U ? 1 : 0;
    for (let b = 0; b < L; b++) {
      const tb = typeOfLabel(b);
      const pb = posOfLabel(b);
      const continues = pb === POS_I || pb === POS_L;
      allowed[a * L + b] = (open ? continues && ta === tb : !continues) ? 1 : 0;
    }
  }
  return { allowed, canStart, canEnd };
}

/** A mention in token indices: [startToken, endToken). */
export interface TokenMention {
  startToken: number;
  endToken: number;
  type: string;
}

/**
 * Mentions from BIO (IOB2) tags. Lenient like conlleval: an I- tag that does
 * not continue a mention of the same type opens a new one, so IOB1 input and
 * broken sequences still give sensible spans.
 */
export function bioToMentions(tokens: readonly string[], tags: readonly string[]): TokenMention[] {
  if (tokens.length !== tags.length) {
    throw new RangeError(`bioToMentions: ${tokens.length} tokens but ${tags.length} tags`);
  }
  const out: TokenMention[] = [];
  let open: TokenMention | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const prefix = tag.charAt(0);
    const type = tag.length > 2 && tag.charAt(1) === '-' ? tag.slice(2) : '';
    if (prefix === 'I' && open && open.type === type) {
      open.endToken = i + 1;
      continue;
    }
    if (open) out.push(open);
    open = (prefix === 'B' || prefix === 'I') && type !== '' ? { startToken: i, endToken: i + 1, type } : null;
  }
  if (open) out.push(open);
  return out;
}

/** BIO strings to BILOU label indices (unknown types count as O). */
export function bioToBilou(tags: readonly string[]): Uint8Array {
  const out = new Uint8Array(tags.length);
  for (const m of bioToMentions(tags.map(() => ''), tags)) {
    const t = typeIndex(m.type);
    if (t < 0) continue;
    if (m.endToken - m.startToken === 1) {
      out[m.startToken] = labelOf(t, POS_U);
      continue;
    }
    out[m.startToken] = labelOf(t, POS_B);
    for (let i = m.startToken + 1; i < m.endToken - 1; i++) out[i] = labelOf(t, POS_I);
    out[m.endToken - 1] = labelOf(t, POS_L);
  }
  return out;
}

/** BIO tag of each BILOU label (shared strings: no allocation per token). */
const BIO_OF_LABEL: string[] = LABEL_NAMES.map((n) => (n === 'O' ? 'O' : (n[0] === 'B' || n[0] === 'U' ? 'B-' : 'I-') + n.slice(2)));

/** BILOU label indices to BIO strings. */
export function bilouToBio(labels: ArrayLike<number>): string[] {
  const out: string[] = new Array<string>(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = BIO_OF_LABEL[labels[i]!]!;
  return out;
}
