/**
 * Article title selection. Pages state their headline in several places and
 * these often disagree: the JSON-LD headline, og:title (often a shorter
 * social headline), twitter:title, the <h1>, <title> with a site name
 * around it, sometimes a headline cut short with an ellipsis.
 *
 * The rule, the same for every site:
 *  1. Every candidate is cleaned the same way: whitespace and entities
 *     normalised, a site or section name around it removed (using
 *     og:site_name, or the page's own <h1> with separators around it), and a
 *     candidate cut short with an ellipsis replaced by the candidate it begins.
 *  2. Declared metadata wins over the DOM, most specific first, as for the
 *     other metadata: the JSON-LD article headline (the field schema.org
 *     defines as the article's headline), then og:title, twitter:title and
 *     other title meta tags. Two sources agreeing is weak evidence here,
 *     because CMSs fill og:title and the <h1> from one field and the JSON-LD
 *     headline and <title> from another. Only when og:title, the <h1> and
 *     <title> all state one other title does that title beat the JSON-LD
 *     headline (which may then describe another object on the page).
 *  3. A page without title metadata takes the <h1> that its <title> names,
 *     else its first <h1>, else its <title>.
 */
import { normalizeSpace } from './dom.js';

/** Every place a page states its title, as found (entities decoded). */
export interface TitleSources {
  /** `headline` of the page's JSON-LD article object. */
  jsonLdHeadline: string | null;
  /** `name` of that object: often the page name or a video's, so a last resort. */
  jsonLdName: string | null;
  ogTitle: string | null;
  twitterTitle: string | null;
  /** sailthru/parsely/dc titles and the like, in metadata-keys.json order. */
  otherMetaTitles: string[];
  h1Texts: string[];
  titleTag: string | null;
  siteName: string | null;
}

/** Separators between a headline and a site or section name: "Headline | Site", "Headline - News". */
const SEPARATOR = String.raw`(?:[|–—:·•»›~-]|::)`;
const TITLE_SEPARATORS = new RegExp(String.raw`\s+${SEPARATOR}\s+`);
/** A separator right after the headline ("Headline | Site", "Headline: Site"). */
const SUFFIX_SEPARATOR = new RegExp(String.raw`^\s+${SEPARATOR}\s+\S`);
/** A separator right before the headline: "Site | Headline", "Kicker: Headline". */
const PREFIX_SEPARATOR = /(?:\S\s+(?:[|–—·•»›~-]|::)|\S\s?:)\s+$/;
const ELLIPSIS_END = /\s*(?:…|\.{3})$/;
const EDGE_SEPARATORS = /^[\s|–—:·•»›~-]+|[\s|–—:·•»›~-]+$/g;

/** Comparison key: whitespace, typographic quotes and letter case do not make two titles differ. */
export function titleKey(s: string): string {
  return normalizeSpace(s.normalize('NFC'))
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .toLowerCase();
}

/**
 * `inner` stands in `outer` with only a site, section or kicker around it,
 * after a separator: "Site | inner", "inner - Section", "Kicker: inner".
 */
function framedBy(outer: string, inner: string): boolean {
  const at = outer.indexOf(inner);
  if (at < 0) return false;
  const end = at + inner.length;
  return (at === 0 || PREFIX_SEPARATOR.test(outer.slice(0, at))) && (end === outer.length || SUFFIX_SEPARATOR.test(outer.slice(end)));
}

/** Removes a " | Site Name" style suffix or prefix from a page title. */
export function stripSiteFromTitle(title: string, siteName: string | null, h1Texts: string[]): string {
  // The page's own displayed headline, alone or with a site, section or kicker around it.
  const h1 = h1Texts.find((h) => h.length > 10 && framedBy(titleKey(title), titleKey(h)));
  if (h1) return h1;
  const parts = title.split(TITLE_SEPARATORS);
  if (parts.length < 2) return title;
  const site = siteName?.toLowerCase().trim() ?? '';
  if (!site) return title;
  const first = parts[0]!.toLowerCase();
  const last = parts[parts.length - 1]!.toLowerCase();
  const isSite = (p: string): boolean => p.length > 0 && (p.includes(site) || site.includes(p));
  if (isSite(last)) return title.slice(0, title.length - parts[parts.length - 1]!.length).replace(EDGE_SEPARATORS, '');
  if (isSite(first)) return title.slice(parts[0]!.length).replace(EDGE_SEPARATORS, '');
  return title;
}

/**
 * Whether `short` (a key) is `long` cut short with an ellipsis: "Council
 * approves new ferry…" for "Council approves new ferry route".
 */
export function isTruncationOf(short: string, long: string): boolean {
  if (!ELLIPSIS_END.test(short)) return false;
  const stem = short.replace(ELLIPSIS_END, '');
  // A stem of a few characters would match anything.
  return stem.length >= 15 && long.length > stem.length && long.startsWith(stem) && !ELLIPSIS_END.test(long);
}

/** Picks the article title from its sources (see the rule above), or null when the page states none. */
export function chooseTitle(src: TitleSources): string | null {
  const h1s = src.h1Texts.map(normalizeSpace).filter((h) => h.length > 0);
  const clean = (t: string | null | undefined): string | null => {
    const s = t ? normalizeSpace(t) : '';
    return s ? stripSiteFromTitle(s, src.siteName, h1s) || s : null;
  };
  const titleTag = clean(src.titleTag);
  const declared = [src.jsonLdHeadline, src.ogTitle, src.twitterTitle, ...src.otherMetaTitles].map(clean).filter((t): t is string => !!t);
  // The <h1> that another source names: the one the <title> was stripped to, or one a declared title equals.
  const known = [...declared, ...(titleTag ? [titleTag] : [])].map(titleKey);
  const namedH1 = h1s.find((h) => known.includes(titleKey(h))) ?? null;
  const all = [...declared, ...(namedH1 ? [namedH1] : []), ...(titleTag ? [titleTag] : []), ...h1s];
  const complete = (t: string): string => {
    const key = titleKey(t);
    return all.find((o) => isTruncationOf(key, titleKey(o))) ?? t;
  };
  // JSON-LD can describe the wrong object (a related story, a video): when
  // og:title, the <h1> and <title> all state one other title, that one wins.
  const ld = clean(src.jsonLdHeadline);
  const social = clean(src.ogTitle ?? src.twitterTitle);
  const dissent = ld && social && namedH1 && titleTag && [namedH1, titleTag].every((t) => titleKey(t) === titleKey(social)) && titleKey(social) !== titleKey(ld);
  const first = (dissent ? social : declared[0]) ?? namedH1 ?? h1s[0] ?? titleTag ?? clean(src.jsonLdName) ?? null;
  return first === null ? null : complete(first);
}
