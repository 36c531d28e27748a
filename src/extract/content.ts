/**
 * Finds the article body among the text units. Readability-style scoring
 * (paragraph text length and commas credited to ancestors, damped by link
 * density, nudged by class/id hints) picks a container; its siblings that
 * look like more of the article join it; then units inside are filtered.
 */
import { type ElementNode, attr } from './dom.js';
import type { TextUnit } from './units.js';
import { isPhraseBoilerplate, isPromo, isTailMarker } from './boilerplate.js';
import type { BoilerplateItem } from './types.js';

const POSITIVE_HINT = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|rich-?text|paragraph/i;
const NEGATIVE_HINT = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|newsletter|byline|caption/i;
const COMMAS = /[,，、،]/g;

interface Candidate {
  el: ElementNode;
  score: number;
}

function classWeight(el: ElementNode): number {
  let w = 0;
  for (const v of [attr(el, 'class'), attr(el, 'id')]) {
    if (!v) continue;
    if (NEGATIVE_HINT.test(v)) w -= 25;
    if (POSITIVE_HINT.test(v)) w += 25;
  }
  if (attr(el, 'itemprop').toLowerCase() === 'articlebody') w += 50;
  return w;
}

/** Tag and class/id prior of a candidate; added once its paragraph score is known. */
function initialScore(el: ElementNode): number {
  let s = 0;
  switch (el.tag) {
    case 'div': case 'article': case 'main': case 'section': s = 5; break;
    case 'pre': case 'td': case 'blockquote': s = 3; break;
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form': s = -3; break;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': s = -5; break;
    default: break;
  }
  if (el.tag === 'article') s += 10;
  return s + classWeight(el);
}

export interface ContentSelection {
  units: TextUnit[];
  /** Units inside the chosen container that the filters removed. */
  removed: { unit: TextUnit; item: BoilerplateItem }[];
  container: ElementNode | null;
}

function isInside(el: ElementNode, set: Set<ElementNode>): boolean {
  for (let e: ElementNode | null = el; e; e = e.parent) if (set.has(e)) return true;
  return false;
}

/** Per-element totals over units, used for link density of candidates. */
function unitTotals(units: TextUnit[]): Map<ElementNode, { chars: number; links: number }> {
  const totals = new Map<ElementNode, { chars: number; links: number }>();
  for (const u of units) {
    for (let e: ElementNode | null = u.owner; e; e = e.parent) {
      let t = totals.get(e);
      if (!t) totals.set(e, (t = { chars: 0, links: 0 }));
      t.chars += u.chars;
      t.links += u.linkChars;
    }
  }
  return totals;
}

export function scoreCandidates(units: TextUnit[]): { candidates: Candidate[]; totals: Map<ElementNode, { chars: number; links: number }> } {
  const byEl = new Map<ElementNode, Candidate>();
  const touch = (el: ElementNode): Candidate => {
    let c = byEl.get(el);
    if (!c) byEl.set(el, (c = { el, score: 0 }));
    return c;
  };
  for (const u of units) {
    if (u.chars < 25 || u.kind === 'heading') continue;
    let score = 1 + (u.text.match(COMMAS)?.length ?? 0) + Math.min(Math.floor(u.chars / 100), 3);
    if (u.linkChars / u.chars > 0.5) score *= 0.2;
    // List items count for less: reference lists and link lists are long and comma-rich.
    if (u.kind === 'list') score *= 0.3;
    // Text that sits directly in a container (mixed with blocks) credits that container.
    const base = u.mixedOwner || u.owner.tag === 'article' || u.owner.tag === 'main' ? u.owner : u.owner.parent;
    let level = 0;
    for (let e = base; e && level < 5; e = e.parent, level++) {
      touch(e).score += level === 0 ? score : level === 1 ? score / 2 : score / (level * 3);
    }
  }
  const totals = unitTotals(units);
  const candidates = [...byEl.values()];
  for (const c of candidates) {
    // A class like "page" or "content" must not make a near-empty wrapper win:
    // the prior may at most double what the paragraphs earned.
    const prior = initialScore(c.el);
    c.score += Math.min(prior, c.score);
    const t = totals.get(c.el);
    const density = t && t.chars > 0 ? t.links / t.chars : 0;
    c.score *= 1 - density;
  }
  candidates.sort((a, b) => b.score - a.score);
  return { candidates, totals };
}

function ancestors(el: ElementNode): ElementNode[] {
  const out: ElementNode[] = [];
  for (let e = el.parent; e; e = e.parent) out.push(e);
  return out;
}

