/**
 * Linearises the DOM into text units: one unit per run of inline content
 * between block boundaries (a <p>, an <li>, the text directly inside a <div>,
 * a run separated by <br><br>...). Units are what gets scored and emitted.
 */
import type { Deadline, ElementNode } from './dom.js';
import { BLOCK_TAGS } from './boilerplate.js';
import type { BlockKind } from './types.js';

export interface TextUnit {
  /** Nearest block-level element containing the unit. */
  owner: ElementNode;
  text: string;
  kind: BlockKind;
  /** Non-space characters of the unit, and those inside links. */
  chars: number;
  linkChars: number;
  htmlStart: number;
  htmlEnd: number;
  /** Position in document order. */
  index: number;
  /** True when the owner element also holds other units or blocks. */
  mixedOwner: boolean;
}

const SKIP_TAGS = new Set(['title', 'meta', 'link', 'base', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed', 'select', 'textarea', 'button', 'input', 'img', 'picture', 'video', 'audio', 'source', 'track', 'map', 'area']);
const BR = '\u0000';
/** Soft hyphens, zero-width characters and BOMs: invisible in a browser, noise in text. */
const BR_ALL = new RegExp(BR, 'g');
const DOUBLE_BR = new RegExp(`${BR}\\s*${BR}[\\s${BR}]*`);
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

// Both linearisation passes ask about the same cells; nested layout tables would make this quadratic.
const blockDescendantCache = new WeakMap<ElementNode, boolean>();

function hasBlockDescendant(el: ElementNode): boolean {
  const cached = blockDescendantCache.get(el);
  if (cached !== undefined) return cached;
  const result = scanForBlock(el);
  blockDescendantCache.set(el, result);
  return result;
}

function scanForBlock(el: ElementNode): boolean {
  const todo: ElementNode[] = [el];
  while (todo.length > 0) {
    const e = todo.pop()!;
    for (const c of e.children) {
      if (c.kind !== 'element') continue;
      if (BLOCK_TAGS.has(c.tag)) return true;
      todo.push(c);
    }
  }
  return false;
}

function kindFor(tag: string, inherited: BlockKind): BlockKind {
  if (/^h[1-6]$/.test(tag)) return 'heading';
  // Blocks nested in a heading (broken markup wrapping the body in an <h2>) are not headings.
  if (inherited === 'heading') inherited = 'paragraph';
  if (tag === 'li' || tag === 'dd' || tag === 'dt') return inherited === 'quote' ? 'quote' : 'list';
  if (tag === 'blockquote') return 'quote';
  if (tag === 'pre') return 'code';
  if (tag === 'td' || tag === 'th' || tag === 'tr') return inherited === 'paragraph' ? 'table' : inherited;
  return inherited;
}

function nonSpace(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 160 && c !== 0x200b) n++;
  }
  return n;
}

export function linearize(root: ElementNode, dropped: ReadonlySet<ElementNode> | ReadonlyMap<ElementNode, unknown>, deadline: Deadline): TextUnit[] {
  const units: TextUnit[] = [];
  let parts: string[] = [];
  let linkChars = 0;
  let start = -1;
  let end = -1;
  let owner: ElementNode = root;
  let kind: BlockKind = 'paragraph';
  const blockChildren = new Map<ElementNode, number>();

  const emit = (text: string, s: number, e: number, links: number): void => {
    const chars = nonSpace(text);
    if (chars === 0) return;
    units.push({ owner, text, kind, chars, linkChars: Math.min(links, chars), htmlStart: s, htmlEnd: e, index: units.length, mixedOwner: false });
    blockChildren.set(owner, (blockChildren.get(owner) ?? 0) + 1);
  };

  const flush = (): void => {
    if (parts.length === 0) return;
    const raw = parts.join('');
    parts = [];
    const links = linkChars;
    linkChars = 0;
    if (kind === 'code') {
      emit(raw.replace(INVISIBLE, '').replace(BR_ALL, '\n').replace(/^\n+|\s+$/g, ''), start, end, links);
      return;
    }
    // A double <br> separates paragraphs in old-style markup; a single one is a line break.
    const paragraphs = raw.includes(BR) ? raw.split(DOUBLE_BR) : [raw];
    for (const p of paragraphs) {
      const text = (p.includes(BR) ? p.split(BR) : [p])
        .map((line) => line.replace(INVISIBLE, '').replace(/[\s\u00a0]+/g, ' ').trim())
        .filter((line) => line.length > 0)
        .join('\n');
      // Link characters are shared out by length when one run is split in several.
      emit(text, start, end, paragraphs.length > 1 ? (links * p.length) / raw.length : links);
    }
  };

  const visit = (el: ElementNode, inLink: boolean): void => {
    // A data-table cell (no blocks inside) is inline: one unit per row, cells space-separated.
    const isDataCell = (c: ElementNode): boolean => (c.tag === 'td' || c.tag === 'th') && !hasBlockDescendant(c);
    deadline.tick();
    for (const c of el.children) {
      if (c.kind === 'text') {
        if (parts.length === 0) start = c.start;
        parts.push(c.text);
        end = c.end;
        if (inLink) linkChars += nonSpace(c.text);
        continue;
      }
      if (dropped.has(c) || SKIP_TAGS.has(c.tag)) {
        if (BLOCK_TAGS.has(c.tag)) flush();
        continue;
      }
      if (c.tag === 'br') {
        parts.push(BR);
        continue;
      }
      if (isDataCell(c)) {
        parts.push(' ');
        visit(c, inLink);
        continue;
      }
      if (BLOCK_TAGS.has(c.tag) || c.tag === 'hr') {
        flush();
        const prevOwner = owner;
        const prevKind = kind;
        blockChildren.set(prevOwner, (blockChildren.get(prevOwner) ?? 0) + 1);
        owner = c;
        kind = kindFor(c.tag, prevKind);
        visit(c, inLink || c.tag === 'a');
        flush();
        owner = prevOwner;
        kind = prevKind;
        continue;
      }
      visit(c, inLink || c.tag === 'a');
    }
  };

  visit(root, false);
  flush();
  for (const u of units) u.mixedOwner = (blockChildren.get(u.owner) ?? 0) > 1;
  return units;
}

/** Characters of prose (long, link-poor paragraphs) below each element. */
export function proseByElement(units: TextUnit[]): Map<ElementNode, number> {
  const out = new Map<ElementNode, number>();
  for (const u of units) {
    if (u.chars < 60 || u.linkChars > u.chars * 0.3 || u.kind === 'heading') continue;
    for (let e: ElementNode | null = u.owner; e; e = e.parent) out.set(e, (out.get(e) ?? 0) + u.chars);
  }
  return out;
}
