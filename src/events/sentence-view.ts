/**
 * What the coder sees of one sentence: its words with lemmas and POS, and
 * the actor mentions in it as word ranges. Built once per sentence so that
 * pattern matching and argument finding work on small arrays.
 */
import type { Actor, Mention, Token } from '../doc/schema.js';
import type { Lemmatizer } from './lemmas.js';

export interface Word {
  /** Index in the document's tokens layer. */
  token: number;
  lower: string;
  lemmas: readonly string[];
  pos: string;
  /** Punctuation: skipped when counting gaps. */
  punct: boolean;
}

export interface ActorSpan {
  /** First word (index into SentenceView.words). */
  start: number;
  /** One past the last word. */
  end: number;
  mention: number;
  actorId: string | null;
  code: string | null;
  pronoun: boolean;
  /** A demonym glued into a compound modifier ("Russian-backed"): not an argument. */
  modifier: boolean;
}

export interface SentenceView {
  words: Word[];
  actors: ActorSpan[];
  /** Word index -> actor span covering it (or undefined). */
  actorAt: (ActorSpan | undefined)[];
}

/** The CAMEO code an actor stands for: its own, else country + role. */
export function actorCode(actor: Actor | undefined): string | null {
  if (!actor) return null;
  if (actor.code) return actor.code;
  if (actor.country) return actor.country + (actor.role && /^[A-Z]{3}$/.test(actor.role) ? actor.role : '');
  return null;
}

export function buildSentenceView(
  tokens: readonly Token[],
  first: number,
  end: number,
  norm: string,
  lemmatizer: Lemmatizer,
  mentionsInSentence: readonly { index: number; mention: Mention }[],
  actorsById: ReadonlyMap<string, Actor>,
): SentenceView {
  const words: Word[] = [];
  for (let t = first; t < end; t++) {
    const tok = tokens[t]!;
    const lower = norm.slice(tok.start, tok.end).toLowerCase();
    words.push({ token: t, lower, lemmas: lemmatizer.lemmas(lower), pos: tok.pos, punct: tok.pos === 'PUNCT' || tok.pos === 'SYM' });
  }
  const actors: ActorSpan[] = [];
  const actorAt: (ActorSpan | undefined)[] = new Array(words.length);
  for (const { index, mention } of mentionsInSentence) {
    // token range of the mention, by offsets
    let s = -1;
    let e = -1;
    for (let i = 0; i < words.length; i++) {
      const tok = tokens[words[i]!.token]!;
      if (tok.end > mention.start && tok.start < mention.end) {
        if (s === -1) s = i;
        e = i + 1;
      }
    }
    if (s === -1) continue;
    if (actorAt.slice(s, e).some((a) => a !== undefined)) continue; // overlapping mentions: the first (outer) one wins
    const actor = mention.actorId ? actorsById.get(mention.actorId) : undefined;
    const nextWord = words[e];
    const span: ActorSpan = {
      start: s,
      end: e,
      mention: index,
      actorId: mention.actorId,
      code: actorCode(actor),
      pronoun: mention.kind === 'pronoun',
      modifier: nextWord !== undefined && (nextWord.lower === '-' || /^-\p{L}/u.test(nextWord.lower)) && mention.kind !== 'pronoun',
    };
    actors.push(span);
    for (let i = s; i < e; i++) actorAt[i] = span;
  }
  actors.sort((a, b) => a.start - b.start);
  return { words, actors, actorAt };
}
