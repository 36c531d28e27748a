/**
 * Readers for NER training and evaluation data: CoNLL-style column files and
 * JSONL. Both give documents (lists of tagged sentences), because the tagger's
 * document-level features need to know which sentences belong together.
 */
import fs from 'node:fs';
import { NewsgraphError } from '../../util/errors.js';
import { ENTITY_TYPES } from './labels.js';

export interface TaggedSentence {
  tokens: string[];
  /** BIO (IOB2) tags; IOB1 is accepted on input and read leniently. */
  tags: string[];
}

export interface NerDocument {
  id: string;
  sentences: TaggedSentence[];
}

/** Largest corpus file we read in one go. */
export const MAX_CORPUS_BYTES = 512 * 1024 * 1024;
/** Without -DOCSTART- lines a CoNLL file is cut into documents of this many sentences. */
export const MAX_SENTENCES_PER_DOC = 2000;

const TYPES = new Set<string>(ENTITY_TYPES);

function checkTag(tag: string, where: string): void {
  if (tag === 'O') return;
  const ok = (tag.startsWith('B-') || tag.startsWith('I-')) && TYPES.has(tag.slice(2));
  if (!ok) {
    throw new NewsgraphError('bad-data', `${where}: tag "${tag}" is not O or B-/I- with one of ${ENTITY_TYPES.join(', ')}`);
  }
}

function readText(file: string): string {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new NewsgraphError('not-found', `NER data file not found: ${file}`);
  }
  if (size > MAX_CORPUS_BYTES) {
    throw new NewsgraphError('too-large', `NER data file ${file} is ${size} bytes, over the ${MAX_CORPUS_BYTES} limit`);
  }
  return fs.readFileSync(file, 'utf8');
}

/**
 * CoNLL columns: token first, tag last, whitespace-separated; a blank line
 * ends a sentence; a line whose first column is -DOCSTART- starts a document.
 */
export function parseConll(text: string, name = 'conll'): NerDocument[] {
  const docs: NerDocument[] = [];
  let doc: NerDocument | null = null;
  let tokens: string[] = [];
  let tags: string[] = [];
  const newDoc = (): NerDocument => {
    const d: NerDocument = { id: `${name}#${docs.length}`, sentences: [] };
    docs.push(d);
    return d;
  };
  const endSentence = (): void => {
    if (tokens.length === 0) return;
    if (!doc || doc.sentences.length >= MAX_SENTENCES_PER_DOC) doc = newDoc();
    doc.sentences.push({ tokens, tags });
    tokens = [];
    tags = [];
  };
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (line === '') {
      endSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      endSentence();
      doc = newDoc();
      continue;
    }
    const where = `${name}:${n + 1}`;
    if (cols.length < 2) throw new NewsgraphError('bad-data', `${where}: expected "token ... tag", got one column`);
    const tag = cols[cols.length - 1]!;
    checkTag(tag, where);
    tokens.push(cols[0]!);
    tags.push(tag);
  }
  endSentence();
  return docs.filter((d) => d.sentences.length > 0);
}

/**
 * JSONL, one sentence per line: {tokens, tags, doc?}. Lines sharing a `doc`
 * value form one document (in order of first appearance); a line without
 * `doc` is a document of its own.
 */
export function parseJsonl(text: string, name = 'jsonl'): NerDocument[] {
  const byId = new Map<string, NerDocument>();
  const docs: NerDocument[] = [];
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (line === '') continue;
    const where = `${name}:${n + 1}`;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      throw new NewsgraphError('bad-json', `${where}: not valid JSON`);
    }
    const r = rec as { tokens?: unknown; tags?: unknown; doc?: unknown };
    const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
    if (!isStrings(r.tokens) || !isStrings(r.tags)) {
      throw new NewsgraphError('bad-data', `${where}: needs "tokens" and "tags" arrays of strings`);
    }
    if (r.tokens.length !== r.tags.length) {
      throw new NewsgraphError('bad-data', `${where}: ${r.tokens.length} tokens but ${r.tags.length} tags`);
    }
    if (r.tokens.length === 0) continue;
    for (const t of r.tags) checkTag(t, where);
    const sentence = { tokens: r.tokens, tags: r.tags };
    const docId = r.doc === undefined || r.doc === null ? null : String(r.doc);
    if (docId === null) {
      docs.push({ id: `${name}:${n + 1}`, sentences: [sentence] });
      continue;
    }
    let d = byId.get(docId);
    if (!d) {
      d = { id: docId, sentences: [] };
      byId.set(docId, d);
      docs.push(d);
    }
    d.sentences.push(sentence);
  }
  return docs;
}

/** Read one file, choosing the format by extension (.jsonl/.json = JSONL, anything else = CoNLL). */
export function readNerFile(file: string): NerDocument[] {
  const text = readText(file);
  return /\.jsonl?$/i.test(file) ? parseJsonl(text, file) : parseConll(text, file);
}

export function readNerFiles(files: readonly string[]): NerDocument[] {
  return files.flatMap((f) => readNerFile(f));
}

export function countTokens(docs: readonly NerDocument[]): number {
  let n = 0;
  for (const d of docs) for (const s of d.sentences) n += s.tokens.length;
  return n;
}
