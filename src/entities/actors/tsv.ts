/**
 * Header-driven TSV reading for the actor files.
 *
 * The first non-comment line names the columns, so a user file only needs
 * the columns it uses, in any order. Lines starting with "#" and blank lines
 * are skipped; line numbers are kept for error messages.
 */
import { NewsgraphError } from '../../util/errors.js';

export interface TsvRow {
  line: number;
  values: Map<string, string>;
}

export interface TsvTable {
  file: string;
  columns: string[];
  rows: TsvRow[];
}

/** A bad dictionary file is a user error: one line names the first problem, the rest follow. */
export class ActorDictionaryError extends NewsgraphError {
  constructor(readonly problems: string[]) {
    const shown = problems.slice(0, 20).join('\n  ');
    const more = problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : '';
    const others = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : '';
    super('bad-data', `actor dictionary: ${problems[0] ?? 'invalid'}${others}\n  ${shown}${more}`);
    this.name = 'ActorDictionaryError';
  }
}

export function parseTsv(file: string, text: string, knownColumns: readonly string[]): TsvTable {
  const problems: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let columns: string[] | undefined;
  const rows: TsvRow[] = [];
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const cells = raw.split('\t').map((c) => c.trim());
    if (columns === undefined) {
      columns = cells;
      const seen = new Set<string>();
      for (const c of cells) {
        if (!knownColumns.includes(c)) problems.push(`${file}:${line}: unknown column "${c}" (known: ${knownColumns.join(', ')})`);
        if (seen.has(c)) problems.push(`${file}:${line}: column "${c}" appears twice`);
        seen.add(c);
      }
      return;
    }
    if (cells.length > columns.length) {
      problems.push(`${file}:${line}: ${cells.length} fields but the header has ${columns.length} columns`);
      return;
    }
    const values = new Map<string, string>();
    cells.forEach((v, j) => {
      if (v !== '') values.set(columns![j]!, v);
    });
    rows.push({ line, values });
  });
  if (columns === undefined) problems.push(`${file}: no header line`);
  if (problems.length > 0) throw new ActorDictionaryError(problems);
  return { file, columns: columns ?? [], rows };
}

/** A "|"-separated list cell. */
export function listCell(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split('|')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
