/**
 * Our own name lists (data/ner-lists/*.tsv: "name<TAB>category" per line,
 * '#' comments). They are compiled into the model's lexicon at training
 * time, so a shipped model does not need the files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NewsgraphError } from '../../util/errors.js';
import type { ListEntry } from './lexicon.js';

/** Package root, from src/entities/tagger or dist/entities/tagger. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DEFAULT_LISTS_DIR = path.join(PACKAGE_ROOT, 'data', 'ner-lists');

export function parseNameList(text: string, name: string): ListEntry[] {
  const out: ListEntry[] = [];
  text.split('\n').forEach((raw, n) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const cols = line.split('\t');
    if (cols.length !== 2 || !cols[0]!.trim() || !/^[A-Z][A-Z_]*$/.test(cols[1]!.trim())) {
      throw new NewsgraphError('bad-data', `${name}:${n + 1}: expected "name<TAB>CATEGORY"`);
    }
    out.push({ text: cols[0]!.trim(), category: cols[1]!.trim() });
  });
  return out;
}

/** All *.tsv lists of a directory (none if it does not exist), in file-name order. */
export function readNameLists(dir: string = DEFAULT_LISTS_DIR): ListEntry[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort()
    .flatMap((f) => parseNameList(fs.readFileSync(path.join(dir, f), 'utf8'), f));
}
