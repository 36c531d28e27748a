/**
 * Labels and drops page furniture (navigation, share bars, comments, cookie
 * banners, related links...) before the body is scored. Rules are data in
 * data/extraction/boilerplate.json.
 */
import { type Deadline, type ElementNode, attr, normalizeSpace, rawText, walkElements } from './dom.js';
import { type BoilerplateRules, loadJson, tokenRegex } from './data-files.js';
import type { BoilerplateItem, BoilerplateKind } from './types.js';

const RULES = loadJson<BoilerplateRules>('boilerplate.json');
const CATEGORY_RES: { kind: BoilerplateKind; re: RegExp }[] = Object.entries(RULES.categories).map(([kind, frags]) => ({ kind: kind as BoilerplateKind, re: tokenRegex(frags) }));
const PROTECT_RE = tokenRegex(RULES.protect);
const PHRASE_RE = new RegExp(`^(?:${RULES.phrases.patterns.join('|')})$`, 'i');
const HIDDEN_STYLE_RE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'menu', '#root',
  'caption', 'button', 'select', 'option', 'video', 'audio', 'picture', 'img',
]);

export function isPhraseBoilerplate(text: string): boolean {
  return text.length < 120 && PHRASE_RE.test(text.replace(/[\s.:!»›>→]+$/u, '').trim());
}

/** Non-space character count of every element's text (discarded elements count 0). */
export function textLengths(root: ElementNode, skip?: Set<ElementNode>): Map<ElementNode, number> {
  const order = [...walkElements(root)];
  const len = new Map<ElementNode, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    let n = 0;
    if (!skip?.has(el) && el.tag !== 'script' && el.tag !== 'style') {
      for (const c of el.children) {
        if (c.kind === 'text') n += c.text.length - (c.text.match(/\s/g)?.length ?? 0);
        else n += len.get(c) ?? 0;
      }
    }
    len.set(el, n);
  }
  return len;
}

function classify(el: ElementNode): { kind: BoilerplateKind; reason: string } | null {
  const tagKind = RULES.tags[el.tag];
  if (tagKind) return { kind: tagKind as BoilerplateKind, reason: `<${el.tag}>` };
  if (el.tag === 'header') return { kind: 'header', reason: '<header>' };
  const role = attr(el, 'role').toLowerCase();
  const roleKind = role ? RULES.roles[role] : undefined;
  if (roleKind) return { kind: roleKind as BoilerplateKind, reason: `role=${role}` };
  if ('hidden' in el.attrs || attr(el, 'aria-hidden') === 'true' || HIDDEN_STYLE_RE.test(attr(el, 'style'))) return { kind: 'hidden', reason: 'hidden' };
  const hint = `${attr(el, 'class')} ${attr(el, 'id')}`.trim();
  if (!hint || el.tag === 'body' || el.tag === 'html' || el.tag === 'article' || el.tag === 'main') return null;
  if (PROTECT_RE.test(hint)) return null;
  for (const { kind, re } of CATEGORY_RES) {
    const m = re.exec(hint);
    if (m) return { kind, reason: `class/id "${m[0].trim().replace(/^[-_]|[-_]$/g, '')}"` };
  }
  return null;
}

export interface PruneResult {
  dropped: Set<ElementNode>;
  items: BoilerplateItem[];
}

/**
 * Marks furniture subtrees. A subtree holding at least half of the page's text
 * is never dropped: some sites put `class="sidebar-layout"` or a <form> around
 * everything, and losing the article is worse than keeping a menu.
 */
export function pruneBoilerplate(root: ElementNode, deadline: Deadline): PruneResult {
  const lengths = textLengths(root);
  const total = lengths.get(root) ?? 0;
  const dropped = new Set<ElementNode>();
  const items: BoilerplateItem[] = [];
  const todo: ElementNode[] = [root];
  while (todo.length > 0) {
    deadline.tick();
    const el = todo.pop()!;
    const label = el === root ? null : classify(el);
    const len = lengths.get(el) ?? 0;
    if (label && (len < total * 0.5 || label.kind === 'hidden' && len < total * 0.8)) {
      dropped.add(el);
      if (len > 0) items.push({ ...label, text: normalizeSpace(rawText(el)).slice(0, 300), htmlStart: el.start, htmlEnd: el.end });
      continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (c.kind === 'element') todo.push(c);
    }
  }
  return { dropped, items };
}
