/**
 * Dates as feeds write them: RFC 822 / 2822 (`Tue, 17 Feb 2026 15:20:02 GMT`),
 * ISO 8601 / RFC 3339 (`2026-02-17T15:20:02+01:00`), and the usual junk:
 * missing weekday or seconds, two-digit years, full month names, named US
 * zones, `UT`, `+0000 (UTC)` trailers, a space instead of `T`, no zone at all
 * (read as UTC — stated here because it is a guess), localised weekday names.
 *
 * Returns an ISO 8601 UTC string, or null when the text is not a date we can
 * read with confidence. Never guesses relative dates ("yesterday").
 */

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11,
  // Localised RSS (pt, es, fr, de, it, nl) is common enough in news feeds to be worth reading.
  fev: 1, fév: 1, abr: 3, mai: 4, ago: 7, set: 8, out: 9, dez: 11, ene: 0, dic: 11, janv: 0, févr: 1, mars: 2, avr: 3,
  juin: 5, juil: 6, aoû: 7, déc: 11, jän: 0, mär: 2, mrz: 2, okt: 9, gen: 0, mag: 4, giu: 5, lug: 6, ott: 9, mei: 4,
};

function monthIndex(name: string | undefined): number | undefined {
  const n = (name ?? '').toLowerCase();
  return MONTHS[n] ?? MONTHS[n.slice(0, 4)] ?? MONTHS[n.slice(0, 3)];
}

/** Offsets in minutes east of UTC. */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, bst: 60, cet: 60, cest: 120, met: 60, mest: 120, eet: 120, eest: 180, msk: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420, akst: -540, akdt: -480, hst: -600,
  ist: 330, jst: 540, kst: 540, hkt: 480, sgt: 480, aest: 600, aedt: 660, acst: 570, awst: 480, nzst: 720, nzdt: 780,
};

const MIN_YEAR = 1970;
const MAX_YEAR = 2100;

function build(year: number, month: number, day: number, h: number, mi: number, s: number, ms: number, offsetMin: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 0 || month > 11 || day < 1 || day > 31 || h > 24 || mi > 59 || s > 60) return null;
  const t = Date.UTC(year, month, day, h, mi, Math.min(s, 59), ms) - offsetMin * 60_000;
  if (!Number.isFinite(t)) return null;
  const d = new Date(t);
  // Reject 31 Feb and friends instead of silently rolling over.
  if (new Date(Date.UTC(year, month, day)).getUTCDate() !== day) return null;
  return d.toISOString();
}

function parseOffset(z: string | undefined): number | null {
  if (!z) return 0; // no zone: read as UTC
  const lower = z.toLowerCase();
  if (lower in ZONES) return ZONES[lower] ?? 0;
  const m = /^(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$/.exec(lower);
  if (!m) return null;
  const sign = m[1] === '-' ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}|[A-Za-z]{1,5})?)?$/;
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})?)?$/;
// [weekday,] day month year [time [zone]]   and   [weekday,] month day[,] year [time [zone]]
const RFC822 = /^(?:[^\d,]+,?\s*)?(\d{1,2})[\s-]+(\p{L}{3,9})\.?[\s-]+(\d{2,4})(?:[\s,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([ap]\.?m\.?)?)?\s*([a-z]{1,5}|(?:gmt|utc)?[+-]\d{1,2}:?\d{2}|[+-]\d{2})?(?:\s*\(.*\))?$/iu;
const US_STYLE = /^(?:\p{L}+,?\s+)?(\p{L}{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[\s,]+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?\s*([a-z]{1,5}|[+-]\d{2}:?\d{2})?$/iu;

function year2(y: string): number {
  const n = Number(y);
  if (y.length === 2) return n < 50 ? 2000 + n : 1900 + n;
  return n;
}

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toLowerCase().startsWith('p');
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

export function parseFeedDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.replace(/\s+/g, ' ').trim();
  if (!s || s.length > 100) return null;

  let m = ISO.exec(s);
  if (m) {
    const off = parseOffset(m[8]);
    if (off === null) return null;
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    return build(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms, off);
  }
  m = ISO_BASIC.exec(s);
  if (m) {
    const off = parseOffset(m[7]);
    if (off === null) return null;
    return build(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), 0, off);
  }
  m = RFC822.exec(s);
  if (m) {
    const month = monthIndex(m[2]);
    const off = parseOffset(m[8]);
    if (month !== undefined && off !== null) {
      return build(year2(m[3] ?? ''), month, Number(m[1]), hour12(Number(m[4] ?? 0), m[7]), Number(m[5] ?? 0), Number(m[6] ?? 0), 0, off);
    }
  }
  m = US_STYLE.exec(s);
  if (m) {
    const month = monthIndex(m[1]);
    const off = parseOffset(m[8]);
    if (month !== undefined && off !== null) {
      return build(Number(m[3]), month, Number(m[2]), hour12(Number(m[4] ?? 0), m[7]), Number(m[5] ?? 0), Number(m[6] ?? 0), 0, off);
    }
  }
  // Last resort: the engine's own parser, only for strings that carry a 4-digit year.
  if (/\b(19|20)\d{2}\b/.test(s)) {
    const t = Date.parse(s);
    if (Number.isFinite(t)) {
      const y = new Date(t).getUTCFullYear();
      if (y >= MIN_YEAR && y <= MAX_YEAR) return new Date(t).toISOString();
    }
  }
  return null;
}
