/**
 * Turn the bytes of an XML document (feed, OPML) into a string.
 *
 * Order of evidence, strongest first: a byte-order mark, the XML declaration's
 * `encoding=`, the HTTP Content-Type charset, then sniffing. The declaration
 * wins over HTTP because feed servers very often send `text/xml` with a wrong
 * or default charset while the file itself says what it is. Undeclared bytes
 * that are not valid UTF-8 are handed to chardet, and failing that read as
 * windows-1252 (the usual truth behind "ISO-8859-1" in the wild). Never throws
 * on bad bytes: invalid sequences become U+FFFD.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedXml {
  text: string;
  /** The encoding that was used, lower-case iconv name. */
  encoding: string;
  /** Where the encoding came from. */
  source: 'bom' | 'declaration' | 'content-type' | 'utf8-valid' | 'sniffed' | 'fallback' | 'string';
}

/** Names that are declared in the wild but which iconv knows under a wider superset. */
const ENCODING_ALIASES: Record<string, string> = {
  gb2312: 'gbk', // GB2312 documents routinely contain GBK characters
  'x-gbk': 'gbk',
  'iso-8859-1': 'windows-1252', // as browsers do: C1 bytes are cp1252 punctuation in practice
  'latin-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'x-sjis': 'shift_jis',
  'utf8': 'utf-8',
};

function normaliseEncodingName(name: string): string | null {
  const lower = name.trim().toLowerCase().replace(/^["']|["']$/g, '');
  const mapped = ENCODING_ALIASES[lower] ?? lower;
  return iconv.encodingExists(mapped) ? mapped : null;
}

export function charsetFromContentType(contentType: string | undefined | null): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m?.[1] ? normaliseEncodingName(m[1]) : null;
}

function declaredXmlEncoding(buf: Buffer): string | null {
  // The declaration is ASCII-compatible in every encoding we can read without a BOM.
  const head = buf.subarray(0, 1024).toString('latin1');
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  return m?.[1] ? normaliseEncodingName(m[1]) : null;
}

function isValidUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

function decodeWith(buf: Buffer, encoding: string): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(buf);
  return iconv.decode(buf, encoding);
}

function mostlyUtf8(decoded: string): boolean {
  let nonAscii = 0;
  let replaced = 0;
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if (c > 0x7f) nonAscii++;
    if (c === 0xfffd) replaced++;
  }
  // Legacy single-byte text almost never forms valid multi-byte sequences, so a
  // majority of good ones means UTF-8 with some damage, not another charset.
  const goodMultiByte = nonAscii - replaced;
  return goodMultiByte > 0 && goodMultiByte >= 2 * replaced;
}

export function decodeXmlBytes(input: Buffer | string, contentType?: string | null): DecodedXml {
  if (typeof input === 'string') return { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-16', source: 'string' };
  const buf = input;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: decodeWith(buf.subarray(3), 'utf-8'), encoding: 'utf-8', source: 'bom' };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le', source: 'bom' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be', source: 'bom' };

  let declared = declaredXmlEncoding(buf);
  // We could read the declaration as ASCII, so the bytes are not UTF-16/32 whatever it says.
  if (declared && /^utf-?(16|32)/.test(declared)) declared = null;
  // A declared single-byte or multi-byte legacy charset is trusted; a declared UTF-8
  // that is not valid UTF-8 is a lie we try to see through (common with CMS exports).
  if (declared && declared !== 'utf-8') return { text: decodeWith(buf, declared), encoding: declared, source: 'declaration' };
  const utf8Ok = isValidUtf8(buf);
  if (declared === 'utf-8' && utf8Ok) return { text: decodeWith(buf, 'utf-8'), encoding: 'utf-8', source: 'declaration' };

  const fromHttp = charsetFromContentType(contentType);
  if (fromHttp && fromHttp !== 'utf-8') return { text: decodeWith(buf, fromHttp), encoding: fromHttp, source: 'content-type' };
  if (utf8Ok) return { text: decodeWith(buf, 'utf-8'), encoding: 'utf-8', source: 'utf8-valid' };
  // Mostly UTF-8 with a few broken bytes (truncated multi-byte sequences, one pasted
  // latin-1 character): keep UTF-8 and let the bad bytes become U+FFFD.
  const asUtf8 = decodeWith(buf, 'utf-8');
  if (mostlyUtf8(asUtf8)) return { text: asUtf8, encoding: 'utf-8', source: declared ? 'declaration' : 'utf8-valid' };

  const sniffed = chardet.detect(buf.subarray(0, 64 * 1024));
  const sniffedName = sniffed ? normaliseEncodingName(sniffed) : null;
  if (sniffedName && sniffedName !== 'utf-8') return { text: decodeWith(buf, sniffedName), encoding: sniffedName, source: 'sniffed' };
  return { text: decodeWith(buf, 'windows-1252'), encoding: 'windows-1252', source: 'fallback' };
}
