/** Words for codes: the UI never relies on colour alone. */
export const QUAD_LABELS: Record<number, string> = {
  1: 'Verbal cooperation',
  2: 'Material cooperation',
  3: 'Verbal conflict',
  4: 'Material conflict',
};
export const QUAD_SHORT: Record<number, string> = { 1: 'VCoop', 2: 'MCoop', 3: 'VConf', 4: 'MConf' };
/** Colour-blind-safe (Okabe-Ito) colours; always paired with a label or symbol. */
export const QUAD_COLORS: Record<number, string> = { 1: '#0072B2', 2: '#009E73', 3: '#E69F00', 4: '#D55E00' };
export const QUAD_SYMBOL: Record<number, string> = { 1: '○', 2: '●', 3: '△', 4: '▲' };

export const TYPE_LABELS: Record<string, string> = {
  PER: 'Person',
  ORG: 'Organisation',
  LOC: 'Place',
  MISC: 'Other',
};

export function quadLabel(q: number): string {
  return `${QUAD_SYMBOL[q] ?? ''} Q${q} ${QUAD_LABELS[q] ?? ''}`.trim();
}

export function signed(n: number): string {
  const r = Math.round(n * 10) / 10;
  return r > 0 ? `+${r}` : String(r);
}

export function offsets(s: { start: number; end: number }): string {
  return `[${s.start}, ${s.end})`;
}

export function day(iso: string | null | undefined): string {
  if (!iso) return '—';
  return iso.slice(0, 10);
}
