/**
 * Exact duplicates: the same address (canonical URL) or the same body text
 * (hash of the folded body blocks, so a copy with other boilerplate around it
 * still matches).
 */
import { createHash } from 'node:crypto';
import { articleText, foldForHash, type DedupeInput } from './text.js';

/**
 * sha256 (hex) of the folded body text: body blocks only for an Analysis, the
 * whole text for plain input. Null when there is no body to hash, so empty
 * pages never count as copies of each other.
 */
export function bodyHash(input: DedupeInput): string | null {
  const folded = foldForHash(articleText(input).body);
  if (folded === '') return null;
  return createHash('sha256').update(folded, 'utf8').digest('hex');
}

export interface ExactKeys {
  /** From `canonicalUrl`; null when the document has no usable address. */
  canonicalUrl: string | null;
  /** From `bodyHash`; null when the body is empty. */
  bodyHash: string | null;
}

export interface ExactDuplicateResult {
  /** Key of the earlier document this one duplicates, or null. */
  duplicateOf: string | null;
  /** Which key matched; the URL is checked first. */
  matchedBy: 'url' | 'body' | null;
}

/** In-memory index of canonical URLs and body hashes; first document wins. */
export class ExactDuplicateIndex {
  private readonly byUrl = new Map<string, string>();
  private readonly byBody = new Map<string, string>();

  get size(): number {
    return Math.max(this.byUrl.size, this.byBody.size);
  }

  query(keys: ExactKeys): ExactDuplicateResult {
    const byUrl = keys.canonicalUrl === null ? undefined : this.byUrl.get(keys.canonicalUrl);
    if (byUrl !== undefined) return { duplicateOf: byUrl, matchedBy: 'url' };
    const byBody = keys.bodyHash === null ? undefined : this.byBody.get(keys.bodyHash);
    if (byBody !== undefined) return { duplicateOf: byBody, matchedBy: 'body' };
    return { duplicateOf: null, matchedBy: null };
  }

  /** Look the document up, then remember its keys (an earlier holder keeps them). */
  add(docKey: string, keys: ExactKeys): ExactDuplicateResult {
    const result = this.query(keys);
    if (result.duplicateOf === docKey) return { duplicateOf: null, matchedBy: null };
    if (keys.canonicalUrl !== null && !this.byUrl.has(keys.canonicalUrl)) this.byUrl.set(keys.canonicalUrl, docKey);
    if (keys.bodyHash !== null && !this.byBody.has(keys.bodyHash)) this.byBody.set(keys.bodyHash, docKey);
    return result;
  }
}
