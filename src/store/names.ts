/**
 * Matching keys computed once at write time, so that both backends match
 * names the same way with plain `LIKE` (no collations, no ILIKE, no regex):
 * a normalised name is lower case, accents stripped, every run of
 * non-letters a single space, padded with one space each side. A filter
 * value normalised the same way (unpadded) matches whole words with
 * `LIKE '% value %'`; as it holds only letters, digits and spaces it needs
 * no escaping.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The stored form: one or more names, each padded, joined by " | " so no match spans two names. */
export function nameKey(...names: (string | null | undefined)[]): string {
  const parts = [...new Set(names.filter((n): n is string => Boolean(n)).map(normalizeName).filter((n) => n !== ''))];
  return parts.length === 0 ? '' : ` ${parts.join(' | ')} `;
}

/** The LIKE pattern for a filter value, or null when the value has no letters or digits. */
export function namePattern(value: string): string | null {
  const n = normalizeName(value);
  return n === '' ? null : `% ${n} %`;
}

/**
 * CAMEO codes are upper-case letters and digits. A prefix becomes the range
 * [prefix, prefix with its last character incremented): "RUS" -> RUS..RUT,
 * "19" -> 19..1:. Range comparisons use the code indexes in both backends
 * (byte order: SQLite's BINARY, PostgreSQL's "C" collation on code columns).
 */
export function codePrefixRange(value: string): { lo: string; hi: string } | null {
  const c = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (c === '') return null;
  return { lo: c, hi: c.slice(0, -1) + String.fromCharCode(c.charCodeAt(c.length - 1) + 1) };
}

/** A day (YYYY-MM-DD) from an ISO date or anything Date.parse reads; null when there is none. */
export function toDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().slice(0, 10);
}

/** An outlet name from the document's source, else its URL's host without "www.". */
export function outletName(source: string | null, url: string | null): string | null {
  if (source && source.trim() !== '') return source.trim();
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** The shortest key prefix that finds a document (`show`, `--document`). */
export const KEY_PREFIX_MIN = 8;

/**
 * A document key prefix (lower-case hex, at least KEY_PREFIX_MIN characters)
 * as the range [prefix, prefix + "g"): every key starting with it, since keys
 * are hex. Null when the value is no such prefix.
 */
export function keyPrefixRange(value: string): { lo: string; hi: string } | null {
  return value.length >= KEY_PREFIX_MIN && /^[0-9a-f]+$/.test(value) ? { lo: value, hi: `${value}g` } : null;
}
