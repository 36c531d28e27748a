/**
 * A small DOM built with htmlparser2's streaming parser. We keep only what the
 * extractor needs (tag, attributes, children, source offsets) so that parsing a
 * news page stays cheap, and we enforce the size, time and depth limits here.
 */
import { Parser } from 'htmlparser2';
import { NewsgraphError } from './errors.js';

export interface TextNode {
  kind: 'text';
  text: string;
  /** Offset of the text in the HTML source (UTF-16 units, end exclusive). */
  start: number;
  end: number;
}

export interface ElementNode {
  kind: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: DomNode[];
  parent: ElementNode | null;
  /** Offset of the opening tag in the HTML source. */
  start: number;
  /** Offset just past the closing tag (or past the last content when implied). */
  end: number;
}

export type DomNode = TextNode | ElementNode;

export interface DomLimits {
  maxBytes: number;
  timeoutMs: number;
  /** Elements nested deeper than this are flattened into their ancestor. */
  maxDepth: number;
}

export interface ParsedDom {
  root: ElementNode;
  /** Number of elements flattened because of `maxDepth`. */
  flattened: number;
}

/** Elements whose content never belongs to the readable text. */
const DISCARD_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'object', 'embed', 'iframe', 'select', 'option', 'textarea']);

export class Deadline {
  private readonly until: number;
  private counter = 0;
  constructor(private readonly timeoutMs: number) {
    this.until = Date.now() + timeoutMs;
  }
  /** Cheap periodic check; reading the clock on every node would dominate the run time. */
  tick(): void {
    if ((++this.counter & 127) === 0 && Date.now() > this.until) {
      throw new NewsgraphError('timeout', `HTML extraction exceeded the time limit of ${this.timeoutMs} ms`);
    }
  }
  check(): void {
    if (Date.now() > this.until) {
      throw new NewsgraphError('timeout', `HTML extraction exceeded the time limit of ${this.timeoutMs} ms`);
    }
  }
}

export function parseDom(html: string, limits: DomLimits, deadline: Deadline): ParsedDom {
  if (html.length > limits.maxBytes || Buffer.byteLength(html, 'utf8') > limits.maxBytes) {
    throw new NewsgraphError('too-large', `HTML input is larger than the limit of ${limits.maxBytes} bytes`);
  }
  const root: ElementNode = { kind: 'element', tag: '#root', attrs: {}, children: [], parent: null, start: 0, end: html.length };
  // One entry per element htmlparser2 has open; elements beyond maxDepth map to
  // the deepest kept element so open/close events stay paired.
  const stack: ElementNode[] = [root];
  const kept: boolean[] = [true];
  let depth = 0;
  let flattened = 0;
  let discardDepth = 0;
  let jsonLdNode: ElementNode | null = null;

  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        deadline.tick();
        const parent = stack[stack.length - 1]!;
        if (discardDepth > 0 && !jsonLdNode) {
          stack.push(parent);
          kept.push(false);
          return;
        }
        if (depth >= limits.maxDepth) {
          flattened++;
          stack.push(parent);
          kept.push(false);
          return;
        }
        const el: ElementNode = { kind: 'element', tag: name, attrs: attribs, children: [], parent, start: parser.startIndex, end: parser.endIndex + 1 };
        parent.children.push(el);
        stack.push(el);
        kept.push(true);
        depth++;
        if (DISCARD_CONTENT.has(name)) {
          discardDepth++;
          // JSON-LD is the one script whose text we need (metadata, articleBody).
          if (name === 'script' && /ld\+json/i.test(attribs.type ?? '')) jsonLdNode = el;
        }
      },
      ontext(data) {
        deadline.tick();
        const parent = stack[stack.length - 1]!;
        if (discardDepth > 0 && parent !== jsonLdNode) return;
        const last = parent.children[parent.children.length - 1];
        // htmlparser2 may split one text run into several events; merge them.
        if (last && last.kind === 'text' && last.end === parser.startIndex) {
          last.text += data;
          last.end = parser.endIndex + 1;
        } else {
          parent.children.push({ kind: 'text', text: data, start: parser.startIndex, end: parser.endIndex + 1 });
        }
      },
      onclosetag(name) {
        // htmlparser2's own work per tag grows with nesting depth, so closes are timed too.
        deadline.tick();
        const el = stack.pop()!;
        const wasKept = kept.pop()!;
        if (!wasKept) return;
        depth--;
        el.end = Math.max(el.end, parser.endIndex + 1);
        if (DISCARD_CONTENT.has(name)) {
          discardDepth--;
          if (el === jsonLdNode) jsonLdNode = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  // Feed in chunks so the deadline is also checked on pages with few tags.
  const CHUNK = 256 * 1024;
  for (let i = 0; i < html.length; i += CHUNK) {
    parser.write(html.slice(i, i + CHUNK));
    deadline.check();
  }
  parser.end();
  return { root, flattened };
}

/** Depth-first visit without recursion, so deep pages cannot overflow the stack. */
export function* walkElements(root: ElementNode): Generator<ElementNode> {
  const todo: ElementNode[] = [root];
  while (todo.length > 0) {
    const el = todo.pop()!;
    yield el;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (c.kind === 'element') todo.push(c);
    }
  }
}

/** All text below `el`, concatenated raw (no whitespace normalisation). */
export function rawText(el: ElementNode): string {
  const parts: string[] = [];
  const todo: DomNode[] = [el];
  while (todo.length > 0) {
    const n = todo.pop()!;
    if (n.kind === 'text') parts.push(n.text);
    else if (!DISCARD_CONTENT.has(n.tag) || n === el) for (let i = n.children.length - 1; i >= 0; i--) todo.push(n.children[i]!);
  }
  return parts.join('');
}

export function normalizeSpace(s: string): string {
  return s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

export function attr(el: ElementNode, name: string): string {
  return el.attrs[name] ?? '';
}
