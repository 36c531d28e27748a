import winkNLP, { type ItemSentence, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc } from '../doc/document.js';
import type { Section, Sentence, Token } from '../doc/schema.js';
import type { Component } from '../pipeline/component.js';
import { dataPath, readWordList } from '../util/data-files.js';

let sharedNlp: WinkMethods | null = null;
/** wink's English model is loaded once per process: it is the slow part of start-up. */
function nlp(): WinkMethods {
  sharedNlp ??= winkNLP(model, ['sbd', 'pos']);
  return sharedNlp;
}

interface Region {
  start: number;
  end: number;
  section: Section;
}

/**
 * Tokens with universal POS tags, and sentences, over the title, the body
 * paragraphs and the related-link headlines. Sentences never cross a
 * paragraph. wink-nlp does tokenisation, POS and sentence boundaries; we map
 * its tokens back to offsets in the original text and repair two things it
 * gets wrong on news: a full stop glued to the last word of a sentence
 * ("said no.") and boundaries after abbreviations that precede a name.
 */
export class Segmenter implements Component {
  readonly name = 'segment';
  readonly requires = ['blocks', 'boilerplate'] as const;
  readonly provides = ['tokens', 'sentences'] as const;
  private readonly abbreviations: Set<string>;

  constructor(abbreviations: string[] = readWordList(dataPath('lexicon', 'abbreviations.txt'))) {
    this.abbreviations = new Set(abbreviations);
  }

  process(doc: Doc): void {
    const regions: Region[] = [];
    for (const block of doc.get('blocks')) {
      if (block.kind === 'title') regions.push({ start: block.start, end: block.end, section: 'title' });
      if (block.kind === 'body') regions.push({ start: block.start, end: block.end, section: 'body' });
    }
    for (const b of doc.get('boilerplate')) {
      if (b.headline) regions.push({ start: b.headline.start, end: b.headline.end, section: 'related' });
    }
    regions.sort((a, b) => a.start - b.start);
    const tokens: Token[] = [];
    const sentences: Sentence[] = [];
    for (const region of regions) this.segmentRegion(doc, region, tokens, sentences);
    doc.set('tokens', tokens);
    doc.set('sentences', sentences);
  }

  private segmentRegion(doc: Doc, region: Region, tokens: Token[], sentences: Sentence[]): void {
    const text = doc.norm.slice(region.start, region.end);
    const wdoc = nlp().readDoc(text);
    const its = nlp().its;
    const values = wdoc.tokens().out(its.value) as string[];
    const tags = wdoc.tokens().out(its.pos) as string[];
    // wink token index -> index in our tokens layer (whitespace tokens are dropped)
    const ours = new Int32Array(values.length).fill(-1);
    let cursor = 0;
    values.forEach((value, i) => {
      if (value.trim() === '') return;
      let at = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
      if (at === -1) at = cursor; // defensive: wink never rewrites text, but never lose a token
      const start = region.start + at;
      const end = Math.min(region.end, start + value.length);
      ours[i] = tokens.length;
      tokens.push({ ...doc.span(start, end), pos: tags[i] ?? 'X' });
      cursor = at + value.length;
    });
    const spans: { first: number; end: number }[] = [];
    wdoc.sentences().each((s: ItemSentence) => {
      const [a, b] = s.out(its.span) as unknown as [number, number];
      let first = -1;
      let last = -1;
      for (let i = a; i <= b; i++) {
        const o = ours[i]!;
        if (o >= 0) {
          if (first === -1) first = o;
          last = o;
        }
      }
      if (first !== -1) spans.push({ first, end: last + 1 });
    });
    this.repair(doc, tokens, spans);
    for (const s of spans) repairTags(tokens, s);
    for (const s of spans) {
      const start = tokens[s.first]!.start;
      const end = tokens[s.end - 1]!.end;
      sentences.push({ ...doc.span(start, end), section: region.section, firstToken: s.first, endToken: s.end });
    }
  }

