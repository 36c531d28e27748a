/**
 * What dedupe compares: the title and body of an article, never its
 * boilerplate. Accepts either an Analysis (uses the `blocks` layer) or plain
 * text (used as it is, so boilerplate in plain text does count).
 */
import type { Analysis } from '../doc/schema.js';

/** Plain text, or an analysed document whose blocks say what is boilerplate. */
export type DedupeInput = string | Analysis;

export interface ArticleText {
  title: string;
  /** Body blocks joined with newlines (the whole text for plain input). */
  body: string;
}

export function articleText(input: DedupeInput): ArticleText {
  if (typeof input === 'string') return { title: '', body: input };
  const blocks = input.layers.blocks;
  if (!blocks) return { title: input.document.title ?? '', body: input.text };
  const titles: string[] = [];
  const bodies: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'title') titles.push(b.text);
    else if (b.kind === 'body') bodies.push(b.text);
  }
  const title = titles.length > 0 ? titles.join('\n') : (input.document.title ?? '');
  return { title, body: bodies.join('\n') };
}

/** Title and body together: what near-duplicate detection shingles. */
export function comparableText(input: DedupeInput): string {
  const { title, body } = articleText(input);
  return title === '' ? body : `${title}\n${body}`;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Lower-cased word tokens; apostrophes inside words stay ("kim's" -> "kim's"). */
export function wordTokens(text: string): string[] {
  const out = text.toLowerCase().match(WORD) ?? [];
  for (let i = 0; i < out.length; i++) out[i] = out[i]!.replace('’', "'");
  return out;
}

/**
 * Fold what differs between copies of one text but not its words: Unicode
 * compatibility forms, curly quotes and dashes, runs of whitespace.
 */
export function foldForHash(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}
