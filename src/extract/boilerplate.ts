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
const PHRASE_RE = new RegExp(`^(?:${RULES.phrases.patterns.join('|')})$`, 'iu');
const TAIL_RE = new RegExp(`^(?:${RULES.phrases.tailMarkers.join('|')})$`, 'iu');
const PROMO_RE = new RegExp(`(?:${RULES.phrases.promoWords.join('|')})`, 'iu');
const HIDDEN_STYLE_RE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'menu', '#root',
  'caption', 'button', 'select', 'option', 'video', 'audio', 'picture', 'img',
]);

export function isPhraseBoilerplate(text: string): boolean {
  if (text.length >= 300) return false;
  const flat = text.replace(/\s+/g, ' ').replace(/[\s.:!»›>→]+$/u, '').trim();
  return PHRASE_RE.test(flat) || isDateLine(flat);
}

/** A short line that is only a date and time ("Monday, 22 October 2010 at 20:13"). */
function isDateLine(text: string): boolean {
  return text.length < 60 && /\b(?:19|20)\d{2}\b/.test(text) && /\b\d{1,2}[:h]\d{2}\b/.test(text) && text.split(' ').length <= 9;
}

interface Label {
  kind: BoilerplateKind;
  reason: string;
  /** How the label was found: class names and roles mislabel page wrappers far more often than tags. */
  source: 'tag' | 'role' | 'hidden' | 'class';
}

/** A short block that opens a trailing section of related links or teasers ("Read more", "Lesen Sie auch"). */
export function isTailMarker(text: string): boolean {
  return text.length < 80 && TAIL_RE.test(text.replace(/\s+/g, ' ').replace(/[\s.:!»›>→…]+$/u, '').replace(/^[\s»›>→•-]+/u, '').trim());
}

/** A short call to action ("Subscribe to our newsletter", "Follow us on Telegram"). */
export function isPromo(text: string): boolean {
  return text.length < 220 && PROMO_RE.test(text);
}

// Pages repeat the same class strings many times; matching them once is most of the pruning cost.
const hintCache = new Map<string, Label | null>();

function classHintLabel(hint: string): Label | null {
  const cached = hintCache.get(hint);
  if (cached !== undefined) return cached;
  let label: Label | null = null;
  if (!PROTECT_RE.test(hint)) {
    for (const { kind, match } of CATEGORY_MATCHERS) {
      const m = match(hint);
      if (m) {
        label = { kind, reason: `class/id "${m}"`, source: 'class' };
        break;
      }
    }
  }
  // Bounded so a long-running process does not grow without limit.
  if (hintCache.size > 50_000) hintCache.clear();
  hintCache.set(hint, label);
  return label;
}

/** Every label that applies, most specific first: a class "related-stories" says more than <aside>. */
function classify(el: ElementNode): Label[] {
  const labels: Label[] = [];
  if ('hidden' in el.attrs || attr(el, 'aria-hidden') === 'true' || HIDDEN_STYLE_RE.test(attr(el, 'style'))) labels.push({ kind: 'hidden', reason: 'hidden', source: 'hidden' });
  const hint = `${attr(el, 'class')} ${attr(el, 'id')}`.trim();
  if (hint && el.tag !== 'body' && el.tag !== 'html' && el.tag !== 'article' && el.tag !== 'main') {
    const classLabel = classHintLabel(hint);
    if (classLabel) labels.push(classLabel);
  }
  const role = attr(el, 'role').toLowerCase();
  const roleKind = role ? RULES.roles[role] : undefined;
  if (roleKind) labels.push({ kind: roleKind as BoilerplateKind, reason: `role=${role}`, source: 'role' });
  const tagKind = RULES.tags[el.tag] ?? (el.tag === 'header' ? 'header' : undefined);
  if (tagKind) labels.push({ kind: tagKind as BoilerplateKind, reason: `<${el.tag}>`, source: 'tag' });
  return labels;
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

const LIGHT_KINDS = new Set<BoilerplateKind>(['cookie', 'comments', 'nav', 'footer', 'popup']);

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
export function pruneBoilerplate(root: ElementNode, keep: Set<ElementNode>, proseChars: Map<ElementNode, number>, deadline: Deadline, light = false): PruneResult {
  const total = proseChars.get(root) ?? 0;
  const landmarks = landmarkHolders(root);
  const vetoed = (l: Label, el: ElementNode): boolean =>
    l.source === 'tag' ? landmarks.body.has(el) : l.source !== 'hidden' && (landmarks.headline.has(el) || landmarks.body.has(el));
  const dropped = new Map<ElementNode, BoilerplateKind>();
  const items: BoilerplateItem[] = [];
  const todo: ElementNode[] = [root];
  while (todo.length > 0) {
    deadline.tick();
    const el = todo.pop()!;
    const prose = proseChars.get(el) ?? 0;
    let label = el === root ? undefined : classify(el).find((l) => !vetoed(l, el));
    // A <form> is furniture when it is a form; some shops and ASP.NET pages put the text inside one.
    if (label && el.tag === 'form' && label.source === 'tag' && prose > total * 0.2) label = undefined;
    // The light pass (used when the normal one leaves nothing) trusts only strong signals.
    if (label && light && !(label.source === 'hidden' || LIGHT_KINDS.has(label.kind))) label = undefined;
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
