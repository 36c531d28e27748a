import { createHash } from 'node:crypto';
import { describeError, NewsgraphError } from '../util/errors.js';

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

/**
 * A record a reader could not make a document of: a bad JSONL line, a page
 * with no article text, a WARC page over the size cap. Readers yield these
 * in place of the document and go on with the next record, so one bad
 * record stops nothing else and every record is accounted for.
 */
export interface PassedRecord {
  /** 'failed': the record is broken or over a limit; 'no-article-text': it reads fine but holds no article. */
  passed: 'failed' | 'no-article-text';
  /** The NewsgraphError code behind it. */
  code: string;
  /** Where it is: "file.jsonl:2", "crawl.warc.gz#https://…". */
  origin: string;
  /** One line for the user, naming the origin. */
  message: string;
}

/** What readers yield. */
export type ReadItem = RawDocument | PassedRecord;

export function isPassed(item: ReadItem): item is PassedRecord {
  return 'passed' in item;
}

/** A reader's NewsgraphError about one record, as the record passed over. */
export function failedRecord(origin: string, e: NewsgraphError): PassedRecord {
  const message = describeError(e);
  return { passed: 'failed', code: String(e.code), origin, message: message.startsWith(origin) ? message : `${origin}: ${message}` };
}

/** For callers that want one document: a passed-over record as the error it stands for. */
export function documentOf(item: ReadItem): RawDocument {
  if (isPassed(item)) throw new NewsgraphError(item.code, item.message);
  return item;
}