export interface ContainerPick {
  top: ElementNode | null;
  /** Score of the best candidate before promotion to an ancestor. */
  score: number;
  selected: Set<ElementNode>;
}

export function pickContainers(units: TextUnit[]): ContainerPick {
  const { candidates, totals } = scoreCandidates(units);
  const first = candidates[0];
  if (!first) return { top: null, score: 0, selected: new Set() };
  const scoreOf = new Map(candidates.map((c) => [c.el, c.score]));
  let top = first.el;
  const topScore = first.score;
  // Several strong candidates beside the top one (not its ancestors or parts)
  // mean the article is split in parts: take their common ancestor.
  const related = (a: ElementNode, b: ElementNode): boolean => isInside(a, new Set([b])) || isInside(b, new Set([a]));
  const strong = candidates.slice(1, 6).filter((c) => c.score >= topScore * 0.75 && !related(c.el, top));
  if (strong.length >= 2) {
    for (const anc of ancestors(top)) {
      if (anc.tag === '#root' || anc.tag === 'html' || anc.tag === 'body') break;
      const holding = strong.filter((c) => isInside(c.el, new Set([anc]))).length;
      if (holding >= 2) {
        top = anc;
        break;
      }
    }
  }
  // A lone child adds nothing; its parent may hold captions or intro paragraphs.
  while (top.parent && top.parent.tag !== '#root' && top.parent.tag !== 'html' && top.parent.tag !== 'body') {
    const siblings = top.parent.children.filter((c) => c.kind === 'element' || c.text.trim() !== '');
    if (siblings.length !== 1) break;
    top = top.parent;
  }
  top = expandToProse(top, units);
  const selected = new Set<ElementNode>([top]);
  const parent = top.parent;
  if (parent) {
    const topS = scoreOf.get(top) ?? topScore;
    const threshold = Math.max(10, topS * 0.2);
    const topClass = attr(top, 'class');
    for (const sib of parent.children) {
      if (sib.kind !== 'element' || sib === top) continue;
      let s = scoreOf.get(sib) ?? 0;
      if (topClass && attr(sib, 'class') === topClass) s += topS * 0.2;
      const t = totals.get(sib);
      if (s >= threshold) selected.add(sib);
      else if (t && sib.tag === 'p') {
        const density = t.links / Math.max(1, t.chars);
        if ((t.chars > 80 && density < 0.25) || (t.chars > 0 && density === 0 && t.chars <= 80)) selected.add(sib);
      }
    }
  }
  return { top, score: topScore, selected };
}

/**
 * Articles split over several wrappers (one <div> per paragraph block, a lead
 * and a body column) leave the top candidate holding only part of the prose.
 * Climb while the parent adds a good share of prose and little other text.
 */
function expandToProse(top: ElementNode, units: TextUnit[]): ElementNode {
  const prose = new Map<ElementNode, number>();
  const total = new Map<ElementNode, number>();
  for (const u of units) {
    const isProse = u.chars >= 60 && u.linkChars < u.chars * 0.3 && u.kind !== 'heading';
    for (let e: ElementNode | null = u.owner; e; e = e.parent) {
      total.set(e, (total.get(e) ?? 0) + u.chars);
      if (isProse) prose.set(e, (prose.get(e) ?? 0) + u.chars);
    }
  }
  let cur = top;
  // Look a few levels past ancestors that add nothing (wrapper <div>s).
  let misses = 0;
  for (let up = top.parent; up && misses < 6; up = up.parent) {
    if (up.tag === 'body' || up.tag === 'html' || up.tag === '#root') break;
    const p0 = prose.get(cur) ?? 0;
    const gain = (prose.get(up) ?? 0) - p0;
    const noise = (total.get(up) ?? 0) - (prose.get(up) ?? 0) - ((total.get(cur) ?? 0) - p0);
    if (gain > 0 && gain >= 0.25 * p0 && noise <= 0.35 * gain) {
      cur = up;
      misses = 0;
    } else {
      misses++;
    }
  }
  return cur;
}

// "By" + capitalised names joined by "and"/","; German "Von Montag an..." is a sentence, not a byline.
const NAME = "\\p{Lu}[\\p{L}'’.-]*";
const NAMES = `${NAME}(?:\\s+${NAME}){0,3}`;
const BY_LINE = new RegExp(`^(?:by|von|par|por|door|di|da|av|af|przez|от)\\s+${NAMES}(?:\\s*(?:,|&|and|und|et|y|e|og|och|i)\\s*${NAMES})*(?:\\s*[|,–—-].{0,60})?$`, 'u');

