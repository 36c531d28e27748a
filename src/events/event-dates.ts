/**
 * Event dates: the date expression in the sentence nearest the verb
 * ("on Monday", "last week", "in 2019"), resolved against the publication
 * date; the publication day when the sentence names none; null when there is
 * no anchor. Only as precise as the text: "2019", "2019-08", "2019-08-15".
 *
 * A bare weekday ("on Monday", with no "last"/"next"/"this" and no date) is
 * read by the verb's tense: after a past verb ("attacked on Monday") it is the
 * latest such day on or before the publication day, after a future one ("will
 * attack on Monday") the first on or after it; otherwise chrono's nearest.
 */
import * as chrono from 'chrono-node';
import type { Tense } from './verb-group.js';

/** Cheap test before calling chrono, which is the slow part of coding. */
const DATE_HINT = /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(yesterday|today|tonight|tomorrow|ago)\b|\b(last|next|this|earlier|later)\s+(week|month|year|morning|afternoon|evening|night|weekend|spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december)\b|\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\bmay\s+\d|\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(1[89]|20)\d\d\b/i;

export interface DateFound {
  date: string;
  /** Character offset of the expression inside the sentence. */
  index: number;
  /** A bare weekday (0 Sunday .. 6 Saturday): its day depends on the tense of the verb it goes with. */
  weekday?: number;
}

/** Words that fix which week a weekday is in ("last Monday", "next Friday", "this Tuesday"). */
const WEEK_WORD = /\b(last|next|this|past|coming|previous|following|week|ago)\b/i;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const YEAR = /\b(?:in|since|during|of|by|until|from)\s+((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\s+(?:agreement|accord|deal|treaty|summit|election|war|invasion|meeting|talks)\b/gi;

export function datesInSentence(sentenceText: string, published: Date | null): DateFound[] {
  if (!DATE_HINT.test(sentenceText)) return [];
  const out: DateFound[] = [];
  for (const r of chrono.parse(sentenceText, published ?? undefined)) {
    const s = r.start;
    // without a publication date, only expressions that name their year have an anchor
    if (published === null && !/\b\d{4}\b/.test(r.text)) continue;
    const year = s.get('year');
    if (year === null) continue;
    let date = String(year);
    if (s.isCertain('month') || s.isCertain('day') || s.isCertain('weekday') || published !== null) {
      date += '-' + pad(s.get('month') ?? 1);
      if (s.isCertain('day') || s.isCertain('weekday') || !/\b\d{4}\b/.test(r.text)) date += '-' + pad(s.get('day') ?? 1);
    }
    const weekday = s.get('weekday');
    const bare = published !== null && s.isCertain('weekday') && !s.isCertain('day') && !s.isCertain('month') && weekday !== null && !WEEK_WORD.test(r.text);
    out.push(bare ? { date, index: r.index, weekday } : { date, index: r.index });
  }
  // a bare year ("in 2019", "the 2019 agreement"), which chrono leaves alone
  for (const m of sentenceText.matchAll(YEAR)) {
    const index = m.index ?? 0;
    if (out.some((o) => Math.abs(o.index - index) < 12)) continue;
    out.push({ date: m[1] ?? m[2]!, index });
  }
  return out;
}

export function publishedDate(published: string | null): Date | null {
  if (!published) return null;
  const d = new Date(published);
  return Number.isNaN(d.getTime()) ? null : d;
}

const DAY_MS = 86_400_000;

/** The weekday on or before (past) or on or after (future) the publication day, as YYYY-MM-DD (UTC, like the publication day). */
export function weekdayAround(published: Date, weekday: number, tense: 'past' | 'future'): string {
  const day = Date.UTC(published.getUTCFullYear(), published.getUTCMonth(), published.getUTCDate());
  const dow = published.getUTCDay();
  const shift = tense === 'past' ? -((dow - weekday + 7) % 7) : (weekday - dow + 7) % 7;
  return new Date(day + shift * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The date for a verb at `verbOffset` (inside the sentence): the nearest
 * expression that no other verb separates from it (`separated(a, b)`), else
 * the publication day. `tense` is the verb's (see VerbGroup.tense).
 */
export function eventDate(
  found: readonly DateFound[],
  verbOffset: number,
  published: Date | null,
  separated: (a: number, b: number) => boolean = () => false,
  tense: Tense = null,
): string | null {
  let best: DateFound | null = null;
  for (const f of found) {
    if (separated(Math.min(f.index, verbOffset), Math.max(f.index, verbOffset))) continue;
    if (!best || Math.abs(f.index - verbOffset) < Math.abs(best.index - verbOffset)) best = f;
  }
  if (best) return best.weekday !== undefined && published && tense ? weekdayAround(published, best.weekday, tense) : best.date;
  return published ? published.toISOString().slice(0, 10) : null;
}
