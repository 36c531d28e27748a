/**
 * Who did it and to whom: the source and target actors of a verb, found from
 * POS tags and function words, PETRARCH-style but without a parser. Handles
 * subject–verb–object, passives ("was attacked by X"), relative clauses
 * ("X, which attacked Y"), coordinated subjects ("X and Y agreed"),
 * infinitival and coordinated verbs inheriting their subject ("X agreed to
 * expand", "X met Y and signed"), and prepositional targets ("met with X",
 * "sent a letter to X").
 */
import type { ActorSpan, SentenceView, Word } from './sentence-view.js';

/** Words that end a clause when scanning for arguments. */
export const CLAUSE_BOUNDARY = new Set([
  ';', ':', '?', '!', 'because', 'although', 'though', 'whereas', 'while', 'but', 'unless', 'until', 'if', 'when', 'whether', 'after', 'before', 'since', 'once', 'where', 'whom', 'whose',
]);
const RELATIVE = new Set(['who', 'which', 'that']);
/** Prepositions that introduce a target ("met with X", "fired at X"). */
const TARGET_PREPOSITIONS = new Set(['to', 'with', 'between', 'among', 'against', 'on', 'at', 'toward', 'towards', 'into', 'upon', 'over', 'for', 'of', 'onto', 'from']);
/** Prepositions whose object is never a subject ("In Moscow, Putin said"). */
const NON_SUBJECT_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'on', 'with', 'to', 'for', 'by', 'during', 'after', 'before', 'against', 'over', 'under', 'into', 'between', 'among', 'across', 'toward', 'towards', 'about', 'than', 'like', 'as', 'via', 'through', 'inside', 'outside', 'within', 'behind', 'amid']);
const COORDINATORS = new Set(['and', ',', '&', 'or', 'nor']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we']);
const PERSON_PRONOUNS = new Set(['he', 'she']);

/** Whether an unlinked subject pronoun can stand for an actor of this entity type: "it" not for a person, "he"/"she" only for one. */
export function pronounFits(pronoun: string, type: string | undefined): boolean {
  if (pronoun === 'it') return type !== 'PER';
  if (PERSON_PRONOUNS.has(pronoun)) return type === 'PER';
  return true;
}

export interface SubjectResult {
  actors: ActorSpan[];
  /** An unlinked pronoun subject ("It had recognised"), lower case: the caller may resolve it. */
  pronoun: string | null;
  /** A verb the scan stopped at whose subject this verb may share. */
  sharedWith: number | null;
}

/**
 * Actors coordinated with `anchor` ("Russia and China", "Iran, Iraq and
 * Syria"). A comma alone does not coordinate ("Kim Jong Un, Pyongyang's state
 * media reported"): a comma-joined list must close with "and"/"or".
 */
function compound(view: SentenceView, anchor: ActorSpan, direction: -1 | 1): ActorSpan[] {
  const out = [anchor];
  const links: string[] = [];
  let cur = anchor;
  for (;;) {
    let j = direction === 1 ? cur.end : cur.start - 1;
    const w = view.words[j];
    if (!w || !COORDINATORS.has(w.lower)) break;
    let link = w.lower;
    if (link === ',' && ['and', 'or'].includes(view.words[j + direction]?.lower ?? '')) {
      j += direction;
      link = 'and';
    }
    const next = view.actorAt[j + direction];
    if (!next || next.modifier || (direction === 1 ? next.start !== j + 1 : next.end !== j)) break;
    links.push(link);
    out.push(next);
    cur = next;
  }
  // keep the list only up to where it is closed by "and"/"or"
  let keep = out.length;
  if (links.includes(',')) {
    const closer = direction === 1 ? links.findIndex((l) => l !== ',') : links.findIndex((l) => l !== ',');
    keep = direction === 1 ? (closer === -1 ? 1 : out.length) : links[0] === ',' ? 1 : out.length;
  }
  const kept = out.slice(0, keep);
  return direction === 1 ? kept : kept.reverse();
}

function compoundLeft(view: SentenceView, last: ActorSpan): ActorSpan[] {
  return compound(view, last, -1);
}

export function compoundRight(view: SentenceView, firstActor: ActorSpan): ActorSpan[] {
  return compound(view, firstActor, 1);
}

function isVerb(w: Word): boolean {
  return w.pos === 'VERB';
}

/**
 * Subject of the verb group starting at word `groupStart`: the nearest actor
 * to the left in the same clause that is not the object of a preposition.
 */
export function findSubject(view: SentenceView, groupStart: number): SubjectResult {
  const words = view.words;
  let i = groupStart - 1;
  // relative clause: "the group, which attacked ..." / "Kim, who met ..."
  if (i >= 0 && RELATIVE.has(words[i]!.lower)) {
    let j = i - 1;
    while (j >= 0 && words[j]!.punct) j--;
    const ante = j >= 0 ? view.actorAt[j] : undefined;
    if (ante && !ante.modifier) return { actors: compoundLeft(view, ante), pronoun: null, sharedWith: null };
    if (words[i]!.lower !== 'that') return { actors: [], pronoun: null, sharedWith: null };
  }
  let crossedLink = false;
  while (i >= 0) {
    const w = words[i]!;
    const actor = view.actorAt[i];
    if (actor) {
      const before = words[actor.start - 1];
      // the preposition may stand before a determiner or adjective: "in a St. Petersburg subway train"
      let p = actor.start - 1;
      while (p >= 0 && ['DET', 'ADJ', 'NUM'].includes(words[p]!.pos)) p--;
      const preposition = words[p];
      if (actor.modifier || (preposition && NON_SUBJECT_PREPOSITIONS.has(preposition.lower) && preposition.lower !== 'of')) {
        i = actor.start - 1;
        continue;
      }
      // "he"/"she" the linker could not place (it weighs gender and quotations) is nobody the caller should guess
      if (actor.pronoun && actor.actorId === null) return { actors: [], pronoun: PERSON_PRONOUNS.has(words[actor.start]!.lower) ? null : words[actor.start]!.lower, sharedWith: null };
      // "the president of France": the head before "of" is the subject, the actor after it names whose
      if (before?.lower === 'of') {
        const head = view.actorAt[actor.start - 2];
        if (head && !head.modifier) return { actors: compoundLeft(view, head), pronoun: null, sharedWith: null };
      }
      return { actors: compoundLeft(view, actor), pronoun: null, sharedWith: null };
    }
    if (w.pos === 'PRON' && SUBJECT_PRONOUNS.has(w.lower)) return { actors: [], pronoun: w.lower, sharedWith: null };
    if (isVerb(w)) return { actors: [], pronoun: null, sharedWith: crossedLink || words[i + 1]?.lower === 'to' || words[groupStart - 1]?.lower === 'to' ? i : null };
    if (CLAUSE_BOUNDARY.has(w.lower) || (RELATIVE.has(w.lower) && w.lower !== 'that')) return { actors: [], pronoun: null, sharedWith: null };
    if (w.lower === 'that') return { actors: [], pronoun: null, sharedWith: null };
    if (w.lower === ',') {
      // skip a relative clause between subject and verb: "Macron, who has criticised Trump's policy, decried ..."
      let k = i - 1;
      while (k >= 0 && words[k]!.lower !== ',' && !CLAUSE_BOUNDARY.has(words[k]!.lower)) k--;
      if (k >= 0 && words[k]!.lower === ',' && ['who', 'which', 'whose', 'where'].includes(words[k + 1]?.lower ?? '')) {
        i = k - 1;
        continue;
      }
    }
    if (w.lower === 'and' || w.lower === 'to' || w.lower === ',') crossedLink = true;
    i--;
  }
  return { actors: [], pronoun: null, sharedWith: null };
}

export interface ObjectResult {
  actors: ActorSpan[];
  /** No actor, but a direct-object noun phrase (word range) that is the target. */
  phrase: { start: number; end: number } | null;
}

const NP_INTERNAL_POS = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PART', 'PUNCT']);

/**
 * Target of a verb: an actor in the direct-object noun phrase, else the first
 * actor introduced by a target preposition, following "to"-infinitives
 * ("offered troops to help Russia"); stops at the end of the clause.
 * `skip` marks words the rule's pattern used (they are the content, not the target).
 */
export function findObject(view: SentenceView, from: number, end: number, allowDirect: boolean, skip: (i: number) => boolean, throughThat = false): ObjectResult {
  const words = view.words;
  let phrase: { start: number; end: number } | null = null;
  let i = from;
  // direct object noun phrase
  if (allowDirect) {
    let j = i;
    while (j < end && (NP_INTERNAL_POS.has(words[j]!.pos) || view.actorAt[j] || (words[j]!.pos === 'VERB' && words[j - 1]?.lower === '-'))) {
      const a = view.actorAt[j];
      if (a && !a.modifier && !skip(j) && !a.pronoun) {
        // a possessor in the object NP is the target too: "criticised Russia's decision"
        return { actors: compoundRight(view, a), phrase: null };
      }
      if (a?.pronoun && a.actorId !== null) return { actors: [a], phrase: null };
      if (words[j]!.pos === 'PUNCT' && !['"', '“', '”', "'", '-', '’', '‘'].includes(words[j]!.lower)) break;
      j = a ? a.end : j + 1;
    }
    let used = false;
    for (let k = i; k < j; k++) if (skip(k)) used = true;
    const hasNoun = words.slice(i, j).some((w) => w.pos === 'NOUN' || w.pos === 'PROPN');
    if (j > i && !used && hasNoun) {
      let s = i;
      let e = j;
      while (s < e && words[s]!.punct) s++;
      while (e > s && words[e - 1]!.punct && !['"', '”', '’'].includes(words[e - 1]!.lower)) e--;
      if (e > s) phrase = { start: s, end: e };
    }
    i = j;
  }
  // prepositional targets, through infinitival complements
  for (; i < end; i++) {
    const w = words[i]!;
    // a framed verb's content clause ("expressed hope that cooperation with X ...") still names the target
    if (throughThat && w.lower === 'that') continue;
    if (CLAUSE_BOUNDARY.has(w.lower) || RELATIVE.has(w.lower)) break;
    if (isVerb(w) && !skip(i)) {
      if (throughThat && !chainedVerb(view, i, from)) break;
      let p = i - 1;
      while (p > from && words[p]!.punct) p--;
      const prev = words[p];
      const chained = prev && (prev.lower === 'to' || isVerb(prev) || skip(i - 1));
      if (!chained) break;
      // the embedded verb's own direct object
      const inner = findObject(view, i + 1, end, true, skip);
      if (inner.actors.length > 0) return { actors: inner.actors, phrase };
      continue;
    }
    if (TARGET_PREPOSITIONS.has(w.lower) || (w.pos === 'ADP' && w.lower === 'with')) {
      // skip determiners/adjectives to the actor
      let j = i + 1;
      while (j < end && !view.actorAt[j] && ['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PUNCT'].includes(words[j]!.pos) && j - i <= 5) j++;
      const a = view.actorAt[j];
      if (a && !a.modifier && !skip(j) && !(a.pronoun && a.actorId === null)) {
        return { actors: compoundRight(view, a), phrase };
      }
    }
  }
  return { actors: [], phrase };
}

function chainedVerb(view: SentenceView, i: number, from: number): boolean {
  let p = i - 1;
  while (p > from && view.words[p]!.punct) p--;
  const prev = view.words[p];
  return prev !== undefined && (prev.lower === 'to' || prev.pos === 'VERB');
}

/** The actor after "by" following a passive verb ("was attacked by rebels"). */
export function findAgent(view: SentenceView, from: number, end: number): ActorSpan[] {
  for (let i = from; i < end && i < from + 6; i++) {
    const w = view.words[i]!;
    if (CLAUSE_BOUNDARY.has(w.lower)) break;
    if (w.lower === 'by') {
      let j = i + 1;
      while (j < end && !view.actorAt[j] && ['DET', 'ADJ', 'NUM'].includes(view.words[j]!.pos)) j++;
      const a = view.actorAt[j];
      if (a && !a.modifier) return compoundRight(view, a);
      return [];
    }
  }
  return [];
}
