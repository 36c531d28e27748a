/**
 * CSV (RFC 4180: comma, double quotes doubled, CRLF-free rows ending in \n)
 * and TSV cells.
 *
 * Text cells that start with = + - @ (or a tab or carriage return) get a
 * leading apostrophe: article text is written by strangers, and a cell such
 * as `=HYPERLINK(...)` must not run as a formula when the CSV is opened in a
 * spreadsheet. Numeric columns are never touched.
 */
import type { Column } from './columns.js';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null, type: Column<unknown>['type']): string {
  if (value === null || value === undefined) return '';
  if (type !== 'text') return String(value);
  let s = String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader<R>(columns: Column<R>[]): string {
  return `${columns.map((c) => c.name).join(',')}\n`;
}

export function csvRow<R>(columns: Column<R>[], row: R): string {
  return `${columns.map((c) => csvCell(c.get(row), c.type)).join(',')}\n`;
}

/** A TSV cell: tabs and line breaks inside a value become spaces (TSV has no quoting). */
export function tsvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[\t\r\n]+/g, ' ');
}
