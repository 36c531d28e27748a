import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NewsgraphError } from './errors.js';

/**
 * The package root, found from this file whether it runs from src/ (tsx,
 * vitest) or from dist/ (the built CLI): both sit one level below it.
 */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function dataPath(...parts: string[]): string {
  return path.join(PACKAGE_ROOT, 'data', ...parts);
}

function readDataFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new NewsgraphError('bad-data', `cannot read data file ${file}: ${(e as Error).message}`);
  }
}

/** Non-empty, non-comment lines of a word-list file. */
export function readWordList(file: string): string[] {
  return readDataFile(file)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

export function readJsonData<T>(file: string): T {
  try {
    return JSON.parse(readDataFile(file)) as T;
  } catch (e) {
    if (e instanceof NewsgraphError) throw e;
    throw new NewsgraphError('bad-data', `data file ${file} is not valid JSON: ${(e as Error).message}`);
  }
}
