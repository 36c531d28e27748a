/**
 * Length-preserving normalisation. The analysis view of a document differs
 * from the original only character-for-character, so an offset computed on
 * the view is already an offset into the original: no offset maps to keep in
 * sync, nothing to go wrong.
 *
 * - CR LF becomes " \n" and a lone CR becomes "\n";
 * - NBSP and the other Unicode spaces become " ";
 * - curly double quotes, guillemets and low-9 quotes become '"';
 *   curly single quotes and primes become "'";
 * - zero-width spaces and soft hyphens become " " would split words, so they
 *   are left alone.
 */
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u301D\u301E]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2039\u203A]/g;

export function normalizeForAnalysis(original: string): string {
  let text = original;
  if (text.includes('\r')) text = text.replace(/\r\n/g, ' \n').replace(/\r/g, '\n');
  return text.replace(SPACES, ' ').replace(DOUBLE_QUOTES, '"').replace(SINGLE_QUOTES, "'");
}

export const OPENING_QUOTES = new Set(['\u201C', '\u201E', '\u00AB', '\u2018', '\u201A', '\u2039']);
export const CLOSING_QUOTES = new Set(['\u201D', '\u00BB', '\u2019', '\u203A']);
