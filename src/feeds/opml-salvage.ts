/**
 * Last-resort OPML reading for files so broken that even a lenient XML
 * tokenizer loses outlines: attribute values holding unescaped quotes
 * (`title="Газета "Коммерсантъ""`) or raw markup (`description="<em class="x">"`)
 * end the tag early and hide the `xmlUrl` that follows.
 *
 * Each `<outline` is cut out up to the next outline tag, and its attributes
 * are read with a rule that only ends a value at a quote followed by another
 * attribute or the tag end. Nesting is followed through `</outline>` so
 * categories still come out.
 */
import { decodeHTMLStrict } from 'entities';
import type { OpmlFeed } from './opml.js';

const OUTLINE_TOKEN = /<outline\b|<\/outline\s*>|<\/body\s*>/gi;
const ATTRIBUTE = /([\w:-]+)\s*=\s*(?:"([\s\S]*?)"(?=\s+[\w:-]+\s*=|\s*\/?>|\s*$)|'([\s\S]*?)'(?=\s+[\w:-]+\s*=|\s*\/?>|\s*$))/g;

function readAttributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(ATTRIBUTE)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeHTMLStrict(m[2] ?? m[3] ?? ''));
  }
  return attrs;
}

function clean(s: string | undefined): string | null {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

export function salvageOpmlFeeds(text: string): OpmlFeed[] {
  const feeds: OpmlFeed[] = [];
  const groups: (string | null)[] = [];
  const tokens = [...text.matchAll(OUTLINE_TOKEN)];
  tokens.forEach((tok, i) => {
    const word = tok[0].toLowerCase();
    if (word.startsWith('</outline')) {
      groups.pop();
      return;
    }
    if (word.startsWith('</body')) return;
    const start = (tok.index ?? 0) + tok[0].length;
    const end = tokens[i + 1]?.index ?? text.length;
    const segment = text.slice(start, end);
    const attrs = readAttributes(segment);
    const title = clean(attrs.get('title')) ?? clean(attrs.get('text'));
    const xmlUrl = clean(attrs.get('xmlurl'));
    if (xmlUrl) {
      const path = groups.filter((g): g is string => !!g);
      feeds.push({
        title,
        xmlUrl,
        htmlUrl: clean(attrs.get('htmlurl')),
        category: clean(attrs.get('category')) ?? (path.length ? path.join('/') : null),
        description: clean(attrs.get('description')),
      });
    }
    // An outline that is not self-closed opens a group until its </outline>.
    const selfClosed = /\/>\s*$/.test(segment.replace(/<!--[\s\S]*?-->/g, '').trimEnd()) || /\/>\s*$/.test(segment.trimEnd());
    if (!selfClosed) groups.push(xmlUrl ? null : title);
  });
  return feeds;
}
