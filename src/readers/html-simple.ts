import { Parser } from 'htmlparser2';

/**
 * A small main-text reader for HTML: paragraphs, headings and list items,
 * skipping scripts, styles, navigation, headers, footers, asides and forms.
 * Good enough for clean article pages; src/extract does the real job.
 */
const SKIP = new Set(['script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'form', 'svg', 'template', 'iframe', 'button', 'select']);
const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'td', 'div', 'section', 'article', 'br', 'tr', 'dd', 'dt', 'figcaption']);

export interface SimpleHtml {
  title: string | null;
  text: string;
  published: string | null;
  url: string | null;
  siteName: string | null;
}

export function simpleHtmlToText(html: string): SimpleHtml {
  const blocks: string[] = [];
  let current = '';
  let skipDepth = 0;
  let inTitle = false;
  let title = '';
  let ogTitle: string | null = null;
  let published: string | null = null;
  let canonical: string | null = null;
  let siteName: string | null = null;
  const flush = (): void => {
    const t = current.replace(/\s+/g, ' ').trim();
    if (t) blocks.push(t);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIP.has(name)) skipDepth++;
        if (name === 'title') inTitle = true;
        if (BLOCK.has(name)) flush();
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? '').toLowerCase();
          if (key === 'og:title') ogTitle = attrs.content ?? null;
          if (key === 'article:published_time' || key === 'date' || key === 'pubdate') published ??= attrs.content ?? null;
          if (key === 'og:site_name') siteName = attrs.content ?? null;
          if (key === 'og:url') canonical ??= attrs.content ?? null;
        }
        if (name === 'link' && (attrs.rel ?? '').toLowerCase() === 'canonical') canonical = attrs.href ?? canonical;
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (skipDepth === 0) current += text;
      },
      onclosetag(name) {
        if (SKIP.has(name) && skipDepth > 0) skipDepth--;
        if (name === 'title') inTitle = false;
        if (BLOCK.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  const finalTitle = (ogTitle ?? title).replace(/\s+/g, ' ').trim() || null;
  // The title usually opens the body as an <h1>; keep it once, at the top.
  if (finalTitle && blocks[0] !== finalTitle) blocks.unshift(finalTitle);
  return { title: finalTitle, text: blocks.join('\n\n'), published, url: canonical, siteName };
}
