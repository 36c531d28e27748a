/**
 * Token trie over phrase pieces with longest-match search.
 *
 * Keys are case-folded pieces; every terminal keeps the phrase as written so
 * the case rule of each piece can be checked against the text at match time.
 */
import { caseRuleFor, pieceFitsRule, pieceKey, splitPieces, type CaseRule } from './phrase.js';
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
  /** First / last piece of its token. */
  first: boolean;
  last: boolean;
}

export function piecesOfTokens(tokens: readonly string[]): TextPiece[] {
  const out: TextPiece[] = [];
  tokens.forEach((token, index) => {
    const pieces = splitPieces(token);
    pieces.forEach((text, i) => {
      out.push({ text, key: pieceKey(text), token: index, first: i === 0, last: i === pieces.length - 1 });
    });
  });
  return out;
}

/**
 * A match may end inside a token only when the rest of the token is a
 * possessive ending ("Russia's", "Reuters'"), which then belongs to the match.
 */
function possessiveRest(pieces: readonly TextPiece[], end: number): boolean {
  const a = pieces[end];
  if (a === undefined || a.first || a.key !== "'") return false;
  if (a.last) return true;
  const b = pieces[end + 1];
  return b !== undefined && b.key === 's' && b.last;
}

export interface TrieHit {
  /** Piece index range, end exclusive. */
  start: number;
  end: number;
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

  /** Longest phrase starting at piece `start`, ending at a token boundary (or before a possessive). */
  longestAt(text: readonly TextPiece[], start: number, ignoreCase = false): TrieHit | undefined {
    let node: TrieNode | undefined = this.root;
    let best: TrieHit | undefined;
    for (let i = start; i < text.length; i++) {
      node = node.children.get(text[i]!.key);
      if (node === undefined) break;
      if (node.terminals.length === 0) continue;
      const boundary = text[i]!.last || possessiveRest(text, i + 1);
      if (!boundary) continue;
      const terminals = this.fitting(node, text, start, ignoreCase);
      if (terminals.length > 0) best = { start, end: i + 1, terminals };
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
