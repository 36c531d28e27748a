/**
 * Turning TSV rows into dictionary entries, with validation.
 *
 * Every problem names the file and line so a user extending the dictionary
 * can fix the row; all problems of a file are reported at once.
 */
import { listCell, type TsvRow } from './tsv.js';
import { isCalendarDay } from '../../util/dates.js';
import {
  ACTOR_TYPES,
  MEDIA_KINDS,
  MEDIA_OWNERSHIPS,
  type ActorEntry,
  type ActorType,
  type DatedCode,
  type MediaKind,
  type MediaOwnership,
} from './types.js';

export const ACTOR_COLUMNS = [
  'id',
  'type',
  'name',
  'code',
  'country',
  'aliases',
  'demonyms',
  'capital',
  'metonyms',
  'gov_code',
  'role',
  'kind',
  'ownership',
  'dated_codes',
  'surname',
  'flags',
  'note',
] as const;

export const ACTOR_FLAGS = ['no-capital-metonym', 'no-government'] as const;

/**
 * CAMEO role codes (CAMEO manual ch. 3 and the Phoenix agents dictionary)
 * that may follow a country code or stand alone on a role row.
 */
export const CAMEO_ROLE_CODES: ReadonlySet<string> = new Set([
  'COP', 'GOV', 'INS', 'JUD', 'MIL', 'OPP', 'PTY', 'REB', 'SEP', 'SPY', 'UAF',
  'AGR', 'BUS', 'CRM', 'CVL', 'DEV', 'EDU', 'ELI', 'ENV', 'HLH', 'HRI', 'LAB',
  'LEG', 'MED', 'REF', 'SET', 'MOD', 'RAD', 'PPL', 'REL', 'MUS', 'CHR', 'JEW',
  'BUD', 'HIN', 'PKO',
]);

const ID_RE = /^[a-z0-9][a-z0-9._-]*$/;
const CODE_RE = /^(?:[A-Z]{3})+$/;
const COUNTRY_RE = /^[A-Z]{3}$/;
const DESCRIPTOR_RE = /^[a-z][a-z-]*$/;

