/**
 * One-a-day event records in the GDELT event table layout, tab separated, no
 * header: GDELT 2.0 (61 columns, DATEADDED as YYYYMMDDHHMMSS) or the GDELT
 * 1.0 daily layout (58 columns, no ADM2 codes, DATEADDED as YYYYMMDD), so
 * scripts written for GDELT can read our data. What each column holds, and
 * which ones we leave empty, is in docs/gdelt-mapping.md.
 */
import type { EventRecordRow } from '../query-types.js';
import { tsvCell } from './csv.js';

export type GdeltVersion = 1 | 2;

/** CAMEO actor codes built from 3-letter parts: a country or a group prefix, then roles. */
const GROUP_PREFIXES = new Set(['IGO', 'NGO', 'NGM', 'MNC', 'IMG', 'UIS']);

export interface ActorParts {
  country: string;
  knownGroup: string;
  types: string[];
}

/** RUSGOVMIL -> country RUS, types GOV, MIL; IGOUNO -> known group UNO. */
export function splitActorCode(code: string | null, country: string | null): ActorParts {
  const parts: string[] = [...((code ?? '').match(/.{1,3}/g) ?? [])];
  let knownGroup = '';
  let types: string[] = parts;
  let countryCode = country ?? '';
  if (parts[0] && GROUP_PREFIXES.has(parts[0])) {
    knownGroup = parts[1] ?? '';
    types = parts.slice(2);
  } else if (parts[0] && parts[0] === country) {
    types = parts.slice(1);
  } else if (parts[0] && !country && /^[A-Z]{3}$/.test(parts[0]) && parts.length > 1) {
    // A code like "PRKGOV" whose actor carried no country: its first part is the country.
    countryCode = parts[0];
    types = parts.slice(1);
  }
  return { country: countryCode, knownGroup, types: types.slice(0, 3) };
}

function actorFields(code: string | null, name: string | null, country: string | null): string[] {
  const p = splitActorCode(code, country);
  // Actor code, name (GDELT writes names in capitals), country, known group, ethnic, religion 1, religion 2, types 1-3.
  return [code ?? '', (name ?? '').toUpperCase(), p.country, p.knownGroup, '', '', '', p.types[0] ?? '', p.types[1] ?? '', p.types[2] ?? ''];
}

/** YYYY.FFFF with FFFF = (month * 30 + day) / 365, as GDELT computes it. */
export function fractionDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return (y! + (m! * 30 + d!) / 365).toFixed(4);
}

const digits = (s: string): string => s.replace(/\D/g, '');

export function gdeltRow(r: EventRecordRow, version: GdeltVersion): string {
  const isRoot = r.firstSentence <= 1;
  // An undated record leaves the four date columns empty rather than inventing a day.
  const sql = digits(r.date ?? '');
  const geo = version === 2 ? 8 : 7; // GDELT 2.0 added an ADM2 code to each of the three geo blocks
  const added = digits(r.firstSeen).slice(0, version === 2 ? 14 : 8);
  const base = r.code.length > 3 ? r.code.slice(0, 3) : r.code;
  const cells: (string | number)[] = [
    r.id, sql, sql.slice(0, 6), sql.slice(0, 4), r.date === null ? '' : fractionDate(r.date),
    ...actorFields(r.sourceCode, r.sourceName, r.sourceCountry),
    ...actorFields(r.targetCode, r.targetName, r.targetCountry),
    isRoot ? 1 : 0, r.code, base, r.root, r.quadClass, r.goldstein,
    r.mentions, r.outlets, r.documents, '',
    ...new Array<string>(geo * 3).fill(''),
    added, r.firstUrl ?? '',
  ];
  return `${cells.map(tsvCell).join('\t')}\n`;
}

export const GDELT_COLUMN_COUNT: Record<GdeltVersion, number> = { 1: 58, 2: 61 };
