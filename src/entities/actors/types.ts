/**
 * Entry types of the world actor dictionary (data/actors/*.tsv).
 *
 * One entry is one actor the matcher can find in text: a country or
 * territory, the government of a country (derived from each country row; its
 * phrases are the capital and seat-of-government metonyms), a state
 * institution (Pentagon, Duma), a non-state group (Hamas, Taliban), an
 * intergovernmental organisation, an NGO, a news organisation, a person, a
 * role noun ("foreign minister", "troops") that only carries a CAMEO role, or
 * a place: a CAMEO region ("Middle East" MEA) or a geographic name that must
 * not be read as a country ("Korean Peninsula", "New Mexico").
 */

export const ACTOR_TYPES = [
  'country',
  'territory',
  'government',
  'institution',
  'group',
  'igo',
  'ngo',
  'media',
  'person',
  'role',
  'place',
] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const MEDIA_KINDS = ['state-media', 'wire', 'broadcaster', 'newspaper', 'online'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export const MEDIA_OWNERSHIPS = ['state', 'public', 'private'] as const;
export type MediaOwnership = (typeof MEDIA_OWNERSHIPS)[number];

/** How a phrase of an entry was written in the dictionary; decides the case rule. */
export type MatchedAs = 'name' | 'alias' | 'demonym' | 'metonym' | 'role';

/**
 * A CAMEO code valid for part of a person's career, PETRARCH style
 * ("[USAGOV 170120-210120]"). Dates are ISO YYYY-MM-DD; `from` inclusive,
 * `to` exclusive; an open end is undefined.
 */
export interface DatedCode {
  code: string;
  from?: string;
  to?: string;
}

export interface ActorEntry {
  /** Unique id, e.g. "country.rus", "gov.rus", "igo.nato", "media.kcna", "person.vladimir-putin". */
  id: string;
  type: ActorType;
  /** Canonical display name. */
  name: string;
  /**
   * CAMEO actor code: "RUS", "RUSGOV", "IGOWSTNAT", "PRKMED". For role rows only
   * the role part ("GOV", "MIL"); empty for descriptor roles ("analyst") that
   * have no CAMEO role.
   */
  code: string;
  /** ISO-3 / CAMEO country the actor belongs to, when it has one. */
  country?: string;
  aliases: string[];
  demonyms: string[];
  /** Words that stand for the government: capital, seat of government ("Kremlin"). */
  metonyms: string[];
  capital?: string;
  /** Role rows: CAMEO role code (GOV, MIL, ...) or a descriptor word (analyst, expert). */
  role?: string;
  kind?: MediaKind;
  ownership?: MediaOwnership;
  /**
   * Codes restricted to date ranges (careers of persons, groups that took
   * power). `code` is the current code, used for dates no range covers.
   */
  datedCodes: DatedCode[];
  /**
   * Phrases written with a leading "^" in the data: they must be capitalised
   * in the text even in columns that otherwise match any case ("^Polish").
   */
  capitalisedOnly: string[];
  /** Persons: the surname that may stand alone ("Putin", "Xi"); also added to the aliases. */
  surname?: string;
  note?: string;
  /** Where the entry came from, for error messages and provenance. */
  source: { file: string; line: number };
}

export interface ActorMatch {
  /** First token of the match. */
  startToken: number;
  /** One past the last token of the match (exclusive, like character offsets). */
  endToken: number;
  /**
   * Where the match starts inside tokens[startToken] (UTF-16 offset; 0 unless
   * it starts after a joiner: "pro-|Russian") and ends inside
   * tokens[endToken - 1] (its length unless it stops before a joiner:
   * "U.S.|-led"). A trailing possessive ("Russia's") is included.
   */
  startOffsetInToken: number;
  endOffsetInToken: number;
  entry: ActorEntry;
  matchedAs: MatchedAs;
  /** The dictionary phrase that matched, as written in the data file. */
  phrase: string;
  /** Other entries with the same phrase ("Congo", "Korean"); `entry` is the preferred one. */
  alternatives: ActorEntry[];
}

export interface ActorLookup {
  entry: ActorEntry;
  matchedAs: MatchedAs;
}

/** A token of the caller's tokenisation with its UTF-16 start offset in the document. */
export interface OffsetToken {
  text: string;
  start: number;
}

/** An ActorMatch placed in the document: UTF-16 offsets, end exclusive. */
export interface ActorSpanMatch extends ActorMatch {
  start: number;
  end: number;
}
