/**
 * Labels and drops page furniture (navigation, share bars, comments, cookie
 * banners, related links...) before the body is scored. Rules are data in
 * data/extraction/boilerplate.json.
 */
import { type Deadline, type ElementNode, attr, normalizeSpace, rawText, walkElements } from './dom.js';
import { type BoilerplateRules, edgeTokenMatcher, loadJson, tokenRegex } from './data-files.js';
import type { BoilerplateItem, BoilerplateKind } from './types.js';

const RULES = loadJson<BoilerplateRules>('boilerplate.json');
const CATEGORY_MATCHERS = Object.entries(RULES.categories).map(([kind, frags]) => ({ kind: kind as BoilerplateKind, match: edgeTokenMatcher(frags) }));
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

interface Label {
  kind: BoilerplateKind;
  reason: string;
  /** How the label was found: class names and roles mislabel page wrappers far more often than tags. */
  source: 'tag' | 'role' | 'hidden' | 'class';
}

function classify(el: ElementNode): Label | null {
  const tagKind = RULES.tags[el.tag];
  if (tagKind) return { kind: tagKind as BoilerplateKind, reason: `<${el.tag}>`, source: 'tag' };
  if (el.tag === 'header') return { kind: 'header', reason: '<header>', source: 'tag' };
  const role = attr(el, 'role').toLowerCase();
  const roleKind = role ? RULES.roles[role] : undefined;
  if (roleKind) return { kind: roleKind as BoilerplateKind, reason: `role=${role}`, source: 'role' };
  if ('hidden' in el.attrs || attr(el, 'aria-hidden') === 'true' || HIDDEN_STYLE_RE.test(attr(el, 'style'))) return { kind: 'hidden', reason: 'hidden', source: 'hidden' };
  const hint = `${attr(el, 'class')} ${attr(el, 'id')}`.trim();
  if (!hint || el.tag === 'body' || el.tag === 'html' || el.tag === 'article' || el.tag === 'main') return null;
  if (PROTECT_RE.test(hint)) return null;
  for (const { kind, match } of CATEGORY_MATCHERS) {
    const m = match(hint);
    if (m) return { kind, reason: `class/id "${m}"`, source: 'class' };
  }
  return null;
}

/**
 * Elements that hold the page's <h1>, <main>, <article> or itemprop=articleBody.
 * A class name such as "dialog-off-canvas-main-canvas" on such a wrapper says
 * nothing about furniture.
 */
function landmarkHolders(root: ElementNode): { headline: Set<ElementNode>; body: Set<ElementNode> } {
  const headline = new Set<ElementNode>();
  const body = new Set<ElementNode>();
  for (const el of walkElements(root)) {
    const isBody = el.tag === 'main' || el.tag === 'article' || attr(el, 'itemprop').toLowerCase() === 'articlebody';
    if (el.tag !== 'h1' && !isBody) continue;
    const target = isBody ? body : headline;
    for (let e = el.parent; e && !target.has(e); e = e.parent) target.add(e);
  }
  return { headline, body };
}

export interface PruneResult {
  /** Dropped subtree roots, with the label that dropped them. */
  dropped: Map<ElementNode, BoilerplateKind>;
  items: BoilerplateItem[];
}

/**
 * Marks furniture subtrees. `keep` holds the best body container found before
 * pruning and its ancestors: they are never dropped, because some sites put
 * `class="content-with-sidebar"` or a <form> around everything, and losing the
 * article is worse than keeping a menu. Hidden subtrees holding most of the
 * page's prose (`proseChars`) are kept too: some pages reveal the body by script.
 */
export function pruneBoilerplate(root: ElementNode, keep: Set<ElementNode>, proseChars: Map<ElementNode, number>, deadline: Deadline): PruneResult {
  const total = proseChars.get(root) ?? 0;
  const landmarks = landmarkHolders(root);
  const dropped = new Map<ElementNode, BoilerplateKind>();
  const items: BoilerplateItem[] = [];
  const todo: ElementNode[] = [root];
  while (todo.length > 0) {
    deadline.tick();
    const el = todo.pop()!;
    let label = el === root ? null : classify(el);
    if (label && (label.source === 'class' || label.source === 'role') && (landmarks.headline.has(el) || landmarks.body.has(el))) label = null;
    if (label && label.source === 'tag' && landmarks.body.has(el)) label = null;
    const prose = proseChars.get(el) ?? 0;
    if (label && !keep.has(el) && (label.kind !== 'hidden' || prose < total * 0.5)) {
      dropped.set(el, label.kind);
      const text = normalizeSpace(rawText(el));
      if (text) items.push({ kind: label.kind, reason: label.reason, text: text.slice(0, 300), htmlStart: el.start, htmlEnd: el.end });
      continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (c.kind === 'element') todo.push(c);
    }
  }
  return { dropped, items };
}
