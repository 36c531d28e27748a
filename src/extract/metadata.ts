/**
 * Page metadata: JSON-LD first (publishers fill it for search engines, so it is
 * the most reliable), then OpenGraph/article:* and other <meta> tags, then the
 * DOM (<time>, bylines, <h1>, <title>).
 */
import { Parser } from 'htmlparser2';
import { type ElementNode, attr, normalizeSpace, rawText, walkElements } from './dom.js';
import { dateFromUrl, normalizeDate } from './dates.js';
import { type MetadataKeys, loadJson, tokenRegex } from './data-files.js';
import { type TitleSources, chooseTitle } from './title.js';

const KEYS = loadJson<MetadataKeys>('metadata-keys.json');
const BYLINE_RE = tokenRegex(KEYS.bylineClasses);
const ARTICLE_TYPE_RANK = new Map(KEYS.articleTypes.map((t, i) => [t.toLowerCase(), i]));

export interface PageMetadata {
  title: string | null;
  authors: string[];
  published: string | null;
  modified: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  declaredLang: string | null;
  description: string | null;
  /** JSON-LD articleBody, when the page has one (used as a content signal). */
  jsonLdBody: string | null;
  /** Text of the page's <h1> elements, used to drop the headline from the body. */
  h1Texts: string[];
  /** Where the title was looked for (kept for diagnostics). */
  titleSources: TitleSources;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

/** Decodes entities and strips tags left in JSON-LD strings. */
function decodeHtmlText(s: string): string {
  if (!/[&<]/.test(s)) return normalizeSpace(s);
  let out = '';
  const p = new Parser({ ontext: (t) => (out += t) }, { decodeEntities: true });
  p.write(s);
  p.end();
  return normalizeSpace(out);
}

function parseJsonLd(text: string): Json[] {
  const cleaned = text.trim().replace(/^<!--|-->$/g, '').replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '');
  for (const candidate of [cleaned, cleaned.replace(/[\u0000-\u001f]+/g, ' ')]) {
    try {
      return [JSON.parse(candidate) as Json];
    } catch {
      // Invalid JSON-LD is common (raw newlines in strings); try the cleaned form, then give up.
    }
  }
  return [];
}

/** Flattens arrays and @graph containers into a list of objects. */
function flattenLd(values: Json[]): JsonObject[] {
  const out: JsonObject[] = [];
  const todo = [...values];
  while (todo.length > 0 && out.length < 500) {
    const v = todo.shift();
    if (Array.isArray(v)) todo.push(...v);
    else if (v && typeof v === 'object') {
      out.push(v);
      const graph = v['@graph'];
      if (graph) todo.push(graph);
      const main = v['mainEntity'];
      if (main && typeof main === 'object') todo.push(main);
    }
  }
  return out;
}

function ldTypes(o: JsonObject): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase());
}

function ldString(v: Json | undefined): string | null {
  if (typeof v === 'string') return decodeHtmlText(v) || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return ldString(v[0]);
  if (v && typeof v === 'object') return ldString(v['name'] ?? v['@value'] ?? v['url'] ?? v['@id']);
  return null;
}

function ldNames(v: Json | undefined): string[] {
  if (v == null) return [];
  if (Array.isArray(v)) return v.flatMap((x) => ldNames(x));
  if (typeof v === 'string') return [decodeHtmlText(v)];
  if (typeof v === 'object') {
    const name = v['name'];
    if (typeof name === 'string') return [decodeHtmlText(name)];
    if (Array.isArray(name)) return ldNames(name);
    const given = v['givenName'];
    const family = v['familyName'];
    if (typeof given === 'string' || typeof family === 'string') return [normalizeSpace(`${given ?? ''} ${family ?? ''}`)];
  }
  return [];
}

/** Splits "By Jane Doe and John Roe" style strings into names and drops URLs/handles. */
export function cleanAuthors(raw: string[]): string[] {
  const out: string[] = [];
  for (const r of raw) {
    let s = normalizeSpace(r).replace(/^(by|von|par|por|door|di|da|af|av|przez|от|автор)[:\s]+/i, '');
    s = s.replace(/\s*[|•·]\s*.*$/, '').replace(/\s+(for|für|pour|para)\s+.*$/i, '');
    // Role words after a comma ("Jane Doe, Senior Reporter") are titles, not names.
    const parts = s.split(/\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bwith\b)\s*/i);
    for (let p of parts) {
      p = p.trim().replace(/^@/, '');
      if (!p || p.length > 60 || /^https?:|www\.|\.com\b|@|\d{3,}/i.test(p)) continue;
      if (!/\p{L}/u.test(p) || p.split(/\s+/).length > 6) continue;
      if (/^(staff|reporter|correspondent|editor|writer|senior|contributor|journalist|updated|published|min read|.*\bago)$/i.test(p)) continue;
      if (!out.some((o) => o.toLowerCase() === p.toLowerCase())) out.push(p);
    }
  }
  return out;
}

/** Resolves a relative canonical link against the page URL; drops values that are not URLs. */
function absoluteUrl(href: string | null, base: string | undefined): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

function primaryLang(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /^([a-z]{2,3})(?:[-_]|$)/i.exec(raw.trim());
  return m ? m[1]!.toLowerCase() : null;
}

