/**
 * Plain text from the small HTML fragments found in feed titles and
 * summaries. Not main-content extraction (that is src/extract): block
 * elements become spaces, scripts and styles vanish, whitespace collapses.
 */
import { parseDocument } from 'htmlparser2';
import { isCDATA, isTag, isText, type ChildNode } from 'domhandler';

const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'tr', 'td', 'th', 'table', 'section', 'article', 'figure', 'figcaption', 'hr', 'pre']);
const DROP = new Set(['script', 'style', 'noscript', 'template']);

/** Does the string look like it carries markup (so it needs stripping)? */
export function looksLikeHtml(s: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>|&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/i.test(s);
}

export function collapseWhitespace(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

export function htmlToText(html: string): string {
  if (!looksLikeHtml(html)) return collapseWhitespace(html);
  const doc = parseDocument(html, { decodeEntities: true });
  const parts: string[] = [];
  const walk = (nodes: ChildNode[]): void => {
    for (const n of nodes) {
      if (isText(n)) parts.push(n.data);
      else if (isTag(n)) {
        const name = n.name.toLowerCase();
        if (DROP.has(name)) continue;
        const block = BLOCK.has(name);
        if (block) parts.push(' ');
        walk(n.children);
        if (block) parts.push(' ');
      } else if (isCDATA(n)) walk(n.children);
    }
  };
  walk(doc.children);
  return collapseWhitespace(parts.join(''));
}
