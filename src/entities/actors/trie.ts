/**
 * Token trie over phrase pieces with longest-match search.
 *
 * Keys are case-folded pieces; every terminal keeps the phrase as written so
 * the case rule of each piece can be checked against the text at match time.
 */
import { caseRuleFor, pieceFitsRule, pieceKey, piecesWithOffsets, splitPieces, type CaseRule } from './phrase.js';
import type { ActorEntry, MatchedAs } from './types.js';

export interface PhraseTerminal {
  entry: ActorEntry;
  matchedAs: MatchedAs;
  phrase: string;
  pieces: string[];
  rules: CaseRule[];
  /** Higher wins when several entries share a phrase (later files override earlier ones). */
  priority: number;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  terminals: PhraseTerminal[];
}

function newNode(): TrieNode {
  return { children: new Map(), terminals: [] };
}

/** One piece of the input, remembering which token it came from. */
export interface TextPiece {
  text: string;
  key: string;
  token: number;
  /** UTF-16 offsets of the piece inside its token. */
  start: number;
  end: number;
  /** First / last piece of its token. */
  first: boolean;
  last: boolean;
}

const PLAIN_WORD = /^[A-Za-z0-9]+$/;

export function piecesOfTokens(tokens: readonly string[]): TextPiece[] {
  const out: TextPiece[] = [];
  tokens.forEach((token, index) => {
    // Fast path: most tokens are one plain ASCII word.
    if (PLAIN_WORD.test(token)) {
      out.push({ text: token, key: token.toLowerCase(), token: index, start: 0, end: token.length, first: true, last: true });
      return;
    }
    const pieces = piecesWithOffsets(token);
    pieces.forEach((p, i) => {
      out.push({ ...p, key: pieceKey(p.text), token: index, first: i === 0, last: i === pieces.length - 1 });
    });
  });
  return out;
}

const WORDISH = /[\p{L}\p{M}\p{N}]/u;

/** Punctuation inside a token, where a match may start or stop: "U.S.-led", "pro-Russian", "(DPRK", "Reuters.". */
function isPunct(p: TextPiece): boolean {
  return !WORDISH.test(p.text);
}

/** A match may start at a token start or right after punctuation inside the token. */
export function canStartAt(pieces: readonly TextPiece[], i: number): boolean {
  const p = pieces[i]!;
  if (p.first) return true;
  return isPunct(pieces[i - 1]!) && !isPunct(p);
}

/**
 * Where a match ending before piece `end` may stop: at the token end or
 * before punctuation inside the token; a possessive ending ("Russia's",
 * "Reuters'") then belongs to the match. Returns the piece index the match
 * extends to (exclusive), or undefined when it may not end there.
 */
function endBoundary(pieces: readonly TextPiece[], end: number): { end: number; bareApostrophe: boolean } | undefined {
  const a = pieces[end];
  if (a === undefined || a.first) return { end, bareApostrophe: false };
  if (!isPunct(a)) return undefined;
  if (a.key !== "'") return { end, bareApostrophe: false };
  // "Reuters'" is possessive, but "forces’" may close a quotation: the
  // caller decides about a bare apostrophe.
  if (a.last) return { end: end + 1, bareApostrophe: true };
  const b = pieces[end + 1];
  const afterS = pieces[end + 2];
  const sEndsWord = b !== undefined && b.key === 's' && (b.last || (afterS !== undefined && isPunct(afterS)));
  return { end: sEndsWord ? end + 2 : end, bareApostrophe: false };
}

export interface TrieHit {
  /** Piece index range of the phrase, end exclusive. */
  start: number;
  end: number;
  /** End including a trailing possessive ("'s", or a bare apostrophe). */
  extendedEnd: number;
  /** The extension is a bare apostrophe ("Reuters'" or a closing quote). */
  bareApostrophe: boolean;
  /** Terminals whose case rules fit, best first. */
  terminals: PhraseTerminal[];
}

export class PhraseTrie {
  private readonly root = newNode();
  private size = 0;

  get phraseCount(): number {
    return this.size;
  }

  /** `capitalised` applies the name case rules even to demonyms and role nouns. */
  add(phrase: string, entry: ActorEntry, matchedAs: MatchedAs, priority: number, capitalised = false): void {
    const pieces = splitPieces(phrase);
    if (pieces.length === 0) return;
    let node = this.root;
    for (const p of pieces) {
      const key = pieceKey(p);
      let next = node.children.get(key);
      if (next === undefined) {
        next = newNode();
        node.children.set(key, next);
      }
      node = next;
    }
    // The same phrase twice for one entry (alias repeated as demonym) is kept once.
    if (node.terminals.some((t) => t.entry.id === entry.id && t.phrase === phrase)) return;
    const rules = pieces.map((p) => caseRuleFor(p, capitalised ? 'name' : matchedAs));
    // A one- or two-letter phrase ("Xi", "Li") in capitals is a numeral or
    // a headline word ("WORLD XI"), so such phrases match only as written.
    if (pieces.length === 1 && pieces[0]!.length <= 2 && rules[0] === 'capitalised') rules[0] = 'exact';
    node.terminals.push({ entry, matchedAs, phrase, pieces, rules, priority });
    this.size++;
  }

  /** Terminals fitting the text pieces [start, end), best first. */
  private fitting(node: TrieNode, text: readonly TextPiece[], start: number, ignoreCase: boolean): PhraseTerminal[] {
    const ok = node.terminals.filter(
      (t) => ignoreCase || t.pieces.every((dp, i) => pieceFitsRule(text[start + i]!.text, dp, t.rules[i]!)),
    );
    return ok.sort((a, b) => b.priority - a.priority);
  }

  /** Longest phrase starting at piece `start`, ending at a token boundary, a joiner or before a possessive. */
  longestAt(text: readonly TextPiece[], start: number, ignoreCase = false): TrieHit | undefined {
    let node: TrieNode | undefined = this.root;
    let best: TrieHit | undefined;
    for (let i = start; i < text.length; i++) {
      node = node.children.get(text[i]!.key);
      if (node === undefined) break;
      if (node.terminals.length === 0) continue;
      const boundary = endBoundary(text, i + 1);
      if (boundary === undefined) continue;
      const terminals = this.fitting(node, text, start, ignoreCase);
      if (terminals.length > 0) best = { start, end: i + 1, extendedEnd: boundary.end, bareApostrophe: boundary.bareApostrophe, terminals };
    }
    return best;
  }

  /** Terminals for exactly the whole of `text`. */
  exact(text: readonly TextPiece[], ignoreCase: boolean): PhraseTerminal[] {
    let node: TrieNode | undefined = this.root;
    for (const p of text) {
      node = node.children.get(p.key);
      if (node === undefined) return [];
    }
    return this.fitting(node, text, 0, ignoreCase);
  }
}
