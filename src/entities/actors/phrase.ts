/**
 * Phrase pieces and case rules shared by the dictionary and the matcher.
 *
 * Tokenisers disagree about "N. Korea", "Jong-un", "People's" or "U.S.": some
 * keep them whole, some split at the punctuation. Both the dictionary
 * phrases and the input tokens are therefore cut into the same small pieces
 * (runs of letters/digits, or one punctuation character), so a match does
 * not depend on how the caller's tokeniser cut the text.
 */
import type { MatchedAs } from './types.js';

const PIECE_RE = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

export interface PieceAt {
  text: string;
  /** UTF-16 offsets inside the string the piece was cut from. */
  start: number;
  end: number;
}

export function piecesWithOffsets(text: string): PieceAt[] {
  return [...text.matchAll(PIECE_RE)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Typographic variants folded to one key character. */
const FOLD: Record<string, string> = {
  '\u2019': "'",
  '\u2018': "'",
  '\u02bc': "'",
  '`': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
};

/** Pieces of a phrase or token, as written. */
export function splitPieces(text: string): string[] {
  return text.match(PIECE_RE) ?? [];
}

/** Trie key of a piece: no diacritics ("Élysée" = "Elysee"), lower case, folded punctuation. */
const ASCII = /^[\x00-\x7f]*$/;

export function pieceKey(piece: string): string {
  // Most pieces are plain ASCII words: skip Unicode normalisation for them.
  if (ASCII.test(piece)) return piece.toLowerCase();
  const folded = FOLD[piece];
  if (folded !== undefined) return folded;
  return piece.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * How a dictionary piece must be written in the text.
 * - exact: all-capital acronyms and initials ("UN", "DPRK", "N"), so "Un" in
 *   "Kim Jong Un" or "us" never match them;
 * - capitalised: name words ("Korea"): the text must start with a capital
 *   ("Korea", "KOREA"), so "turkey" the bird is not Turkey;
 * - any: lower-case dictionary words ("of"), demonyms and role nouns.
 */
export type CaseRule = 'exact' | 'capitalised' | 'any';

const HAS_LETTER = /\p{L}/u;
const UPPER_START = /^\p{Lu}/u;

function isAllCaps(piece: string): boolean {
  return HAS_LETTER.test(piece) && piece === piece.toUpperCase() && piece !== piece.toLowerCase();
}

export function caseRuleFor(piece: string, matchedAs: MatchedAs): CaseRule {
  if (!HAS_LETTER.test(piece)) return 'any';
  if (isAllCaps(piece)) return 'exact';
  if (matchedAs === 'demonym' || matchedAs === 'role') return 'any';
  return UPPER_START.test(piece) ? 'capitalised' : 'any';
}

function stripMarks(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '');
}

export function pieceFitsRule(textPiece: string, dictPiece: string, rule: CaseRule): boolean {
  switch (rule) {
    case 'any':
      return true;
    case 'capitalised':
      return UPPER_START.test(textPiece);
    case 'exact':
      return stripMarks(textPiece) === stripMarks(dictPiece);
  }
}

/** Normalised form of a whole phrase, for duplicate detection and lookups. */
export function phraseKey(text: string): string {
  return splitPieces(text).map(pieceKey).join(' ');
}
