/**
 * Opaque page cursors. A cursor names the list it belongs to and where the
 * previous page stopped (a row id for keyset pages, an offset for ranked or
 * grouped lists). Clients must not build them; a cursor from another list, or
 * one that was tampered with, is refused as bad input.
 */
import { NewsgraphError } from '../util/errors.js';

export const MAX_PAGE = 1000;

export function encodeCursor(list: string, position: number): string {
  return Buffer.from(JSON.stringify({ l: list, p: position }), 'utf8').toString('base64url');
}

/** The position in `list` the cursor points after; 0 (the start) when there is none. */
export function decodeCursor(list: string, cursor: string | null | undefined): number {
  if (cursor === undefined || cursor === null || cursor === '') return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new NewsgraphError('bad-input', 'invalid cursor: pass back the nextCursor of the previous page unchanged');
  }
  const o = parsed as { l?: unknown; p?: unknown };
  if (o === null || typeof o !== 'object' || o.l !== list || typeof o.p !== 'number' || !Number.isSafeInteger(o.p) || o.p < 0) {
    throw new NewsgraphError('bad-input', `invalid cursor for ${list}: pass back the nextCursor of the previous page unchanged`);
  }
  return o.p;
}

export function pageLimit(limit: number): number {
  if (!Number.isFinite(limit) || limit < 1) return 1;
  return Math.min(Math.floor(limit), MAX_PAGE);
}
