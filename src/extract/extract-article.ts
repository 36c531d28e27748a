/** extractArticle: HTML string in, main text with block offsets and metadata out. */
import { Deadline, type ElementNode, parseDom } from './dom.js';
import { pruneBoilerplate } from './boilerplate.js';
import { linearize, proseByElement, type TextUnit } from './units.js';
import { pickContainers, selectUnits } from './content.js';
import { extractMetadata } from './metadata.js';
import { decideWithJsonLd } from './jsonld-body.js';
import { detectLanguage } from './lang.js';
import type { ExtractOptions, ExtractedArticle, ExtractedBlock } from './types.js';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 5000;
/** Deeper nesting is flattened: real articles never need it and it would cost stack. */
export const MAX_DOM_DEPTH = 400;

interface AssembledText {
  text: string;
  blocks: ExtractedBlock[];
}

/** Joins units into text; consecutive items of one list (rows of one table) become a single block. */
function assemble(units: TextUnit[]): AssembledText {
  const pieces: { text: string; block: Omit<ExtractedBlock, 'start' | 'end'> }[] = [];
  let prev: TextUnit | null = null;
  for (const u of units) {
    const last = pieces[pieces.length - 1];
    const groupable = u.kind === 'list' || u.kind === 'table';
    const sameList = prev && last && groupable && prev.kind === u.kind && u.owner.parent === prev.owner.parent && u.owner !== prev.owner;
    if (sameList && last) {
      last.text += '\n' + u.text;
      last.block.htmlEnd = u.htmlEnd;
    } else {
      pieces.push({ text: u.text, block: { kind: u.kind, htmlStart: u.htmlStart, htmlEnd: u.htmlEnd } });
    }
    prev = u;
  }
  let text = '';
  const blocks: ExtractedBlock[] = [];
  for (const p of pieces) {
    if (text) text += '\n\n';
    blocks.push({ ...p.block, start: text.length, end: text.length + p.text.length });
    text += p.text;
  }
  return { text, blocks };
}

/** Plain-text body (JSON-LD articleBody) split into paragraphs; no HTML offsets. */
function assemblePlain(body: string): AssembledText {
  const paras = body.split(/\n\s*\n|\r\n|\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 0);
  let text = '';
  const blocks: ExtractedBlock[] = [];
  for (const p of paras) {
    if (text) text += '\n\n';
    blocks.push({ kind: 'paragraph', start: text.length, end: text.length + p.length });
    text += p;
  }
  return { text, blocks };
}

/** Labels that hide real articles often enough (layout class names) to allow a rescue. */
const RESCUABLE = new Set(['sidebar', 'nav', 'media', 'related', 'author-box', 'share', 'header', 'other']);

/** Labels that are never wrappers around a whole page. */
const NEVER_RESCUED = new Set(['cookie', 'comments']);

function droppedBy(el: ElementNode, dropped: Map<ElementNode, string>): { kind: string; el: ElementNode } | null {
  for (let e: ElementNode | null = el; e; e = e.parent) {
    const kind = dropped.get(e);
    if (kind) return { kind, el: e };
  }
  return null;
}

/** The container, its ancestors, and the chain of descendants holding most of its prose. */
function keepChain(top: ElementNode, prose: Map<ElementNode, number>): Set<ElementNode> {
  const keep = new Set<ElementNode>();
  for (let e: ElementNode | null = top; e; e = e.parent) keep.add(e);
  for (let e: ElementNode | null = top; e; ) {
    const half = (prose.get(e) ?? 0) * 0.5;
    const next: ElementNode | undefined = e.children.find((c): c is ElementNode => c.kind === 'element' && half > 0 && (prose.get(c) ?? 0) > half);
    if (next) keep.add(next);
    e = next ?? null;
  }
  return keep;
}

const LEAD_HINT = /(?:^|[\s_-])(?:lead|lede|standfirst|summary|intro|dek|deck|subtitle|sub-?headline|excerpt|abstract|teaser-?text|description|chapeau|chapo|vorspann|sapo|entradilla|bajada)(?:$|[\s_-])/i;

function hasLeadHint(el: ElementNode): boolean {
  for (let e: ElementNode | null = el, i = 0; e && i < 3; e = e.parent, i++) {
    if (LEAD_HINT.test(`${e.attrs.class ?? ''} ${e.attrs.id ?? ''} ${e.attrs.itemprop ?? ''}`)) return true;
  }
  return false;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const x = norm(a);
  const y = norm(b);
  return x === y || (y.length > 40 && x.startsWith(y.slice(0, Math.min(y.length, 120))));
}

/**
 * The standfirst often sits between the headline and the body container, in
 * the article's <header>. Prose units there (not menus, not bylines) belong to
 * the article. Units come from the unpruned pass because <header> is pruned.
 */