export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "USAGOV 2017-01-20..2021-01-20", "USABUS ..2017-01-20" or "USAGOV 2025-01-20..". */
function parseDatedCode(text: string, where: string, problems: string[]): DatedCode | undefined {
  const m = /^([A-Z]+)\s+(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/.exec(text);
  if (m === null || !CODE_RE.test(m[1]!) || (m[2] === undefined && m[3] === undefined)) {
    problems.push(`${where}: dated code "${text}" should look like "USAGOV 2017-01-20..2021-01-20"`);
    return undefined;
  }
  const [, code, from, to] = m;
  for (const d of [from, to]) {
    if (d !== undefined && !isCalendarDay(d)) problems.push(`${where}: "${d}" is not a real date`);
  }
  if (from !== undefined && to !== undefined && from >= to) problems.push(`${where}: range ${from}..${to} ends before it starts`);
  return { code: code!, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

export interface RowEntries {
  /** The row's own entry. */
  entry: ActorEntry;
  /** A country row also yields the government entry that its metonyms point to. */
  government?: ActorEntry;
}

function rolePartsKnown(code: string): boolean {
  for (let i = 0; i < code.length; i += 3) if (!CAMEO_ROLE_CODES.has(code.slice(i, i + 3))) return false;
  return true;
}

/** Validates one row; returns undefined (and pushes problems) when it is unusable. */
export function rowToEntries(file: string, row: TsvRow, problems: string[]): RowEntries | undefined {
  const where = `${file}:${row.line}`;
  const before = problems.length;
  const get = (c: (typeof ACTOR_COLUMNS)[number]): string | undefined => row.values.get(c);

  const type = get('type') as ActorType | undefined;
  const name = get('name');
  if (type === undefined || !ACTOR_TYPES.includes(type)) {
    problems.push(`${where}: type "${type ?? ''}" must be one of ${ACTOR_TYPES.join(', ')}`);
    return undefined;
  }
  if (name === undefined) {
    problems.push(`${where}: name is empty`);
    return undefined;
  }
  const code = get('code') ?? '';
  const role = get('role');
  const flags = listCell(get('flags'));
  for (const f of flags) {
    if (!(ACTOR_FLAGS as readonly string[]).includes(f)) problems.push(`${where}: unknown flag "${f}" (known: ${ACTOR_FLAGS.join(', ')})`);
  }

  // Codes: countries are one 3-letter block, roles are role blocks (or none
  // for descriptors such as "analyst"), everything else is 3-letter blocks.
  if (type === 'role') {
    if (role === undefined) problems.push(`${where}: role rows need a role (a CAMEO role code or a descriptor word)`);
    if (code !== '' && (!CODE_RE.test(code) || !rolePartsKnown(code))) {
      problems.push(`${where}: role code "${code}" is not made of CAMEO role codes`);
    }
    if (code === '' && role !== undefined && !DESCRIPTOR_RE.test(role)) {
      problems.push(`${where}: a role without code must be a lower-case descriptor word, got "${role}"`);
    }
  } else if (type === 'country') {
    if (!COUNTRY_RE.test(code)) problems.push(`${where}: country code "${code}" must be three capital letters (ISO-3)`);
  } else if (type === 'place' && code === '') {
    // Geographic names without an actor code are allowed: they exist to
    // win the longest match over a shorter country reading.
  } else if (!CODE_RE.test(code)) {
    problems.push(`${where}: code "${code}" must be capital letters in blocks of three (e.g. IGOWSTNAT, PRKMED)`);
  }
  if (type === 'media' && !code.endsWith('MED')) problems.push(`${where}: media code "${code}" should end in MED`);

  let country = get('country');
  if (country !== undefined && !COUNTRY_RE.test(country)) problems.push(`${where}: country "${country}" must be an ISO-3 code`);
  if ((type === 'country' || type === 'territory') && country === undefined && COUNTRY_RE.test(code.slice(0, 3))) {
    country = code.slice(0, 3);
  }

  let kind: MediaKind | undefined;
  let ownership: MediaOwnership | undefined;
  if (type === 'media') {
    kind = get('kind') as MediaKind | undefined;
    ownership = get('ownership') as MediaOwnership | undefined;
    if (kind === undefined || !MEDIA_KINDS.includes(kind)) problems.push(`${where}: media kind "${kind ?? ''}" must be one of ${MEDIA_KINDS.join(', ')}`);
    if (ownership === undefined || !MEDIA_OWNERSHIPS.includes(ownership)) {
      problems.push(`${where}: media ownership "${ownership ?? ''}" must be one of ${MEDIA_OWNERSHIPS.join(', ')}`);
    }
    if (country === undefined) problems.push(`${where}: media rows need a country`);
  } else if (get('kind') !== undefined || get('ownership') !== undefined) {
    problems.push(`${where}: kind and ownership are only for media rows`);
  }

  const datedCodes = listCell(get('dated_codes'))
    .map((d) => parseDatedCode(d, where, problems))
    .filter((d): d is DatedCode => d !== undefined);
  if (datedCodes.length > 0 && (type === 'country' || type === 'territory' || type === 'role')) {
    problems.push(`${where}: dated_codes are not for ${type} rows`);
  }

  const surname = get('surname');
  if (surname !== undefined && type !== 'person') problems.push(`${where}: surname is only for person rows`);

  const govCode = get('gov_code');
  if (govCode !== undefined && (type !== 'country' && type !== 'territory')) problems.push(`${where}: gov_code is only for country rows`);
  if (govCode !== undefined && !CODE_RE.test(govCode)) problems.push(`${where}: gov_code "${govCode}" is not a CAMEO code`);

  const id = get('id') ?? (type === 'country' ? `country.${code.toLowerCase()}` : `${type}.${slug(name)}`);
  if (!ID_RE.test(id)) problems.push(`${where}: id "${id}" may only use a-z, 0-9, ".", "_" and "-"`);

  if (problems.length > before) return undefined;

  // A leading "^" asks for a capital letter where the column matches any case.
  const capitalisedOnly: string[] = [];
  const phrases = (cell: string | undefined): string[] =>
    listCell(cell).map((p) => {
      if (!p.startsWith('^')) return p;
      capitalisedOnly.push(p.slice(1));
      return p.slice(1);
    });
  const aliases = phrases(get('aliases'));
  if (surname !== undefined && !aliases.includes(surname)) aliases.push(surname);
  const capital = get('capital');
  const note = get('note');
  const isCountry = type === 'country' || type === 'territory';
  const ownMetonyms = phrases(get('metonyms'));

  const entry: ActorEntry = {
    id,
    type,
    name,
    code,
    ...(country !== undefined ? { country } : {}),
    aliases,
    demonyms: phrases(get('demonyms')),
    // A country's metonyms belong to its government entry, not to the country.
    metonyms: isCountry ? [] : ownMetonyms,
    ...(capital !== undefined ? { capital } : {}),
    ...(role !== undefined ? { role } : {}),
    ...(kind !== undefined ? { kind } : {}),
    ...(ownership !== undefined ? { ownership } : {}),
    datedCodes,
    capitalisedOnly,
    ...(surname !== undefined ? { surname } : {}),
    ...(note !== undefined ? { note } : {}),
    source: { file, line: row.line },
  };
  if (!isCountry || flags.includes('no-government')) return { entry };

  // "Moscow said", "the Kremlin said": the capital stands for the
  // government unless the row says otherwise (Brussels means the EU, not
  // Belgium) or the capital has the country's own name (Singapore).
  const countryNames = new Set([name, ...aliases].map((n) => n.toLowerCase()));
  const govMetonyms = [...ownMetonyms];
  if (capital !== undefined && !flags.includes('no-capital-metonym') && !countryNames.has(capital.toLowerCase())) {
    govMetonyms.unshift(capital);
  }
  const government: ActorEntry = {
    id: `${id}.gov`,
    type: 'government',
    name: `Government of ${name}`,
    code: govCode ?? `${code}GOV`,
    ...(country !== undefined ? { country } : {}),
    aliases: [],
    demonyms: [],
    metonyms: [...new Set(govMetonyms)],
    datedCodes: [],
    capitalisedOnly: capitalisedOnly.filter((p) => govMetonyms.includes(p)),
    source: { file, line: row.line },
  };
  return { entry, government };
}
