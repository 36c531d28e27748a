import fs from 'node:fs';
import { rejectBinarySignature, rejectBinaryText } from './binary.js';
import { NewsgraphError } from './errors.js';

/** Largest user data file (dictionary, word list) read whole. */
const MAX_DATA_FILE_BYTES = 256 * 1024 * 1024;

/**
 * A user-supplied UTF-8 data file (an actor dictionary, say) as text. A
 * missing, oversized or binary file is refused with one line naming it and
 * what it should have been.
 */
export function readUserTextFile(file: string, what: string): string {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_DATA_FILE_BYTES) throw new NewsgraphError('too-large', `${file} is ${size} bytes, more than the ${MAX_DATA_FILE_BYTES}-byte limit for ${what}`);
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof NewsgraphError) throw e;
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
    throw new NewsgraphError('not-found', `${file}: cannot read ${what}: ${why}`);
  }
  rejectBinarySignature(bytes, file, what);
  const text = bytes.toString('utf8');
  rejectBinaryText(text, file, what);
  return text;
}
