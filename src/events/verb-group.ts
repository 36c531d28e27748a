/**
 * The auxiliaries and adverbs in front of a verb: they say whether the event
 * is negated ("did not attack"), hypothetical ("would help", "will meet"),
 * passive ("was attacked") or hedged by an adverb ("reportedly offered").
 */
import type { Word } from './sentence-view.js';

const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'cannot']);
const MODALS = new Set(['would', 'could', 'might', 'may', 'should', 'will', "'ll", 'shall', 'can', 'must', 'ought', "'d"]);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re", 'am', 'get', 'gets', 'got', 'gotten', 'getting']);
const HEDGE_ADVERBS = new Set(['reportedly', 'allegedly', 'purportedly', 'apparently', 'possibly', 'probably', 'perhaps', 'maybe', 'supposedly', 'seemingly', 'likely', 'presumably', 'ostensibly']);
/** Words before a verb that make it a plan or condition ("if X expresses", "plans to", "is expected to"). */
const HYPOTHETICAL_CUES = new Set(['if', 'unless', 'whether', 'expected', 'set', 'likely', 'going', 'poised', 'ready', 'plan', 'plans', 'planned', 'planning', 'proposed', 'propose', 'proposes', 'intend', 'intends', 'would-be', 'hope', 'hopes', 'hoped', 'want', 'wants', 'wanted']);

export interface VerbGroup {
  /** First word of the group (auxiliaries and adverbs included). */
  start: number;
  negated: boolean;
  hypothetical: boolean;
  passive: boolean;
  hedgedByAdverb: boolean;
  /** Told as future or possible ("will provide", "would release", "may halt", "plans to"): CAMEO codes the intent. */
  future: boolean;
  /** Told as an obligation ("must release", "needs to lift"): CAMEO codes a demand. */
  obligation: boolean;
  /**
   * When the verb group places the act, as far as its form tells: 'past' ("attacked", "has attacked",
   * "was attacked", "did not attack"), 'future' ("will attack", "would attack", "must attack"), else null
   * (present, bare infinitive, or a form that could be either: "hit", "put"). Dates use it to read a bare
   * weekday ("on Monday") as the one before or after publication.
   */
  tense: Tense;
}

export type Tense = 'past' | 'future' | null;
/** Auxiliaries that put the act in the past: perfect ("has attacked") and past forms of be and do. */
const PAST_AUX = new Set(['was', 'were', 'had', 'has', 'have', "'ve", 'did', 'been']);
const PERFECT_AUX = new Set(['had', 'has', 'have', "'ve", 'been']);
/** Auxiliaries that put it in the present ("is attacked", "are attacking", "does not attack"). */
const PRESENT_AUX = new Set(['is', 'are', 'am', "'s", "'re", "'m", 'do', 'does']);

/** The past or participle form of a verb: an inflection of a known lemma other than -s and -ing ("attacked", "sent"). */
function pastForm(w: Word): boolean {
  if (w.lemmas.length === 0 || w.lemmas.includes(w.lower) || w.lower.endsWith('ing')) return false;
  const thirdPerson = w.lemmas.some((l) => w.lower === `${l}s` || w.lower === `${l}es` || (l.endsWith('y') && w.lower === `${l.slice(0, -1)}ies`));
  return !thirdPerson;
}
const OBLIGATION = new Set(['must', 'should', 'ought']);
const FUTURE_MODALS = new Set(['will', "'ll", 'shall', 'would', "'d", 'may', 'might', 'could']);
const FUTURE_CUES = new Set(['about', 'plan', 'plans', 'planned', 'planning', 'prepared', 'ready', 'set', 'going', 'poised', 'intends', 'intend', 'intended']);

const IRREGULAR_PARTICIPLE = /^(sent|met|held|sought|left|told|written|struck|fought|shot|laid|paid|brought|led|broken|forgiven|withdrawn|thrown|blown|beaten|flown|begun|driven|overrun|retaken|spoken|won|put|cut|set|hit|let|frozen|hung|shown|fled|kept|known|found|seen|built|lost|made|taken|given|said|slain|sworn|done|gone)$/;

