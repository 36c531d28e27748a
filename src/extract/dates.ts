/** Normalising the many date spellings found in pages to ISO 8601 strings. */
import * as chrono from 'chrono-node';

const ISO_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$/;

function pad(n: string | number): string {
  return String(n).padStart(2, '0');
}

function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/**
 * Returns an ISO 8601 string, or null when `raw` is not a plausible date.
 * ISO-like input keeps its own offset (so the calendar date stays the page's
 * local date); other spellings go through Date.parse and then chrono.
 */
export function normalizeDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim().replace(/\s+/g, ' ');
  if (s.length < 6 || s.length > 80) return null;
  let m = ISO_LIKE.exec(s);
  if (m) {
    const [, y, mo, d, hh, mm, ss, frac, tz] = m;
    if (!validYmd(Number(y), Number(mo), Number(d))) return null;
    let out = `${y}-${pad(mo!)}-${pad(d!)}`;
    if (hh !== undefined) out += `T${pad(hh)}:${mm}:${ss ?? '00'}${frac ?? ''}`;
    if (tz && hh !== undefined) {
      const t = tz.toUpperCase();
      out += t === 'Z' || t === 'UTC' || t === 'GMT' ? 'Z' : t.includes(':') ? t : `${t.slice(0, 3)}:${t.slice(3)}`;
    }
    return out;
  }
  m = COMPACT.exec(s);
  if (m) {
    const [, y, mo, d, hh, mm, ss] = m;
    if (!validYmd(Number(y), Number(mo), Number(d))) return null;
    return `${y}-${mo}-${d}` + (hh ? `T${hh}:${mm}:${ss ?? '00'}` : '');
  }
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const ms = s.length === 10 ? Number(s) * 1000 : Number(s);
    const d = new Date(ms);
    return d.getUTCFullYear() >= 1990 && d.getUTCFullYear() <= 2100 ? d.toISOString() : null;
  }
  // Only accept free-form text that names a year, so "Monday" or "3 hours ago" are not dates.
  if (!/\b(19|20)\d{2}\b/.test(s)) return null;
  const t = Date.parse(s);
  if (!Number.isNaN(t)) {
    const d = new Date(t);
    if (d.getUTCFullYear() >= 1990 && d.getUTCFullYear() <= 2100) return d.toISOString();
  }
  const parsed = chrono.parse(s);
  const first = parsed[0];
  if (first && first.start.isCertain('year') && first.start.isCertain('month') && first.start.isCertain('day')) {
    const c = first.start;
    const date = `${c.get('year')}-${pad(c.get('month') ?? 1)}-${pad(c.get('day') ?? 1)}`;
    if (c.isCertain('hour')) return `${date}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}:${pad(c.get('second') ?? 0)}`;
    return date;
  }
  return null;
}

/** A date found in the page URL path (/2024/05/16/ or /2024-05-16-), day precision. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const m = /[/_-]((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_-]|$)/.exec(url);
  if (!m) return null;
  const [, y, mo, d] = m;
  return validYmd(Number(y), Number(mo), Number(d)) ? `${y}-${pad(mo!)}-${pad(d!)}` : null;
}
