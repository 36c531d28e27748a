/**
 * The world actor dictionary: loads data/actors/*.tsv plus user files and
 * finds actors in token sequences (longest match over a piece trie).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PhraseTrie, canStartAt, piecesOfTokens, type PhraseTerminal } from './trie.js';
import { ACTOR_COLUMNS, rowToEntries } from './rows.js';
import { ActorDictionaryError, parseTsv } from './tsv.js';
import { readUserTextFile } from '../../util/text-file.js';
import type { ActorEntry, ActorLookup, ActorMatch, ActorSpanMatch, MatchedAs, OffsetToken } from './types.js';

/** src/entities/actors and dist/entities/actors both sit three levels below the package root. */
const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SHIPPED_ACTOR_DIR = path.join(PACKAGE_ROOT, 'data', 'actors');

export function shippedActorFiles(): string[] {
  return fs
    .readdirSync(SHIPPED_ACTOR_DIR)
    .filter((f) => f.endsWith('.tsv'))
    .sort()
    .map((f) => path.join(SHIPPED_ACTOR_DIR, f));
}

/** When one phrase names several entries of one tier: names before demonyms and roles before metonyms. */
const AS_RANK: Record<MatchedAs, number> = { name: 4, alias: 3, role: 2, demonym: 2, metonym: 1 };

export interface ActorDictionaryStats {
  entries: number;
  phrases: number;
  byType: Record<string, number>;
  byFile: Record<string, number>;
}

export class ActorDictionary {
  private readonly trie = new PhraseTrie();
  private readonly ids = new Map<string, ActorEntry>();
  private readonly codes = new Map<string, ActorEntry[]>();

  constructor(
    readonly entries: readonly ActorEntry[],
    /**
     * User files in load order. When entries share a phrase, a later user
     * file beats an earlier one, and any user file beats the shipped data;
     * inside one tier names beat metonyms and role nouns ("Congress" the
     * institution before "congress" the role), then earlier lines win.
     */
    userFiles: readonly string[] = [],
  ) {
    const tier = new Map(userFiles.map((f, i) => [f, i + 1]));
    for (const e of entries) {
      this.ids.set(e.id, e);
      const list = this.codes.get(e.code) ?? [];
      list.push(e);
      this.codes.set(e.code, list);
      const base = (tier.get(e.source.file) ?? 0) * 100_000_000 - e.source.line;
      const strict = new Set(e.capitalisedOnly);
      const add = (phrase: string, as: MatchedAs): void =>
        this.trie.add(phrase, e, as, base + AS_RANK[as] * 10_000_000, strict.has(phrase));
      if (e.type === 'role') {
        add(e.name, 'role');
        e.aliases.forEach((a) => add(a, 'role'));
      } else {
        add(e.name, 'name');
        e.aliases.forEach((a) => add(a, 'alias'));
      }
      e.demonyms.forEach((d) => add(d, 'demonym'));
      e.metonyms.forEach((m) => add(m, 'metonym'));
    }
  }

  byId(id: string): ActorEntry | undefined {
    return this.ids.get(id);
  }

  /** All entries with exactly this CAMEO code ("RUSMED" gives every Russian outlet). */
  byCode(code: string): ActorEntry[] {
    return this.codes.get(code) ?? [];
  }

  /**
   * Entries whose name, alias, demonym, metonym or role noun is exactly
   * `name`, best first. Case rules apply unless ignoreCase is set.
   */
  lookupName(name: string, options: { ignoreCase?: boolean } = {}): ActorLookup[] {
    const pieces = piecesOfTokens([name]);
    return dedupe(this.trie.exact(pieces, options.ignoreCase ?? false)).map((t) => ({ entry: t.entry, matchedAs: t.matchedAs }));
  }