export function looksLikeParticiple(lower: string): boolean {
  return lower.endsWith('ed') || IRREGULAR_PARTICIPLE.test(lower) || /[^aeiou]en$/.test(lower);
}

export function analyseVerbGroup(words: readonly Word[], verb: number, clauseStart: number): VerbGroup {
  let start = verb;
  let negated = false;
  let hypothetical = false;
  let sawBe = false;
  let hedgedByAdverb = false;
  let future = false;
  let obligation = false;
  for (let i = verb - 1; i >= clauseStart; i--) {
    const w = words[i]!;
    // "Theresa May negotiated": a capitalised name is never the modal
    if (w.pos === 'PROPN') break;
    if (w.pos === 'AUX' || w.pos === 'PART' || w.pos === 'ADV' || NEGATIONS.has(w.lower) || MODALS.has(w.lower)) {
      if (w.lower === 'to') break;
      if (NEGATIONS.has(w.lower)) negated = true;
      if (MODALS.has(w.lower)) hypothetical = true;
      if (FUTURE_MODALS.has(w.lower)) future = true;
      if (OBLIGATION.has(w.lower)) obligation = true;
      if (BE_FORMS.has(w.lower)) sawBe = true;
      if (HEDGE_ADVERBS.has(w.lower)) hedgedByAdverb = true;
      start = i;
      continue;
    }
    break;
  }
  // "to"-infinitive after a plan/condition word, or an "if" earlier in the clause
  for (let i = start - 1; i >= clauseStart && i >= start - 8; i--) {
    const w = words[i]!;
    if (HYPOTHETICAL_CUES.has(w.lower)) {
      if (w.lower === 'if' || w.lower === 'unless' || w.lower === 'whether' || words[i + 1]?.lower === 'to') hypothetical = true;
    }
    if (w.lower === 'failed' && words[i + 1]?.lower === 'to') negated = true;
    if (FUTURE_CUES.has(w.lower) && words[i + 1]?.lower === 'to' && i + 1 === start - 1) future = true;
    if (['need', 'needs', 'has', 'have', 'had'].includes(w.lower) && words[i + 1]?.lower === 'to' && i + 1 === start - 1) obligation = true;
  }
  for (let i = Math.max(0, clauseStart - 1); i < start; i++) if (['if', 'unless'].includes(words[i]!.lower)) hypothetical = true;
  // a negated subject: "No sitting US president has ever met ...", "Neither side attacked"
  for (let i = clauseStart; i < start; i++) if (['no', 'never', 'neither', 'nobody', 'none'].includes(words[i]!.lower) && words[i + 1]?.lower !== 'longer' && words[i + 1]?.lower !== 'doubt') negated = true;
  const lower = words[verb]!.lower;
  const passive = sawBe && looksLikeParticiple(lower) && !lower.endsWith('ing');
  return { start, negated, hypothetical, passive, hedgedByAdverb, future, obligation, tense: tenseOf(words, start, verb, future) };
}

function tenseOf(words: readonly Word[], start: number, verb: number, future: boolean): Tense {
  const aux = words.slice(start, verb).map((w) => w.lower);
  // a perfect is past even after a modal ("could have attacked"), except after "will" ("will have left by Monday")
  if (aux.some((a) => PERFECT_AUX.has(a)) && !aux.some((a) => a === 'will' || a === "'ll" || a === 'shall')) return 'past';
  if (future || aux.some((a) => OBLIGATION.has(a))) return 'future';
  if (aux.some((a) => PAST_AUX.has(a))) return 'past';
  if (aux.some((a) => PRESENT_AUX.has(a) || MODALS.has(a))) return null;
  return pastForm(words[verb]!) ? 'past' : null;
}
