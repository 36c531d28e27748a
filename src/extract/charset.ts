/**
 * Bytes to string for HTML: BOM, then the Content-Type header, then a
 * <meta charset> / http-equiv in the first 4 KB, then chardet's guess.
 */
import iconv from 'iconv-lite';
import chardet from 'chardet';
import { rejectBinarySignature, rejectBinaryText } from '../util/binary.js';

function normalizeLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l) return null;
  // Browsers treat these labels as their supersets (WHATWG Encoding standard).
  if (l === 'iso-8859-1' || l === 'latin1' || l === 'us-ascii' || l === 'ascii') return 'windows-1252';
  if (l === 'gb2312' || l === 'gbk') return 'gb18030';
  return iconv.encodingExists(l) ? l : null;
}

function charsetFromBom(buf: Buffer): { encoding: string; skip: number } | null {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

export function charsetFromContentType(header: string | undefined): string | null {
  const m = header ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(header) : null;
  return normalizeLabel(m?.[1]);
}

export function charsetFromMeta(buf: Buffer): string | null {
  const head = buf.subarray(0, 4096).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return normalizeLabel(m?.[1]);
}

function isValidUtf8(buf: Buffer): boolean {
  // TextDecoder with fatal:true rejects any invalid sequence.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** Decodes an HTML page; binary data (an executable, an image, a compressed file) served or named as HTML is refused. */
export function decodeHtmlBytes(buf: Buffer, contentTypeHeader?: string, what = 'the page'): string {
  rejectBinarySignature(buf, what, 'HTML');
  const html = decodeHtml(buf, contentTypeHeader);
  rejectBinaryText(html, what, 'HTML');
  return html;
}

function decodeHtml(buf: Buffer, contentTypeHeader?: string): string {
  const bom = charsetFromBom(buf);
  if (bom) return iconv.decode(buf.subarray(bom.skip), bom.encoding);
  const declared = charsetFromContentType(contentTypeHeader) ?? charsetFromMeta(buf);
  // A page that declares UTF-8 but is not valid UTF-8 was mislabelled; guess instead.
  if (declared && !(declared.replace('-', '') === 'utf8' && !isValidUtf8(buf))) return iconv.decode(buf, declared);
  if (isValidUtf8(buf)) return buf.toString('utf8');
  const guess = normalizeLabel(chardet.detect(buf.subarray(0, 64 * 1024)));
  return iconv.decode(buf, guess ?? 'windows-1252');
}