export function extractMetadata(root: ElementNode, url: string | undefined): PageMetadata {
  const meta = new Map<string, string>();
  const ldObjects: JsonObject[] = [];
  let htmlLang: string | null = null;
  let titleTag: string | null = null;
  let canonical: string | null = null;
  const h1Texts: string[] = [];
  const timeDates: string[] = [];
  const itempropDates: string[] = [];
  const bylineTexts: string[] = [];
  const relAuthors: string[] = [];

  for (const el of walkElements(root)) {
    switch (el.tag) {
      case 'html':
        htmlLang = htmlLang ?? (attr(el, 'lang') || attr(el, 'xml:lang') || null);
        break;
      case 'meta': {
        const key = (attr(el, 'property') || attr(el, 'name') || attr(el, 'itemprop') || attr(el, 'http-equiv')).toLowerCase().trim();
        const content = attr(el, 'content') || attr(el, 'datetime');
        if (key && content && !meta.has(key)) meta.set(key, content);
        break;
      }
      case 'link': {
        const rel = attr(el, 'rel').toLowerCase();
        if (rel === 'canonical' && !canonical) canonical = attr(el, 'href') || null;
        break;
      }
      case 'title':
        if (titleTag === null) titleTag = normalizeSpace(rawText(el));
        break;
      case 'script':
        if (/ld\+json/i.test(attr(el, 'type'))) ldObjects.push(...flattenLd(parseJsonLd(rawText(el))));
        break;
      case 'h1':
        h1Texts.push(normalizeSpace(rawText(el)));
        break;
      case 'time': {
        const d = attr(el, 'datetime') || normalizeSpace(rawText(el));
        if (d) timeDates.push(d);
        break;
      }
      default:
        break;
    }
    const itemprop = attr(el, 'itemprop').toLowerCase();
    if (itemprop === 'datepublished' && el.tag !== 'meta') itempropDates.push(attr(el, 'datetime') || attr(el, 'content') || normalizeSpace(rawText(el)));
    if (el.tag === 'a' && attr(el, 'rel').toLowerCase().includes('author')) relAuthors.push(normalizeSpace(rawText(el)));
    // Bylines are short: skip big containers before testing classes or collecting text.
    const small = el.end - el.start < 3000;
    if (small && el.tag !== 'meta' && el.tag !== 'link' && (itemprop === 'author' || BYLINE_RE.test(attr(el, 'class')) || BYLINE_RE.test(attr(el, 'id')))) {
      const t = normalizeSpace(rawText(el));
      if (t.length > 2 && t.length < 120) bylineTexts.push(t);
    }
  }

  // The JSON-LD object describing the article: best-ranked @type wins.
  let article: JsonObject | null = null;
  let bestRank = Infinity;
  for (const o of ldObjects) {
    for (const t of ldTypes(o)) {
      const r = ARTICLE_TYPE_RANK.get(t);
      if (r !== undefined && r < bestRank) {
        bestRank = r;
        article = o;
      }
    }
  }
  const organization = ldObjects.find((o) => ldTypes(o).some((t) => t === 'organization' || t === 'newsmediaorganization'));
  const website = ldObjects.find((o) => ldTypes(o).includes('website'));

  const firstMeta = (keys: string[]): string | null => {
    for (const k of keys) {
      const v = meta.get(k);
      if (v && v.trim()) return decodeHtmlText(v);
    }
    return null;
  };

  const siteName =
    firstMeta(KEYS.siteName.slice(0, 4)) ??
    ldString(article?.['publisher']) ??
    ldString(website?.['name']) ??
    ldString(organization?.['name']) ??
    firstMeta(KEYS.siteName.slice(4));

  const titleSources: TitleSources = {
    jsonLdHeadline: ldString(article?.['headline']),
    jsonLdName: ldString(article?.['name']),
    ogTitle: firstMeta(['og:title']),
    twitterTitle: firstMeta(['twitter:title']),
    otherMetaTitles: KEYS.title.filter((k) => k !== 'og:title' && k !== 'twitter:title').map((k) => firstMeta([k])).filter((t): t is string => !!t),
    h1Texts,
    titleTag,
    siteName,
  };
  const title = chooseTitle(titleSources);

  let published: string | null = null;
  for (const cand of [ldString(article?.['datePublished']), ldString(article?.['dateCreated']), ...KEYS.published.map((k) => meta.get(k)), ...itempropDates, ...timeDates]) {
    published = normalizeDate(cand);
    if (published) break;
  }
  published = published ?? dateFromUrl(canonical ?? url);
  let modified: string | null = null;
  for (const cand of [ldString(article?.['dateModified']), ...KEYS.modified.map((k) => meta.get(k))]) {
    modified = normalizeDate(cand);
    if (modified) break;
  }

  let authors = cleanAuthors(ldNames(article?.['author']));
  if (authors.length === 0) authors = cleanAuthors(KEYS.author.map((k) => meta.get(k)).filter((v): v is string => !!v && !/^https?:/i.test(v)).slice(0, 1));
  if (authors.length === 0) authors = cleanAuthors(relAuthors);
  if (authors.length === 0) authors = cleanAuthors(bylineTexts.slice(0, 1));

  const bodyRaw = article?.['articleBody'];
  const jsonLdBody = typeof bodyRaw === 'string' && bodyRaw.length > 0 ? bodyRaw : null;

  return {
    title,
    authors,
    published,
    modified,
    siteName,
    canonicalUrl: absoluteUrl(canonical ?? firstMeta(['og:url']), url) ?? url ?? null,
    declaredLang: primaryLang(htmlLang) ?? primaryLang(meta.get('content-language')) ?? primaryLang(ldString(article?.['inLanguage'])) ?? primaryLang(meta.get('og:locale')),
    description: firstMeta(KEYS.description) ?? ldString(article?.['description']),
    jsonLdBody,
    h1Texts,
    titleSources,
  };
}
