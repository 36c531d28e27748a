/**
 * A lenient XML tree for feeds and OPML, on htmlparser2 in xmlMode.
 *
 * Why htmlparser2: it never throws on malformed markup (bare `&`, unescaped
 * quotes in attributes, unclosed tags), and it does not interpret DTDs at all,
 * so internal entity definitions (billion laughs) and external entities
 * (XXE) are never expanded: `&lol9;` stays the literal text `&lol9;`.
 *
 * Entities are decoded by us (decodeEntities: false in the parser) so that
 * CDATA stays raw and HTML entities common in feeds (`&nbsp;`, `&eacute;`)
 * are understood, with strict semicolon rules so `AT&T` stays as written.
 */
import { Parser, DomUtils } from 'htmlparser2';
import { DomHandler, isCDATA, isTag, isText, type ChildNode, type Document, type Element } from 'domhandler';
import { decodeHTMLStrict } from 'entities';
import { NewsgraphError } from '../util/errors.js';

export interface XmlParseLimits {
  /** Maximum characters of XML text. */
  maxChars: number;
  /** Wall-clock budget for tokenising. */
  timeoutMs: number;
  /** Error code used when the limits are hit ('bad-feed' for feeds, 'bad-input' for OPML). */
  what: string;
}

const CHUNK_CHARS = 64 * 1024;

/** Parse in chunks so that the time budget is checked while tokenising, not after. */
export function parseXmlLeniently(text: string, limits: XmlParseLimits): Document {
  if (text.length > limits.maxChars) {
    throw new NewsgraphError('too-large', `${limits.what} is ${text.length} characters, over the limit of ${limits.maxChars}`);
  }
  const started = Date.now();
  const handler = new DomHandler(undefined, { xmlMode: true });
  const parser = new Parser(handler, { xmlMode: true, decodeEntities: false, recognizeCDATA: true, recognizeSelfClosing: true });
  for (let at = 0; at < text.length; at += CHUNK_CHARS) {
    parser.write(text.slice(at, at + CHUNK_CHARS));
    if (Date.now() - started > limits.timeoutMs) {
      throw new NewsgraphError('timeout', `${limits.what} took longer than ${limits.timeoutMs} ms to parse`);
    }
  }
  parser.end();
  return handler.root;
}

/** Lower-cased qualified name (`dc:creator`, `content:encoded`, `link`). */
export function nameOf(el: Element): string {
  return el.name.toLowerCase();
}

/** Local name without namespace prefix. */
export function localNameOf(el: Element): string {
  const n = nameOf(el);
  const colon = n.indexOf(':');
  return colon >= 0 ? n.slice(colon + 1) : n;
}

export function childElements(node: Element | Document): Element[] {
  return node.children.filter((c): c is Element => isTag(c));
}

/** First child element whose qualified name is one of `names` (lower-case), in the order of `names`. */
export function firstChild(node: Element | Document, ...names: string[]): Element | undefined {
  const kids = childElements(node);
  for (const name of names) {
    const hit = kids.find((k) => nameOf(k) === name);
    if (hit) return hit;
  }
  return undefined;
}

export function childrenNamed(node: Element | Document, ...names: string[]): Element[] {
  return childElements(node).filter((k) => names.includes(nameOf(k)));
}

/** Elements with one of the names anywhere below `node`, not descending into matches. */
export function findOutermost(node: Element | Document, names: string[]): Element[] {
  const found: Element[] = [];
  const walk = (n: Element | Document): void => {
    for (const c of childElements(n)) {
      if (names.includes(nameOf(c))) found.push(c);
      else walk(c);
    }
  };
  walk(node);
  return found;
}

export function attr(el: Element, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(el.attribs)) {
    if (k.toLowerCase() === want) return decodeHTMLStrict(v);
  }
  return undefined;
}

/**
 * The character data of an element: text nodes entity-decoded, CDATA kept raw.
 * Child elements contribute their text too (feeds put unescaped HTML in
 * descriptions), which is what a plain-text field wants.
 */
export function textOf(node: ChildNode | Element | undefined): string {
  if (!node) return '';
  if (isText(node)) return decodeHTMLStrict(node.data);
  if (isCDATA(node)) return node.children.map((c) => (isText(c) ? c.data : '')).join('');
  if (isTag(node)) return node.children.map((c) => textOf(c)).join('');
  return '';
}

/**
 * The markup inside an element, as HTML. Escaped HTML (`&lt;p&gt;`) and CDATA
 * decode to their text; literal child elements (XHTML content, or raw tags
 * a sloppy feed left unescaped) are serialised back as they were written.
 */
export function innerMarkupOf(el: Element | undefined): string {
  if (!el) return '';
  return el.children
    .map((c) => {
      if (isTag(c)) return DomUtils.getOuterHTML(c, { xmlMode: false, decodeEntities: false });
      return textOf(c);
    })
    .join('');
}