  private repair(doc: Doc, tokens: Token[], spans: { first: number; end: number }[]): void {
    // Merge a boundary that falls after a title abbreviation ("Gen. | Smith").
    for (let i = spans.length - 2; i >= 0; i--) {
      const last = tokens[spans[i]!.end - 1]!;
      const next = tokens[spans[i + 1]!.first]!;
      if (last.text.endsWith('.') && this.abbreviations.has(last.text.slice(0, -1)) && /^[A-Z]/.test(next.text) && isTitleAbbreviation(last.text)) {
        spans[i] = { first: spans[i]!.first, end: spans[i + 1]!.end };
        spans.splice(i + 1, 1);
      }
    }
    // Merge a boundary inside a short parenthesis ("Rep. Nita Lowey (D-N. | Y.) said"), and one right after a
    // parenthesis closed by an abbreviation when the text goes on in lower case ("Sen. Kari Lund (I-Vt.) | said ...").
    for (let i = spans.length - 2; i >= 0; i--) {
      const a = spans[i]!;
      const b = spans[i + 1]!;
      let depth = 0;
      for (let k = a.first; k < a.end; k++) depth += tokens[k]!.text === '(' ? 1 : tokens[k]!.text === ')' ? -1 : 0;
      let closesSoon = false;
      for (let k = b.first; k < b.end && k < b.first + 6; k++) {
        if (tokens[k]!.text === '(') break;
        if (tokens[k]!.text === ')') closesSoon = true;
      }
      const lastTwo = a.end - a.first >= 2 ? `${tokens[a.end - 2]!.text}${tokens[a.end - 1]!.text}` : '';
      // (A sentence never opens with a comma: "Rep. Zoe Lofgren (D-Calif.), who ...".)
      const afterAbbreviation = lastTwo.endsWith('.)') && /^[\p{Ll},;]/u.test(tokens[b.first]!.text);
      if ((depth > 0 && closesSoon) || afterAbbreviation) {
        spans[i] = { first: a.first, end: b.end };
        spans.splice(i + 1, 1);
      }
    }
    // Merge a question or exclamation in quotes with the attribution after it ('"Why?" she asked.').
    for (let i = spans.length - 2; i >= 0; i--) {
      const lastText = doc.norm.slice(tokens[spans[i]!.first]!.start, tokens[spans[i]!.end - 1]!.end);
      const next = tokens[spans[i + 1]!.first]!;
      if (/[?!]["']$/.test(lastText) && /^\p{Ll}/u.test(next.text)) {
        spans[i] = { first: spans[i]!.first, end: spans[i + 1]!.end };
        spans.splice(i + 1, 1);
      }
    }
    // Split a full stop glued to a sentence's last word when the word is not an abbreviation.
    let shift = 0;
    for (const s of spans) {
      s.first += shift;
      s.end += shift;
      const idx = s.end - 1;
      const tok = tokens[idx]!;
      const word = tok.text.slice(0, -1);
      if (tok.text.length > 1 && tok.text.endsWith('.') && !word.endsWith('.') && !this.abbreviations.has(word) && !/^([A-Za-z]\.)+[A-Za-z]$/.test(word)) {
        const wordTok: Token = { ...doc.span(tok.start, tok.end - 1), pos: tok.pos };
        const stop: Token = { ...doc.span(tok.end - 1, tok.end), pos: 'PUNCT' };
        tokens.splice(idx, 1, wordTok, stop);
        s.end += 1;
        shift += 1;
      }
    }
  }
}

/**
 * Tagging slips that matter downstream, fixed in running text (not in
 * title-case headlines, where every word is capitalised):
 * - a hyphenated verb-and-particle compound is a noun ("a follow-up
 *   statement"), and a hyphenated participle before a noun an adjective ("a
 *   state-owned company");
 * - a capitalised word inside the sentence, read as a verb or an auxiliary,
 *   after a word ("said Will Doyle", "Sen. Ted Cruz") or before a verb ("said
 *   Cook provided ...") is a name; so is one read as a verb, adverb or
 *   preposition at the start or after punctuation right before "said" or
 *   "wrote" ("..., Jolly said");
 * - an "-ing" word opening the sentence before "that" and read as an
 *   adjective or a name is a participle ("Promising that ..., Bolton said");
 * - an adjective after a determiner, possessive or name, right before a verb,
 *   is a noun ("the Republican incumbent said", "her main rival has");
 * - a participle between a determiner (and an adverb) or a quantity word
 *   and a noun is an adjective ("one unaligned strategist", "the most
 *   engaged voters", "more pledged delegates");
 * - an "-ed" word read as an adjective between a name or pronoun and "that"
 *   or an object ("Trump alleged that ...", "Tanden informed the board"), or
 *   after a perfect "have" ("have alleged"), is a verb;
 * - a lower-case "-s" word read as a noun between a singular noun and a
 *   determiner, number or possessive ("each year of education yields a 10%
 *   bump") is a verb.
 */
function repairTags(tokens: Token[], s: { first: number; end: number }): void {
  let words = 0;
  let capitalised = 0;
  for (let i = s.first; i < s.end; i++) {
    if (!/^\p{L}/u.test(tokens[i]!.text)) continue;
    words++;
    if (/^\p{Lu}/u.test(tokens[i]!.text)) capitalised++;
  }
  if (capitalised * 2 > words) return;
  // "a follow-up statement", "the run-up", "an op-ed": a hyphenated compound of a verb and a particle, or ending in
  // "-ed" after a noun, is a noun, not a verb.
  for (let i = s.first; i + 2 < s.end; i++) {
    const [a, dash, b] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (dash.text !== '-' || a.end !== dash.start || dash.end !== b.start) continue;
    if (a.pos === 'VERB' && (b.pos === 'ADP' || b.pos === 'ADV' || b.pos === 'PART') && /^\p{Ll}/u.test(a.text)) a.pos = b.pos = 'NOUN';
    else if (a.pos === 'NOUN' && b.pos === 'VERB' && b.text === 'ed') b.pos = 'NOUN';
    // "China's state-owned investment giant", "a long-running feud": a compound participle before a noun is an adjective.
    else if (b.pos === 'VERB' && /^\p{Ll}+(ed|ing|wn)$/u.test(b.text) && ['NOUN', 'PROPN', 'ADJ'].includes(tokens[i + 3]?.pos ?? '') && i + 3 < s.end) b.pos = 'ADJ';
  }
  if (s.end - s.first > 1 && nameBeforeReport(tokens[s.first]!, tokens[s.first + 1]!, true)) tokens[s.first]!.pos = 'PROPN';
  // "Promising that ..., Bolton said": an "-ing" word read as an adjective or a name, opening the sentence before "that", is a participle.
  const opener = tokens[s.first]!;
  if (s.end - s.first > 2 && (opener.pos === 'ADJ' || opener.pos === 'PROPN') && /^\p{Lu}\p{Ll}+ing$/u.test(opener.text) && tokens[s.first + 1]!.text.toLowerCase() === 'that') opener.pos = 'VERB';
  for (let i = s.first + 1; i < s.end - 1; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    const prev = tokens[i - 1]!;
    // "said Skelly, explaining", "of Charleston on Saturday", "Sen. Ted Cruz": a capitalised word after a word (not
    // after punctuation that may open a quotation or a clause), or after a symbol and before a verb ("said Cook
    // provided"), is a name in running text.
    const afterWord = prev.pos !== 'PUNCT' && prev.pos !== 'SYM';
    const beforeVerb = (next.pos === 'VERB' || next.pos === 'AUX') && prev.pos !== 'PUNCT';
    if ((t.pos === 'VERB' || t.pos === 'AUX') && /^\p{Lu}\p{Ll}+$/u.test(t.text) && (afterWord || beforeVerb)) t.pos = 'PROPN';
    // "..., Jolly said.", "“...,” Cross wrote": a capitalised word read as a verb, adverb or preposition right before
    // "said" or "wrote" is the speaker's name.
    else if (nameBeforeReport(t, next, prev.pos === 'PUNCT')) t.pos = 'PROPN';
    // "The Republican incumbent said": an adjective after a determiner or a name, right before a verb, is a noun.
    // ("Her main rival said": after a possessive, and past other adjectives.)
    else if (t.pos === 'ADJ' && /^\p{Ll}+$/u.test(t.text) && (next.pos === 'VERB' || next.pos === 'AUX') && !next.text.endsWith('ing') && determinedAt(tokens, i - 1, s.first)) t.pos = 'NOUN';
    // "one unaligned Florida strategist", "a rising star": a participle between a determiner and a noun is an adjective.
    // ("the most engaged rally-goers": an adverb may stand between them.)
    // ("more pledged delegates": so may a quantity word.)
    else if (t.pos === 'VERB' && /^\p{Ll}+(ed|ing)$/u.test(t.text) && (prev.pos === 'DET' || prev.pos === 'NUM' || QUANTITY_WORDS.has(prev.text.toLowerCase()) || (prev.pos === 'ADV' && i - 2 >= s.first && (tokens[i - 2]!.pos === 'DET' || tokens[i - 2]!.pos === 'NUM'))) && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ')) t.pos = 'ADJ';
    // ("Tanden informed the board that": also before the object's determiner or name, after a name or a subject pronoun.)
    else if (t.pos === 'ADJ' && t.text.endsWith('ed') && (prev.pos === 'PROPN' || prev.pos === 'PRON') && (next.text === 'that' || (objectStarts(next) && !POSSESSIVE_DETERMINERS.has(prev.text.toLowerCase())))) t.pos = 'VERB';
    // "experts have alleged that": an "-ed" word read as an adjective after a perfect "have" is a participle.
    else if (t.pos === 'ADJ' && /^\p{Ll}+ed$/u.test(t.text) && PERFECT_HAVE.has(prev.text.toLowerCase())) t.pos = 'VERB';
    else if (t.pos === 'NOUN' && /[^s']s$/.test(t.text) && /^\p{Ll}/u.test(t.text) && (prev.pos === 'NOUN' || prev.pos === 'PROPN') && !prev.text.endsWith('s') && (next.pos === 'DET' || next.pos === 'NUM' || (next.pos === 'PRON' && POSSESSIVE_DETERMINERS.has(next.text.toLowerCase())))) t.pos = 'VERB';
  }
}

/** Reporting verbs that take a name right before them ("Cook said"). */
const REPORT_FORMS = new Set(['said', 'says', 'told', 'tells', 'wrote', 'writes', 'added', 'adds']);
/** Capitalised words that open a clause before such a verb ("Having said that", "So says", "When told", "Enough said"). */
const NOT_NAMES = new Set(['having', 'so', 'when', 'enough', 'and', 'but', 'as', 'if', 'all', 'once', 'while', 'also', 'then', 'thus', 'it', 'what', 'who', 'not', 'never', 'just', 'has', 'had', 'have', 'was', 'is', 'be']);

/** A capitalised word read as a verb, auxiliary, adverb or preposition, after punctuation or at the start, before "said". */
function nameBeforeReport(t: Token, next: Token, afterPunctuation: boolean): boolean {
  return afterPunctuation && ['VERB', 'AUX', 'ADV', 'ADP'].includes(t.pos) && /^\p{Lu}\p{Ll}+$/u.test(t.text) && REPORT_FORMS.has(next.text) && !NOT_NAMES.has(t.text.toLowerCase());
}

/** A token that can open a verb's object: a determiner, a name or a personal pronoun. */
function objectStarts(t: Token): boolean {
  return t.pos === 'DET' || t.pos === 'PROPN' || (t.pos === 'PRON' && !/^(?:that|which|who)$/i.test(t.text));
}

const QUANTITY_WORDS = new Set(['more', 'most', 'fewer', 'many', 'few', 'several']);
const PERFECT_HAVE = new Set(['have', 'has', 'had', "'ve", '’ve', 'having']);
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

/** Whether the adjectives ending at token `k` follow a determiner, a possessive or a name. */
function determinedAt(tokens: readonly Token[], k: number, first: number): boolean {
  while (k > first && tokens[k]!.pos === 'ADJ') k--;
  const t = tokens[k];
  return t !== undefined && k >= first && (t.pos === 'DET' || t.pos === 'PROPN' || (t.pos === 'PRON' && POSSESSIVE_DETERMINERS.has(t.text.toLowerCase())));
}

/** Abbreviations that stand before a name and so never end a sentence. */
const TITLE_ABBREVIATIONS = new Set(['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'Gen.', 'Lt.', 'Col.', 'Maj.', 'Capt.', 'Cmdr.', 'Adm.', 'Sgt.', 'Gov.', 'Sen.', 'Rep.', 'Rev.', 'Hon.', 'Pres.', 'St.']);
function isTitleAbbreviation(token: string): boolean {
  return TITLE_ABBREVIATIONS.has(token);
}
