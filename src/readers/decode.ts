import chardet from 'chardet';
import iconv from 'iconv-lite';
import { rejectBinarySignature, rejectBinaryText, startsWithBytes } from '../util/binary.js';
import { NewsgraphError } from '../util/errors.js';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as, lower-case WHATWG-style label. */
  encoding: string;
  hadBom: boolean;
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

/**
 * Bytes to text, detecting the encoding rather than assuming it:
 * BOM first, then UTF-16 by NUL pattern, then strict UTF-8, then a
 * statistical guess (chardet) among legacy single-byte encodings, where
 * ISO-8859-1 is read as windows-1252 as browsers do.
 */
export function decodeBytes(buf: Uint8Array, what = 'input'): DecodedText {
  if (buf.length === 0) throw new NewsgraphError('empty-input', `${what} is empty`);
  rejectBinarySignature(buf, what);
  let result: DecodedText;
  if (startsWithBytes(buf, [0xef, 0xbb, 0xbf])) {
    result = { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8', hadBom: true };
  } else if (startsWithBytes(buf, [0xff, 0xfe])) {
    result = { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le', hadBom: true };
  } else if (startsWithBytes(buf, [0xfe, 0xff])) {
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
  rejectBinaryText(result.text, what);
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
