/** A non-empty line of the analysis text, trimmed, with offsets. */
export interface Line {
  start: number;
  end: number;
  text: string;
  /** Blank lines seen since the previous non-empty line. */
  blankBefore: number;
}

export function nonEmptyLines(norm: string): Line[] {
  const lines: Line[] = [];
  let blank = 0;
  let pos = 0;
  while (pos <= norm.length) {
    let nl = norm.indexOf('\n', pos);
    if (nl === -1) nl = norm.length;
    let s = pos;
    let e = nl;
    while (s < e && isSpace(norm.charCodeAt(s))) s++;
    while (e > s && isSpace(norm.charCodeAt(e - 1))) e--;
    if (e > s) {
      lines.push({ start: s, end: e, text: norm.slice(s, e), blankBefore: blank });
      blank = 0;
    } else {
      blank++;
    }
    pos = nl + 1;
  }
  return lines;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
}

const TERMINAL = /[.!?:;"')\]…]$/;

export function endsLikeSentence(text: string): boolean {
  return TERMINAL.test(text);
}