  /**
   * Actor mentions in a token sequence: leftmost-longest, non-overlapping.
   * Token indices refer to `tokens`; endToken is exclusive. Matches start and
   * end at token boundaries or at punctuation inside a token ("U.S.-led",
   * "Russia-Ukraine", "(DPRK)"): see startOffsetInToken/endOffsetInToken.
   */
  match(tokens: readonly string[]): ActorMatch[] {
    const pieces = piecesOfTokens(tokens);
    const out: ActorMatch[] = [];
    let i = 0;
    while (i < pieces.length) {
      let hit = canStartAt(pieces, i) ? this.trie.longestAt(pieces, i) : undefined;
      if (hit === undefined) {
        i++;
        continue;
      }
      // "the West Bank": a phrase starting with an article ("the West") gives
      // way to one starting after it that reaches at least as far.
      if (pieces[i]!.key === 'the' && i + 1 < pieces.length && canStartAt(pieces, i + 1)) {
        const next = this.trie.longestAt(pieces, i + 1);
        if (next !== undefined && next.extendedEnd >= hit.extendedEnd) hit = next;
      }
      const [best, ...rest] = dedupe(hit.terminals);
      // A bare apostrophe after a role noun or demonym is more likely a
      // closing quote ("hostile forces’") than a plural possessive.
      const keepsApostrophe = best!.matchedAs === 'name' || best!.matchedAs === 'alias' || best!.matchedAs === 'metonym';
      const end = hit.bareApostrophe && !keepsApostrophe ? hit.end : hit.extendedEnd;
      // A lower-case article is not part of the name: "the Gulf" -> "Gulf"
      // (a capital one is: "The Hague", "The Guardian").
      const startPiece = pieces[hit.start]!.text === 'the' && end > hit.start + 1 ? hit.start + 1 : hit.start;
      const first = pieces[startPiece]!;
      const last = pieces[end - 1]!;
      out.push({
        startToken: first.token,
        endToken: last.token + 1,
        startOffsetInToken: first.start,
        endOffsetInToken: last.end,
        entry: best!.entry,
        matchedAs: best!.matchedAs,
        phrase: best!.phrase,
        alternatives: rest.map((t) => t.entry),
      });
      i = end;
    }
    return out;
  }

  /** `match` over tokens that carry their document offsets; adds start/end character offsets. */
  matchSpans(tokens: readonly OffsetToken[]): ActorSpanMatch[] {
    return this.match(tokens.map((t) => t.text)).map((m) => ({
      ...m,
      start: tokens[m.startToken]!.start + m.startOffsetInToken,
      end: tokens[m.endToken - 1]!.start + m.endOffsetInToken,
    }));
  }

  /**
   * `match` over plain text cut at white space; offsets index `text`.
   * Handy for tests and scripts; the pipeline should pass its own tokens to
   * matchSpans so sentence and token boundaries agree.
   */
  matchText(text: string): ActorSpanMatch[] {
    const tokens = [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index }));
    return this.matchSpans(tokens);
  }

  stats(): ActorDictionaryStats {
    const byType: Record<string, number> = {};
    const byFile: Record<string, number> = {};
    for (const e of this.entries) {
      byType[e.type] = (byType[e.type] ?? 0) + 1;
      const f = path.basename(e.source.file);
      byFile[f] = (byFile[f] ?? 0) + 1;
    }
    return { entries: this.entries.length, phrases: this.trie.phraseCount, byType, byFile };
  }
}

/** One terminal per entry, keeping the best-ranked. */
function dedupe(terminals: PhraseTerminal[]): PhraseTerminal[] {
  const seen = new Set<string>();
  return terminals.filter((t) => {
    if (seen.has(t.entry.id)) return false;
    seen.add(t.entry.id);
    return true;
  });
}

export interface LoadActorOptions {
  /** Skip the shipped data/actors files (tests, or a user who wants only their own). */
  skipShipped?: boolean;
}

/**
 * Reads the shipped actor files and then `extraFiles` (same format). A user
 * row with the id of an earlier row replaces it; a repeated id inside the
 * shipped files or inside one user file is an error. Throws
 * ActorDictionaryError naming file and line for every bad row.
 */
