import chardet from 'chardet';
import iconv from 'iconv-lite';
import { NewsgraphError } from '../util/errors.js';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as, lower-case WHATWG-style label. */
  encoding: string;
  hadBom: boolean;
}

/** Magic numbers of binary formats people feed us by mistake. */
const BINARY_SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65] },
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

/** UTF-16 without a BOM shows as NUL bytes in every other position. */
function guessUtf16(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length - (buf.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Share of characters that are control characters no text contains. */
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

/**
 * Bytes to text, detecting the encoding rather than assuming it:
 * BOM first, then UTF-16 by NUL pattern, then strict UTF-8, then a
 * statistical guess (chardet) among legacy single-byte encodings, where
 * ISO-8859-1 is read as windows-1252 as browsers do.
 */
export function decodeBytes(buf: Uint8Array, what = 'input'): DecodedText {
  if (buf.length === 0) throw new NewsgraphError('empty-input', `${what} is empty`);
  for (const sig of BINARY_SIGNATURES) {
    if (startsWith(buf, sig.bytes)) {
      throw new NewsgraphError('binary-input', `${what} looks like a ${sig.name} file, not text`);
    }
  }
  let result: DecodedText;
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) {
    result = { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8', hadBom: true };
  } else if (startsWith(buf, [0xff, 0xfe])) {
    result = { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le', hadBom: true };
  } else if (startsWith(buf, [0xfe, 0xff])) {
    result = { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be', hadBom: true };
  } else {
    const utf16 = guessUtf16(buf);
    if (utf16) {
      result = { text: new TextDecoder(utf16).decode(buf), encoding: utf16, hadBom: false };
    } else {
      result = decodeWithoutBom(buf);
    }
  }
  if (result.text.trim() === '') throw new NewsgraphError('empty-input', `${what} contains only whitespace`);
  if (controlRatio(result.text) > 0.02) {
    throw new NewsgraphError('binary-input', `${what} looks like binary data, not text`);
  }
  return result;
}

function decodeWithoutBom(buf: Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8', hadBom: false };
  } catch {
    // not valid UTF-8: fall through to a legacy encoding
  }
  const guess = (chardet.detect(buf) ?? 'windows-1252').toLowerCase();
  let encoding = guess;
  if (guess === 'iso-8859-1' || guess === 'ascii' || guess.startsWith('utf')) {
    // Invalid UTF-8 that chardet still calls UTF-8 is best read as 1252,
    // which also covers ISO-8859-1's printable range.
    encoding = hasC1Bytes(buf) ? 'windows-1252' : 'iso-8859-1';
  }
  if (!iconv.encodingExists(encoding)) encoding = 'windows-1252';
  return { text: iconv.decode(Buffer.from(buf), encoding), encoding, hadBom: false };
}

function hasC1Bytes(buf: Uint8Array): boolean {
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b >= 0x80 && b <= 0x9f) return true;
  }
  return false;
}
