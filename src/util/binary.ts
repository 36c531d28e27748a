import { NewsgraphError } from './errors.js';

/** Magic numbers of binary formats people feed us by mistake (named with their article, for messages). */
const BINARY_SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: 'a PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a gzip', bytes: [0x1f, 0x8b] },
  { name: 'a ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'an SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65] },
  { name: 'an ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

export function startsWithBytes(buf: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

/** Throws when the bytes open with the magic number of a known binary format. */
export function rejectBinarySignature(buf: Uint8Array, what: string, expected = 'text'): void {
  for (const sig of BINARY_SIGNATURES) {
    if (startsWithBytes(buf, sig.bytes)) throw new NewsgraphError('binary-input', `${what} looks like ${sig.name} file, not ${expected}`);
  }
}

/** Share of characters (in the first 64 K) that are control characters no text contains. */
function controlRatio(text: string): number {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return bad / sample.length;
}

/** Throws when decoded text is mostly control characters: binary data read as text. */
export function rejectBinaryText(text: string, what: string, expected = 'text'): void {
  if (controlRatio(text) > 0.02) throw new NewsgraphError('binary-input', `${what} looks like binary data, not ${expected}`);
}
