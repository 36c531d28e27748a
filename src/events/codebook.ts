/**
 * The CAMEO codebook (data/cameo/codebook.tsv): name, Goldstein value, quad
 * class and PLOVER mapping of every event code. Codes the source tables leave
 * without a Goldstein value or PLOVER type (CAMEO extension codes) take their
 * parent's, so every code the lexicon can produce scores.
 */
import fs from 'node:fs';
import { NewsgraphError } from '../util/errors.js';
import { dataPath } from '../util/data-files.js';

export interface CodebookEntry {
  code: string;
  name: string;
  goldstein: number;
  /** Two-digit root ("03"). */
  root: string;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quadClass: 1 | 2 | 3 | 4;
  /** PLOVER 2021 event type, null where PLOVER drops the code (roots 01, 02). */
  ploverType: string | null;
  ploverMode: string | null;
}

export class Codebook {
  private readonly byCode = new Map<string, CodebookEntry>();

  constructor(entries: readonly CodebookEntry[]) {
    for (const e of entries) this.byCode.set(e.code, e);
  }

  get(code: string): CodebookEntry | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  codes(): string[] {
    return [...this.byCode.keys()];
  }
}

/** Parent code: 4 digits -> 3, 3 -> the 2-digit root. */
export function parentCode(code: string): string | null {
  return code.length > 2 ? code.slice(0, code.length - 1) : null;
}

export function parseCodebook(file: string, text: string): Codebook {
  const rows = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = rows.shift()?.split('\t') ?? [];
  const expected = ['code', 'name', 'goldstein', 'root', 'quad', 'plover', 'plover_mode'];
  if (expected.some((c, i) => header[i] !== c)) {
    throw new NewsgraphError('bad-data', `${file}: header must be ${expected.join(', ')}`);
  }
  const raw = new Map<string, string[]>();
  for (const [i, row] of rows.entries()) {
    const f = row.split('\t');
    if (!/^\d{2,4}$/.test(f[0] ?? '') || f.length < 5) throw new NewsgraphError('bad-data', `${file}: bad row ${i + 2}: ${row}`);
    raw.set(f[0]!, f);
  }
  const inherit = (code: string, column: number): string => {
    for (let c: string | null = code; c !== null; c = parentCode(c)) {
      const v = raw.get(c)?.[column] ?? '';
      if (v !== '') return v;
    }
    return '';
  };
  const entries: CodebookEntry[] = [];
  for (const [code, f] of raw) {
    const quad = Number(f[4]);
    if (![1, 2, 3, 4].includes(quad)) throw new NewsgraphError('bad-data', `${file}: bad quad class for ${code}`);
    const gold = inherit(code, 2);
    // "08" maps to CONCEDE|RETREAT in PLOVER 2021; the first alternative is the general one.
    const plover = inherit(code, 5).split('|')[0] ?? '';
    entries.push({
      code,
      name: f[1]!,
      goldstein: gold === '' ? 0 : Number(gold),
      root: f[3]!,
      quadClass: quad as 1 | 2 | 3 | 4,
      ploverType: plover === '' ? null : plover,
      ploverMode: f[6] ? f[6] : null,
    });
  }
  return new Codebook(entries);
}

let shipped: Codebook | null = null;
export function loadCodebook(file = dataPath('cameo', 'codebook.tsv')): Codebook {
  if (file === dataPath('cameo', 'codebook.tsv') && shipped) return shipped;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new NewsgraphError('bad-data', `cannot read codebook ${file}: ${(e as Error).message}`);
  }
  const book = parseCodebook(file, text);
  if (file === dataPath('cameo', 'codebook.tsv')) shipped = book;
  return book;
}
