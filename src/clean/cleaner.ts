import type { Doc } from '../doc/document.js';
import { normalizeForAnalysis } from '../doc/normalize.js';
import type { Block, Boilerplate, Span } from '../doc/schema.js';
import type { Component } from '../pipeline/component.js';
import { endsLikeSentence, nonEmptyLines, type Line } from './lines.js';
import { loadBoilerplateRules, type BoilerplateRule, type BoilerplateRules } from './rules.js';

/** Titles are short; a first line longer than this is body text. */
const MAX_TITLE_WORDS = 30;
/** Datelines only open an article, so only the first body paragraphs are tried. */
const DATELINE_PARAGRAPHS = 2;

interface LineLabel {
  line: Line;
  boilerplate: Boilerplate | null;
}

/**
 * Labels the parts of a plain-text article: title, body paragraphs and
 * boilerplate (related links, promos, credits, comment forms ...). Nothing
 * is deleted: boilerplate is a layer over the original text, and every line
 * that matches no rule stays body.
 */
export class Cleaner implements Component {
  readonly name = 'clean';
  readonly requires = [] as const;
  readonly provides = ['blocks', 'title', 'boilerplate'] as const;
  private readonly rules: BoilerplateRules;

  constructor(rules: BoilerplateRules = loadBoilerplateRules()) {
    this.rules = rules;
  }

  process(doc: Doc): void {
    const labels: LineLabel[] = [];
    for (const line of nonEmptyLines(doc.norm)) {
      const previous = labels[labels.length - 1];
      const continues = isContinuation(line, previous?.boilerplate ? undefined : previous?.line);
      labels.push({ line, boilerplate: continues ? null : this.matchLine(doc, line) });
    }
    const titleIndex = detectTitle(labels, doc.meta.title);
    const blocks: Block[] = [];
    const boilerplate: Boilerplate[] = [];
    let title: Span | null = null;
    let run: Line[] = [];
    let bodyBlocks = 0;

    const flushRun = (): void => {
      for (const group of splitRun(run)) {
        let start = group.start;
        if (bodyBlocks < DATELINE_PARAGRAPHS) {
          const dateline = this.matchLead(doc, start, group.end);
          if (dateline) {
            boilerplate.push(dateline);
            blocks.push({ ...doc.span(dateline.start, dateline.end), kind: 'boilerplate' });
            start = skipSpaces(doc.norm, dateline.end, group.end);
          }
        }
        if (start < group.end) {
          blocks.push({ ...doc.span(start, group.end), kind: 'body' });
          bodyBlocks++;
        }
      }
      run = [];
    };

    labels.forEach((label, i) => {
      if (i === titleIndex) {
        flushRun();
        title = doc.span(label.line.start, label.line.end);
        blocks.push({ ...title, kind: 'title' });
      } else if (label.boilerplate) {
        flushRun();
        boilerplate.push(label.boilerplate);
        blocks.push({ ...doc.span(label.line.start, label.line.end), kind: 'boilerplate' });
      } else {
        if (label.line.blankBefore > 0) flushRun();
        run.push(label.line);
      }
    });
    flushRun();
    blocks.sort((a, b) => a.start - b.start);
    boilerplate.sort((a, b) => a.start - b.start);
    doc.set('title', title);
    doc.set('blocks', blocks);
    doc.set('boilerplate', boilerplate);
  }

  private matchLine(doc: Doc, line: Line): Boilerplate | null {
    for (const rule of this.rules.lineRules) {
      const m = rule.regex.exec(line.text);
      if (m) return toBoilerplate(doc, rule, m, line.start, line.start + m[0].length);
    }
    return null;
  }

  private matchLead(doc: Doc, start: number, end: number): Boilerplate | null {
    const text = doc.norm.slice(start, end);
    for (const rule of this.rules.leadRules) {
      const m = rule.regex.exec(text);
      if (m && m[0].length < text.length) {
        const matchEnd = start + m[0].trimEnd().length;
        return toBoilerplate(doc, rule, m, start, matchEnd);
      }
    }
    return null;
  }
}

function toBoilerplate(doc: Doc, rule: BoilerplateRule, m: RegExpExecArray, start: number, end: number): Boilerplate {
  const result: Boilerplate = { ...doc.span(start, end), kind: rule.kind, rule: rule.name };
  const groups = m.indices?.groups;
  const headline = groups?.headline;
  if (headline) result.headline = trimmedSpan(doc, start + headline[0], start + headline[1]);
  const source = groups?.source ?? groups?.place;
  if (source) result.source = trimmedSpan(doc, start + source[0], start + source[1]);
  return result;
}

function trimmedSpan(doc: Doc, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(doc.norm[s]!)) s++;
  while (e > s && /\s/.test(doc.norm[e - 1]!)) e--;
  return doc.span(s, e);
}

function skipSpaces(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && /[\s\-–—:]/.test(text[i]!)) i++;
  return i;
}

/**
 * A line that continues a hard-wrapped paragraph ("...to one\nsubscribe
 * between January 1 1988") is body, whatever its words. Boilerplate lines
 * stand alone and start with a capital, a digit or a symbol.
 */
function isContinuation(line: Line, previous: Line | undefined): boolean {
  // `previous` is undefined when it was itself boilerplate: boilerplate does not wrap into the next line.
  if (/^\p{Ll}/u.test(line.text)) return true;
  return previous !== undefined && line.blankBefore === 0 && previous.text.length >= 40 && !endsLikeSentence(previous.text);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * The title is the first line that is not boilerplate, when it is short and
 * does not read as a sentence of body text. A title given in metadata is
 * only marked when the text repeats it.
 */
export function detectTitle(labels: LineLabel[], metaTitle: string | null): number {
  const first = labels.findIndex((l) => l.boilerplate === null);
  if (first === -1) return -1;
  const line = labels[first]!.line;
  if (metaTitle !== null) {
    const squash = (s: string): string => normalizeForAnalysis(s).replace(/\s+/g, ' ').trim().toLowerCase();
    return squash(line.text) === squash(metaTitle) ? first : -1;
  }
  const hasMore = labels.slice(first + 1).some((l) => l.boilerplate === null);
  if (!hasMore) return -1;
  if (wordCount(line.text) > MAX_TITLE_WORDS) return -1;
  // A first line ending in a full stop and running on into the next line is body.
  const next = labels[first + 1];
  if (/[.!?]["')]?$/.test(line.text) && next !== undefined && next.line.blankBefore === 0) return -1;
  return first;
}

/**
 * Lines that belong to one paragraph. Text that is hard-wrapped (most lines
 * stop mid-sentence) stays one block; otherwise each line is a paragraph,
 * which is how pasted web text and most corpora arrive.
 */
function splitRun(run: Line[]): { start: number; end: number }[] {
  if (run.length === 0) return [];
  if (run.length === 1) return [{ start: run[0]!.start, end: run[0]!.end }];
  const openEnded = run.slice(0, -1).filter((l) => !endsLikeSentence(l.text)).length;
  const longLines = run.filter((l) => l.text.length >= 40).length;
  if (openEnded >= (run.length - 1) / 2 && longLines >= run.length / 2) {
    return [{ start: run[0]!.start, end: run[run.length - 1]!.end }];
  }
  return run.map((l) => ({ start: l.start, end: l.end }));
}