function leadUnits(allUnits: TextUnit[], body: TextUnit[], dropped: Map<ElementNode, string>, description: string | null): TextUnit[] {
  const first = body[0];
  if (!first) return [];
  let h1Index = -1;
  for (let i = 0; i < allUnits.length && allUnits[i]!.htmlStart < first.htmlStart; i++) {
    if (allUnits[i]!.owner.tag === 'h1') h1Index = i;
  }
  if (h1Index < 0) return [];
  const lead: TextUnit[] = [];
  let sawText = false;
  for (let i = h1Index + 1; i < allUnits.length && allUnits[i]!.htmlStart < first.htmlStart; i++) {
    const u = allUnits[i]!;
    const by = droppedBy(u.owner, dropped);
    if (by && by.kind !== 'header') continue;
    // A sub-headline straight after the headline is part of the article's top.
    if (u.kind === 'heading' && !sawText && u.chars >= 30 && u.linkChars === 0 && u.owner.tag !== 'h1') {
      lead.push(u);
      sawText = true;
      continue;
    }
    if (u.chars >= 15) sawText = true;
    if (u.kind !== 'paragraph' || u.chars < 60 || u.linkChars > u.chars * 0.2) continue;
    // A standfirst says so in its class, or repeats the page description.
    const looksLead = (description !== null && sameText(u.text, description)) || hasLeadHint(u.owner);
    if (looksLead) lead.push(u);
  }
  // Only a short run right before the body: a long stretch means this is not a standfirst.
  return lead.length <= 3 ? lead : [];
}

export function extractArticle(html: string, opts: ExtractOptions = {}): ExtractedArticle {
  const deadline = new Deadline(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const { root } = parseDom(html, { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxDepth: MAX_DOM_DEPTH }, deadline);
  const meta = extractMetadata(root, opts.url);
  deadline.check();
  // Pruning by class names can remove the article itself on some sites
  // ("content-with-sidebar"). A pass without pruning tells: if its best
  // container was pruned and scores far above the best one left, redo the
  // pruning with that container, its ancestors and its main descendants kept.
  const firstUnits = linearize(root, new Set(), deadline);
  const prose = proseByElement(firstUnits);
  let pruned = pruneBoilerplate(root, new Set(), prose, deadline);
  let units = linearize(root, pruned.dropped, deadline);
  let pick = pickContainers(units);
  const firstPick = pickContainers(firstUnits);
  // Unclosed furniture elements (an ad <div> never closed) can swallow most of a page.
  const by = firstPick.top ? droppedBy(firstPick.top, pruned.dropped) : null;
  const swallowed = by !== null && (prose.get(by.el) ?? 0) > 0.6 * (prose.get(root) ?? 0) && !NEVER_RESCUED.has(by.kind);
  if (firstPick.top && firstPick.score > 2 * pick.score && by && (RESCUABLE.has(by.kind) || swallowed)) {
    pruned = pruneBoilerplate(root, keepChain(firstPick.top, prose), prose, deadline);
    units = linearize(root, pruned.dropped, deadline);
    pick = pickContainers(units);
  }
  if (!pick.top) {
    // Nothing left: the page's text sits in something that looked like furniture (a shop's <aside>, a form).
    pruned = pruneBoilerplate(root, new Set(), prose, deadline, true);
    units = linearize(root, pruned.dropped, deadline);
    pick = pickContainers(units);
  }
  const { selected } = pick;
  deadline.check();
  const titles = [meta.title ?? '', ...meta.h1Texts];
  const selection = selectUnits(units, selected, titles, meta.authors);
  selection.units = [...leadUnits(firstUnits, selection.units, pruned.dropped, meta.description), ...selection.units];
  deadline.check();

  let method: ExtractedArticle['method'] = selection.units.length > 0 ? 'dom' : 'none';
  let assembled: AssembledText;
  if (meta.jsonLdBody) {
    const decision = decideWithJsonLd(meta.jsonLdBody, selection.units, selectUnits(units, new Set([root]), titles, meta.authors).units);
    method = decision.method;
    assembled = decision.method === 'jsonld-text' ? assemblePlain(meta.jsonLdBody) : assemble(decision.units);
  } else {
    assembled = assemble(selection.units);
  }
  if (!assembled.text) method = 'none';

  const detected = meta.declaredLang ? null : detectLanguage(assembled.text || (meta.title ?? ''));
  return {
    text: assembled.text,
    blocks: assembled.blocks,
    title: meta.title,
    authors: meta.authors,
    published: meta.published,
    modified: meta.modified,
    siteName: meta.siteName,
    canonicalUrl: meta.canonicalUrl,
    lang: meta.declaredLang ?? detected,
    langSource: meta.declaredLang ? 'declared' : detected ? 'detected' : null,
    description: meta.description,
    boilerplate: [...pruned.items, ...selection.removed.map((r) => r.item)].sort((a, b) => a.htmlStart - b.htmlStart),
    method,
  };
}