/** "By Jane Doe", or a short line made of the known author names (and an outlet). */
function isByline(text: string, authors: string[]): boolean {
  if (text.length > 120) return false;
  if (BY_LINE.test(text.replace(/\s+/g, ' ').trim())) return true;
  // Single-word "authors" (a handle, "Redaktion") also sign letters and posts; only full names count.
  if (authors.length === 0 || authors.some((a) => !a.includes(' '))) return false;
  const lower = text.toLowerCase();
  const names = authors.filter((a) => lower.includes(a.toLowerCase()));
  return names.length === authors.length && text.length <= names.reduce((n, a) => n + a.length, 0) + 40;
}

function normTitle(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Filters units inside the selected containers. */
export function selectUnits(units: TextUnit[], selected: Set<ElementNode>, titles: string[], authors: string[] = []): ContentSelection {
  const inside = units.filter((u) => isInside(u.owner, selected));
  const removed: ContentSelection['removed'] = [];
  const titleSet = new Set(titles.map(normTitle).filter((t) => t.length > 0));
  const drop = (u: TextUnit, kind: BoilerplateItem['kind'], reason: string): void => {
    removed.push({ unit: u, item: { kind, reason, text: u.text.slice(0, 300), htmlStart: u.htmlStart, htmlEnd: u.htmlEnd } });
  };
  const kept: TextUnit[] = [];
  for (const u of inside) {
    const density = u.linkChars / u.chars;
    if (isPhraseBoilerplate(u.text)) drop(u, 'phrase', 'furniture phrase');
    else if (isByline(u.text, authors)) drop(u, 'header', 'byline');
    // Short lines carrying a copyright sign are photo credits or captions.
    else if (u.chars < 150 && /©|\(c\)\s/i.test(u.text)) drop(u, 'media', 'credit line');
    else if (u.kind === 'heading' && titleSet.has(normTitle(u.text))) drop(u, 'header', 'headline');
    // Short lines that are mostly links are teasers or menus; table rows often link one cell (a name) legitimately.
    else if (density > 0.6 || (density > 0.35 && u.chars < 120 && u.kind !== 'table')) drop(u, 'link-list', `link density ${density.toFixed(2)}`);
    else kept.push(u);
  }
  // A "Related stories" marker near the end starts furniture: cut it and what follows,
  // unless that tail is a large part of the body (then the marker was mid-article).
  const totalChars = kept.reduce((n, u) => n + u.chars, 0);
  for (let i = 0; i < kept.length; i++) {
    const u = kept[i]!;
    if (u.chars > 80 || !isTailMarker(u.text)) continue;
    const tail = kept.slice(i);
    const tailChars = tail.reduce((n, t) => n + t.chars, 0);
    // Teaser lists are short or link-heavy; article paragraphs after a mid-article "Don't miss" box are not.
    const tailProse = tail.reduce((n, t) => n + (t.chars >= 80 && t.linkChars < t.chars * 0.3 && !/(?:…|\.\.\.)\s*$/u.test(t.text) ? t.chars : 0), 0);
    if (tailChars <= totalChars * 0.3 && tailProse <= tailChars * 0.5) {
      for (const t of tail) drop(t, 'related', t === u ? 'related-section marker' : 'after related-section marker');
      kept.length = i;
      break;
    }
    // Mid-article: only the marker line itself goes.
    drop(u, 'related', 'related-section marker');
    kept.splice(i, 1);
    i--;
  }
  // Truncated teasers ("...", "…") come in groups; one ellipsis alone is just style.
  const teaser = /(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$/u;
  if (kept.filter((u) => teaser.test(u.text)).length >= 2) {
    for (let i = kept.length - 1; i >= 0; i--) {
      if (teaser.test(kept[i]!.text)) drop(kept.splice(i, 1)[0]!, 'related', 'truncated teaser');
    }
  }
  // Articles often end with calls to action; drop short ones from the end backwards.
  for (let n = 0; n < 4 && kept.length > 1 && isPromo(kept[kept.length - 1]!.text); n++) drop(kept.pop()!, 'newsletter', 'call to action at the end');
  // Headings with nothing after them (e.g. "Related stories" at the end) are furniture.
  while (kept.length > 0 && kept[kept.length - 1]!.kind === 'heading') drop(kept.pop()!, 'related', 'trailing heading');
  return { units: kept, removed, container: [...selected][0] ?? null };
}
