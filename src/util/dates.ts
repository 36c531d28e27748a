/**
 * Dates a user gives us: a calendar day (`--from`, `--to`, API `from`/`to`)
 * and a document's publication date (JSONL and API `published`). Both are
 * checked against the calendar: "2024-02-30" and "2026-13-45" are not dates,
 * whatever Date.parse makes of them.
 */
import { parseFeedDate } from '../feeds/feed-dates.js';
import { NewsgraphError } from './errors.js';

/** Whether year-month-day is a day of the calendar (proleptic Gregorian, years 1-9999). */
function realDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Exactly YYYY-MM-DD, and a real day. */
export function isCalendarDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && realDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A command-line option parser for a day (`--from`, `--to`): anything else is a usage error. */
export function dayOption(name: string): (value: string) => string {
  return (value) => {
    const d = value.trim();
    if (!isCalendarDay(d)) throw new NewsgraphError('usage', `${name} must be a date (YYYY-MM-DD), got "${value}"`);
    return d;
  };
}

/** ISO 8601 / RFC 3339 as news data writes it: a day, optionally a time (T or a space) and a zone. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(Z|[+-](\d{2})(?::?(\d{2}))?)?)?$/i;

/**
 * Dates written with a month name, as feeds and pages write them: RFC 2822
 * ("Fri, 01 Mar 2024 10:00:00 GMT"), "1 March 2024", "March 1, 2024 10:00 AM".
 * Only these shapes are handed to the feed date reader: its last resort
 * (Date.parse on anything with a year) would take "not a date 2024".
 */
const WEEKDAY = String.raw`(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?|(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s+`;
const TIME = String.raw`(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:UT|UTC|GMT|Z|[ECMP][SD]T|[+-]\d{2}:?\d{2}))?)?`;
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.?`;
const WRITTEN = [
  new RegExp(String.raw`^(?:${WEEKDAY})?\d{1,2}\s+${MONTH}\s+\d{4}${TIME}$`, 'i'),
  new RegExp(String.raw`^(?:${WEEKDAY})?${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}${TIME}$`, 'i'),
];

/**
 * A publication date as we keep it, or null when the value is not a date we
 * can place. An ISO 8601 day or date-time ("2024-03-01",
 * "2024-03-01T08:00:00+01:00") on a real day is kept as written; a date
 * written with a month name (RFC 2822, "1 March 2024") becomes ISO 8601 UTC,
 * as feed dates do. Anything else, including numeric forms that could be day
 * or month first ("01/03/2024"), is not a date.
 */
export function normalizePublished(value: string): string | null {
  const v = value.trim();
  const m = ISO.exec(v);
  if (m) {
    const ok = realDay(Number(m[1]), Number(m[2]), Number(m[3])) && Number(m[4] ?? 0) <= 23 && Number(m[5] ?? 0) <= 59 && Number(m[6] ?? 0) <= 60
      && Number(m[8] ?? 0) <= 14 && Number(m[9] ?? 0) <= 59;
    return ok ? v : null;
  }
  return WRITTEN.some((re) => re.test(v)) ? parseFeedDate(v) : null;
}

/** What a publication date must look like, for messages. */
export const PUBLISHED_FORMS = 'a date such as 2024-03-01, 2024-03-01T08:00:00Z or Fri, 01 Mar 2024 08:00:00 GMT';
