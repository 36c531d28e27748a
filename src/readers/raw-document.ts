import { createHash } from 'node:crypto';

/** What a reader hands to the pipeline: the text to analyse and what is known about it. */
export interface RawDocument {
  id: string;
  text: string;
  title: string | null;
  url: string | null;
  published: string | null;
  source: string | null;
  format: 'text' | 'html' | 'jsonl';
  encoding: string;
  /** Where it came from, for messages: a path, "stdin", or "file.jsonl:12". */
  origin: string;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
