/**
 * Per-word-string facts that do not depend on context: normalised forms,
 * hashes and shapes. Computed once per distinct string and cached by the
 * feature extractor.
 */
import { hashString } from './hash.js';

export const F_INITCAP = 1;
export const F_ALLCAPS = 2;
export const F_HASDIGIT = 4;
export const F_ALLDIGIT = 8;
export const F_HASALPHA = 16;
export const F_LOWER = 32;
export const F_PUNCT = 64;
export const F_HASLOWER = 128;

const SEED_NORM = 0x1234567;
const SEED_LOWER = 0x7654321;
const SEED_SHAPE = 0x2468ace;

/** Digits become 0 so that numbers share weights ("1996-08-22" ~ "1997-01-05"). */
export function normaliseDigits(s: string): string {
  return /\d/.test(s) ? s.replace(/\d/g, '0') : s;
}

export interface WordFacts {
  text: string;
  norm: string;
  lower: string;
  normHash: number;
  lowerHash: number;
  longShapeHash: number;
  shortShapeHash: number;
  /** Short shape as text, e.g. "Xx", "X.X.", "d-d" (kept small: used for debugging and tests). */
  shortShape: string;
  flags: number;
}

/**
 * Class of one character: X upper-case letter, x lower-case letter, d digit,
 * else the character itself. ASCII is decided from the code; other letters
 * by whether case mapping changes them.
 */
function charClass(c: string): string {
  const k = c.charCodeAt(0);
  if (c.length === 1 && k < 128) {
    if (k >= 48 && k <= 57) return 'd';
    if (k >= 65 && k <= 90) return 'X';
    if (k >= 97 && k <= 122) return 'x';
    return c;
  }
  const lo = c.toLowerCase();
  const up = c.toUpperCase();
  if (lo !== up) return c === up ? 'X' : 'x';
  return c;
}

/** Long shape keeps runs up to 4 ("Xxxx" for any long capitalised word); short shape collapses runs. */
export function shapes(word: string): { long: string; short: string } {
  let long = '';
  let short = '';
  let prev = '';
  let run = 0;
  for (const ch of word) {
    const k = charClass(ch);
    if (k === prev) run++;
    else {
      run = 1;
      short += k;
    }
    if (run <= 4) long += k;
    prev = k;
  }
  return { long, short };
}

const TYPOGRAPHIC = /[\u00ab\u00bb\u2013\u2014\u2018-\u201f\u2026\u2032\u2033]/;
const TYPOGRAPHIC_ALL = /[\u00ab\u00bb\u2013\u2014\u2018-\u201f\u2026\u2032\u2033]/g;
const ASCII_OF: Record<string, string> = {
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2013': '-',
  '\u2014': '--',
  '\u2026': '...',
  '\u2032': "'",
  '\u2033': '"',
};

/**
 * Typographic quotes, dashes and ellipses as the ASCII the training data
 * (CoNLL-2003, all ASCII) writes them, so that a curly quote or "’s" gets
 * the weights of '"' and "'s" rather than those of an unknown symbol.
 */
export function asciiPunctuation(s: string): string {
  if (!TYPOGRAPHIC.test(s)) return s;
  return s.replace(TYPOGRAPHIC_ALL, (c) => {
    const mapped = ASCII_OF[c];
    if (mapped !== undefined) return mapped;
    const k = c.charCodeAt(0);
    return k <= 0x201b ? "'" : '"'; // U+2018-201B single quotes, U+201C-201F double
  });
}

export function wordFacts(original: string): WordFacts {
  // Facts describe the ASCII-punctuation form; `text` keeps the original.
  const text = asciiPunctuation(original);
  const norm = normaliseDigits(text);
  const lower = norm.toLowerCase();
  const { long, short } = shapes(text);
  let flags = 0;
  let letters = 0;
  let uppers = 0;
  let lowers = 0;
  let digits = 0;
  for (const ch of text) {
    const cls = charClass(ch);
    if (cls === 'd') digits++;
    else if (cls === 'X') {
      letters++;
      uppers++;
    } else if (cls === 'x') {
      letters++;
      lowers++;
    }
  }
  const first = text.charAt(0);
  if (first !== first.toLowerCase()) flags |= F_INITCAP;
  if (letters > 0 && lowers === 0) flags |= F_ALLCAPS;
  if (digits > 0) flags |= F_HASDIGIT;
  if (digits > 0 && digits === text.length) flags |= F_ALLDIGIT;
  if (letters > 0) flags |= F_HASALPHA;
  if (letters > 0 && uppers === 0) flags |= F_LOWER;
  if (letters === 0 && digits === 0) flags |= F_PUNCT;
  if (lowers > 0) flags |= F_HASLOWER;
  return {
    text: original,
    norm,
    lower,
    normHash: hashString(norm, SEED_NORM),
    lowerHash: hashString(lower, SEED_LOWER),
    longShapeHash: hashString(long, SEED_SHAPE),
    shortShapeHash: hashString(short, SEED_SHAPE),
    shortShape: short,
    flags,
  };
}

/** Hash of a lower-cased string, as wordFacts computes it (for lexicon building). */
export function lowerKey(word: string): number {
  return hashString(normaliseDigits(asciiPunctuation(word)).toLowerCase(), SEED_LOWER);
}
export function normKey(word: string): number {
  return hashString(normaliseDigits(asciiPunctuation(word)), SEED_NORM);
}

/**
 * A sentence with letters but no lower-case letter: a headline or dateline
 * in capitals ("RUSSIA WARNS ...", "MOSCOW 1996-08-22"), where case says
 * nothing about names.
 */
export function isHeadline(facts: readonly WordFacts[]): boolean {
  let letters = 0;
  for (const f of facts) {
    if (f.flags & F_HASLOWER) return false;
    if (f.flags & F_HASALPHA) letters += f.text.length;
  }
  return letters >= 4;
}
