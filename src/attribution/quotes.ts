/**
 * Direct quotations: pairs of quotation marks inside paragraphs.
 *
 * Handles straight, curly, doubled-apostrophe ('') and guillemet marks, and
 * single quotes. Marks are paired inside one paragraph, so an unbalanced mark
 * can only spoil its own paragraph, never the rest of the article. A quote
 * still open at the end of a paragraph continues into the next one when that
 * paragraph opens with a quotation mark (the news convention for
 * multi-paragraph quotes); otherwise it ends with its paragraph.
 */
import { CLOSING_QUOTES, OPENING_QUOTES } from '../doc/normalize.js';

export interface Quote {
  /** Offset of the opening mark. */
  start: number;
  /** Offset one past the closing mark, or the end of the text it ran to. */
  end: number;
  /** Inside the marks. */
  innerStart: number;
  innerEnd: number;
  /** False when no closing mark was found and the quote ran to its paragraph's end. */
  closed: boolean;
  single: boolean;
  /** Number of words inside. */
  words: number;
  /** Ends with sentence punctuation inside the marks (. ? ! ,). */
  punctuated: boolean;
}

export interface Paragraph {
  start: number;
  end: number;
}

interface Mark {
  at: number;
  len: number;
  dir: 'open' | 'close' | 'either';
}

const OPEN_BEFORE = /[\s([{\-\u2014\u2013/]/;
const CLOSE_AFTER = /[\s.,;:!?)\]}\-\u2014\u2013/]/;
const LETTER = /[\p{L}\p{N}]/u;
const WORDS = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;

function direction(text: string, norm: string, at: number, len: number, para: Paragraph): Mark['dir'] {
  const original = text[at]!;
  const before = at > para.start ? norm[at - 1]! : ' ';
  const after = at + len < para.end ? norm[at + len]! : ' ';
  const openish = OPEN_BEFORE.test(before) && !/\s/.test(after);
  const closeish = CLOSE_AFTER.test(after) && !/\s/.test(before);
  // A curly mark of the wrong hand ('“It is unusual,“ said ...') is read from where it stands.
  if (OPENING_QUOTES.has(original)) return closeish && !openish ? 'either' : 'open';
  if (CLOSING_QUOTES.has(original)) return openish && !closeish ? 'either' : 'close';
  if (openish && !closeish) return 'open';
  if (closeish && !openish) return 'close';
  return 'either';
}

function doubleMarks(text: string, norm: string, para: Paragraph): Mark[] {
  const marks: Mark[] = [];
  for (let i = para.start; i < para.end; i++) {
    const c = norm[i];
    if (c === '"') marks.push({ at: i, len: 1, dir: direction(text, norm, i, 1, para) });
    else if (c === "'" && norm[i + 1] === "'" && norm[i + 2] === "'" && i > para.start && !/\s/.test(norm[i - 1]!)) {
      // "''..., 'What did he mean?''' Biden said": a single quote closing, then the doubled closing mark.
      marks.push({ at: i + 1, len: 2, dir: direction(text, norm, i + 1, 2, para) });
      i += 2;
    } else if ((c === "'" && norm[i + 1] === "'") || (c === '`' && norm[i + 1] === '`')) {
      const dir = c === '`' ? 'open' : direction(text, norm, i, 2, para);
      marks.push({ at: i, len: 2, dir });
      i++;
    }
  }
  return marks;
}

function makeQuote(text: string, start: number, openLen: number, end: number, closeLen: number, closed: boolean, single: boolean): Quote {
  let innerEnd = end - closeLen;
  while (innerEnd > start + openLen && /\s/.test(text[innerEnd - 1]!)) innerEnd--;
  const inner = text.slice(start + openLen, innerEnd);
  const realEnd = closed ? end : innerEnd;
  return {
    start,
    end: realEnd,
    innerStart: start + openLen,
    innerEnd,
    closed,
    single,
    words: inner.match(WORDS)?.length ?? 0,
    punctuated: /[.?!,]\s*$/.test(inner),
  };
}

/** Double-quoted spans over all paragraphs, in order. */
function doubleQuotes(text: string, norm: string, paragraphs: readonly Paragraph[]): Quote[] {
  const quotes: Quote[] = [];
  // An open quote carried over from the previous paragraph: its opening offset and mark length.
  let carried: { start: number; len: number } | null = null;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    let open: { start: number; len: number } | null = carried;
    carried = null;
    const marks = doubleMarks(text, norm, para);
    let skipFirst = false;
    if (open !== null && marks[0] && marks[0].dir !== 'close' && norm.slice(para.start, marks[0].at).trim() === '') skipFirst = true;
    for (let m = skipFirst ? 1 : 0; m < marks.length; m++) {
      const mark = marks[m]!;
      const opens = mark.dir === 'open' || (mark.dir === 'either' && open === null);
      if (opens) {
        if (open !== null) {
          // An opening mark while a quote is open: the earlier one lost its closing mark. End it here.
          quotes.push(makeQuote(text, open.start, open.len, mark.at, 0, false, false));
        }
        open = { start: mark.at, len: mark.len };
      } else if (open !== null) {
        quotes.push(makeQuote(text, open.start, open.len, mark.at + mark.len, mark.len, true, false));
        open = null;
      }
    }
    if (open !== null) {
      const next = paragraphs[p + 1];
      const nextOpens = next !== undefined && /^\s*(["\u201C\u00AB]|'')/.test(norm.slice(next.start, Math.min(next.end, next.start + 4)));
      if (nextOpens) carried = open;
      else quotes.push(makeQuote(text, open.start, open.len, para.end, 0, false, false));
    }
  }
  return quotes;
}

/** Single-quoted spans outside double quotes, paired within a paragraph and a short distance. */
function singleQuotes(text: string, norm: string, paragraphs: readonly Paragraph[], doubles: readonly Quote[]): Quote[] {
  const quotes: Quote[] = [];
  let d = 0;
  for (const para of paragraphs) {
    let open: number | null = null;
    for (let i = para.start; i < para.end; i++) {
      if (norm[i] !== "'") continue;
      if (norm[i + 1] === "'" || norm[i - 1] === "'") continue;
      while (d < doubles.length && doubles[d]!.end <= i) d++;
      const inDouble = d < doubles.length && doubles[d]!.start <= i;
      if (inDouble) continue;
      const original = text[i]!;
      const before = i > para.start ? norm[i - 1]! : ' ';
      const after = i + 1 < para.end ? norm[i + 1]! : ' ';
      const isOpen = (original === '\u2018' || original === "'") && OPEN_BEFORE.test(before) && LETTER.test(after);
      const isClose = original !== '\u2018' && CLOSE_AFTER.test(after) && !/\s/.test(before);
      if (open === null && isOpen) open = i;
      else if (open !== null && isClose) {
        if (i - open < 400) quotes.push(makeQuote(text, open, 1, i + 1, 1, true, true));
        open = null;
      }
    }
  }
  return quotes;
}

export function findQuotes(text: string, norm: string, paragraphs: readonly Paragraph[]): Quote[] {
  const doubles = doubleQuotes(text, norm, paragraphs);
  const singles = singleQuotes(text, norm, paragraphs, doubles);
  return [...doubles, ...singles].sort((a, b) => a.start - b.start);
}
