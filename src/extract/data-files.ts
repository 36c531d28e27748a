/** Loads the JSON rule files in data/extraction through the shared data loader. */
import { dataPath, readJsonData } from '../util/data-files.js';

export function loadJson<T>(name: string): T {
  return readJsonData<T>(dataPath('extraction', name));
}

export interface BoilerplateRules {
  categories: Record<string, string[]>;
  protect: string[];
  roles: Record<string, string>;
  tags: Record<string, string>;
  phrases: { patterns: string[]; tailMarkers: string[]; promoWords: string[] };
}

export interface MetadataKeys {
  articleTypes: string[];
  title: string[];
  published: string[];
  modified: string[];
  author: string[];
  siteName: string[];
  description: string[];
  bylineClasses: string[];
}

export interface StopwordData {
  scripts: Record<string, string>;
  words: Record<string, string[]>;
}

/** Builds one regex matching any fragment as a whole class/id token. */
export function tokenRegex(fragments: string[]): RegExp {
  return new RegExp(`(?:^|[\\s_-])(?:${separators(fragments)})(?:$|[\\s_-])`, 'i');
}

/** In the data files "-?" means "an optional separator": "article-?body" also matches "article_body". */
function separators(fragments: string[]): string {
  return fragments.map((f) => f.replace(/-\?/g, '[-_]?')).join('|');
}

/**
 * Matches when a fragment is a whole class token or its first or last part:
 * "share-bar" and "article-comments" match, "elementor-widget-container" does
 * not match "widget". Compound names mention furniture words in the middle
 * far more often for layout reasons than to label furniture.
 */
export function edgeTokenMatcher(fragments: string[]): (classOrId: string) => string | null {
  const alt = separators(fragments);
  // An optional one- or two-letter namespace prefix ("c-cookie-banner", "o-nav") is skipped.
  const start = new RegExp(`^(?:(?!no[-_]|is[-_])[a-z]{1,2}[-_]+)?(?:${alt})(?:[-_]|$)`, 'i');
  const end = new RegExp(`(?:^|[-_])(?:${alt})(?:[-_]?\\d+)?$`, 'i');
  // "has-ads", "with-sidebar", "no-comments" describe a layout, not furniture.
  const layoutWord = /(?:^|[-_])(?:has|with|without|no|is|show|hide|enable|enabled|disable|disabled)[-_]*$/i;
  return (value) => {
    // camelCase counts as a separator too: "newsCaption", "shareBar".
    for (const token of value.replace(/([a-z])([A-Z])/g, '$1-$2').split(/\s+/)) {
      if (!token) continue;
      let m = start.exec(token);
      if (!m) {
        m = end.exec(token);
        if (m && layoutWord.test(token.slice(0, m.index))) m = null;
      }
      if (m) return m[0].replace(/^[-_]+|[-_\d]+$/g, '');
    }
    return null;
  };
}
