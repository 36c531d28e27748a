/**
 * Text from articles, pages and feeds on its way to a terminal. Stored text
 * is the input, unchanged, and may hold escape sequences that would clear,
 * retitle or recolour the reader's terminal: every control character
 * becomes "?", one for one, except line breaks (LF, CR LF) and tabs. Only
 * the terminal views (tables, reports) use this; JSON, CSV and exports keep
 * the text as it is.
 */
const CONTROL = /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, '?');
}

/** A copy of a JSON-like value (an analysis, a row) with every string made terminal-safe; numbers such as offsets are kept. */
export function terminalSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => terminalSafeDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = terminalSafeDeep(v);
    return out as T;
  }
  return value;
}
