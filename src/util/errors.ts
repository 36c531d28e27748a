/**
 * Errors are data: every failure the user can cause carries a stable `code`
 * and a one-line message. The CLI prints `newsgraph: <message>` and exits
 * non-zero; the API maps codes to HTTP statuses. Anything that is not a
 * NewsgraphError is a bug and is reported as such.
 */
export type ErrorCode =
  | 'not-found'
  | 'empty-input'
  | 'binary-input'
  | 'bad-encoding'
  | 'too-large'
  | 'timeout'
  | 'bad-input'
  | 'bad-json'
  | 'bad-html'
  | 'bad-feed'
  | 'bad-warc'
  | 'bad-model'
  | 'bad-data'
  | 'bad-url'
  | 'blocked-address'
  | 'fetch-failed'
  | 'robots-disallowed'
  | 'unsupported-content-type'
  | 'nothing-readable'
  | 'corrupt-store'
  | 'store-error'
  | 'write-failed'
  | 'pipeline-order'
  | 'usage';

export class NewsgraphError extends Error {
  readonly code: ErrorCode | (string & {});
  constructor(code: ErrorCode | (string & {}), message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NewsgraphError';
    this.code = code;
  }
}

export function isNewsgraphError(e: unknown): e is NewsgraphError {
  return e instanceof NewsgraphError;
}

/** One line, no stack: what the CLI and logs show to a user. */
export function describeError(e: unknown): string {
  if (isNewsgraphError(e)) return printable(e.message.split('\n')[0] ?? e.message);
  if (e instanceof Error) return `internal error: ${printable(e.message.split('\n')[0] ?? '')}`;
  return `internal error: ${printable(String(e))}`;
}

const MAX_MESSAGE_CHARS = 400;

/**
 * A message safe for a terminal and a log line: control characters (bytes of
 * a binary file quoted in a parse error, escape sequences) become "?", and
 * a long message is cut.
 */
export function printable(message: string): string {
  const clean = message.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd]+/g, '?').replace(/[\t\n]/g, ' ');
  return clean.length > MAX_MESSAGE_CHARS ? `${clean.slice(0, MAX_MESSAGE_CHARS)}…` : clean;
}
