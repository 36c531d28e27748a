/**
 * Errors as JSON: `{ "error": { "code", "message" } }` with a status that
 * follows the code. Never a stack trace; store and internal failures give a
 * fixed message (their details are for the server log only).
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isNewsgraphError } from '../util/errors.js';

const STATUS: Record<string, ContentfulStatusCode> = {
  'not-found': 404,
  'bad-input': 400,
  'bad-json': 400,
  'bad-html': 400,
  'bad-url': 400,
  'bad-encoding': 400,
  'binary-input': 400,
  'empty-input': 400,
  'nothing-readable': 400,
  'blocked-address': 400,
  usage: 400,
  unauthorized: 401,
  'too-large': 413,
  'unsupported-media-type': 415,
  'not-implemented': 501,
  'fetch-failed': 502,
  timeout: 503,
};

export function statusOf(code: string): ContentfulStatusCode {
  return STATUS[code] ?? 500;
}

export interface ApiErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: string, message: string): ApiErrorBody {
  return { error: { code, message } };
}

/** The app's error handler: NewsgraphErrors keep their code; anything else is an internal error. */
export function toErrorResponse(c: Context, e: unknown, log: (line: string) => void): Response {
  if (isNewsgraphError(e)) {
    const status = statusOf(String(e.code));
    if (status >= 500) {
      log(`newsgraph serve: ${c.req.method} ${c.req.path}: ${e.code}: ${e.message}`);
      return c.json(errorBody(String(e.code), e.code === 'store-error' || e.code === 'corrupt-store' ? 'the store failed to answer' : e.message.split('\n')[0]!), status);
    }
    return c.json(errorBody(String(e.code), e.message.split('\n')[0]!), status);
  }
  // hono's own HTTP errors (e.g. a malformed JSON body) carry a status.
  const status = (e as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 415) return c.json(errorBody('unsupported-media-type', 'send the body as JSON, with Content-Type: application/json'), 415);
    return c.json(errorBody(status === 400 ? 'bad-json' : 'bad-request', (e as Error).message || 'bad request'), status as ContentfulStatusCode);
  }
  log(`newsgraph serve: ${c.req.method} ${c.req.path}: internal error: ${(e as Error)?.stack ?? String(e)}`);
  return c.json(errorBody('internal', 'internal error'), 500);
}
