/**
 * A search snippet cut into plain text and hits. The snippet shows hits in
 * [brackets], but the article may have brackets of its own ("the [Lisbon]
 * agreement"): the hit offsets say which are hits, and only their brackets
 * are dropped.
 */
export function snippetParts(text: string, highlights: { start: number; end: number }[]): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  let last = 0;
  for (const { start, end } of [...highlights].sort((x, y) => x.start - y.start)) {
    if (start < last + 1 || end > text.length) continue;
    if (start - 1 > last) parts.push({ text: text.slice(last, start - 1), hit: false });
    parts.push({ text: text.slice(start, end), hit: true });
    last = text[end] === ']' ? end + 1 : end;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}