export function loadActorDictionary(extraFiles: readonly string[] = [], options: LoadActorOptions = {}): ActorDictionary {
  const shipped = options.skipShipped ? [] : shippedActorFiles();
  const files = [...shipped, ...extraFiles.map((f) => path.resolve(f))];
  const texts = files.map((file, i) => {
    if (i >= shipped.length) return readUserTextFile(file, 'an actor dictionary (TSV)');
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new ActorDictionaryError([`${file}: cannot read: ${(e as Error).message}`]);
    }
  });
  return buildActorDictionary(
    files.map((file, i) => ({ file, text: texts[i]!, shipped: i < shipped.length })),
  );
}

export interface ActorSource {
  file: string;
  text: string;
  /** Shipped files may not repeat each other's ids; user files may override. */
  shipped: boolean;
}

export function buildActorDictionary(sources: readonly ActorSource[]): ActorDictionary {
  const problems: string[] = [];
  const byId = new Map<string, ActorEntry>();
  const shippedIds = new Set<string>();
  for (const src of sources) {
    let table;
    try {
      table = parseTsv(src.file, src.text, ACTOR_COLUMNS);
    } catch (e) {
      if (e instanceof ActorDictionaryError) {
        problems.push(...e.problems);
        continue;
      }
      throw e;
    }
    const idsInFile = new Map<string, number>();
    for (const row of table.rows) {
      const made = rowToEntries(src.file, row, problems);
      if (made === undefined) continue;
      for (const e of [made.entry, made.government]) {
        if (e === undefined) continue;
        const earlier = idsInFile.get(e.id);
        if (earlier !== undefined) {
          problems.push(`${src.file}:${row.line}: id "${e.id}" already used on line ${earlier}`);
          continue;
        }
        if (src.shipped && shippedIds.has(e.id)) {
          problems.push(`${src.file}:${row.line}: id "${e.id}" already used in ${byId.get(e.id)!.source.file}`);
          continue;
        }
        idsInFile.set(e.id, row.line);
        if (src.shipped) shippedIds.add(e.id);
        byId.set(e.id, e);
      }
    }
  }
  // Affiliations must point at a country the dictionary knows.
  const countryCodes = new Set([...byId.values()].filter((e) => e.type === 'country' || e.type === 'territory').map((e) => e.country));
  for (const e of byId.values()) {
    if (e.country !== undefined && !countryCodes.has(e.country)) {
      problems.push(`${e.source.file}:${e.source.line}: country "${e.country}" of "${e.name}" is not a country in the dictionary`);
    }
  }
  if (problems.length > 0) throw new ActorDictionaryError(problems);
  return new ActorDictionary(
    [...byId.values()],
    sources.filter((s) => !s.shipped).map((s) => s.file),
  );
}

let shared: ActorDictionary | undefined;

/** The shipped dictionary, loaded once per process (user files need loadActorDictionary). */
export function defaultActorDictionary(): ActorDictionary {
  shared ??= loadActorDictionary();
  return shared;
}

/** The CAMEO code of an entry on a date (YYYY-MM-DD): a dated code covering it, else the plain code. */
export function codeOnDate(entry: ActorEntry, date: string): string {
  const hit = entry.datedCodes.find((d) => (d.from === undefined || d.from <= date) && (d.to === undefined || date < d.to));
  return hit?.code ?? entry.code;
}

/**
 * Of a match's entry and its alternatives, the first one holding a dated
 * office on `date` ("Bush" in 1991 is George H. W. Bush, in 2005 George W.
 * Bush); the preferred entry when none does.
 */
export function entryOnDate(match: Pick<ActorMatch, 'entry' | 'alternatives'>, date: string): ActorEntry {
  const all = [match.entry, ...match.alternatives];
  const covers = (e: ActorEntry): boolean =>
    e.datedCodes.some((d) => (d.from === undefined || d.from <= date) && (d.to === undefined || date < d.to));
  return all.find(covers) ?? match.entry;
}

/** Every code an entry can carry (plain and dated), e.g. for indexing. */
export function allCodes(entry: ActorEntry): string[] {
  return [...new Set([entry.code, ...entry.datedCodes.map((d) => d.code)].filter((c) => c !== ''))];
}
