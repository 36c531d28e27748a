/** Shared tables for quotes and events from the store. */
import type { EventRow, QuoteRow } from '../api.js';
import { actorHref, href } from '../router.js';
import { QUAD_SYMBOL, QUAD_LABELS, day, signed } from '../labels.js';
import { Chain } from './Chain.js';
import { Empty } from './Status.js';

export function QuoteTable({ rows, caption, empty }: { rows: QuoteRow[]; caption: string; empty: string }) {
  if (rows.length === 0) return <Empty>{empty}</Empty>;
  return (
    <div class="table-wrap">
      <table class="data">
        <caption>{caption}</caption>
        <thead><tr><th scope="col">Published</th><th scope="col">Speaker</th><th scope="col">Quote</th><th scope="col">Relay chain</th><th scope="col">Article</th></tr></thead>
        <tbody>
          {rows.map((q) => (
            <tr key={q.id}>
              <td>{day(q.published)}</td>
              <td>{q.speaker ? <a href={actorHref(q.speaker, q.speakerCode)}>{q.speaker}</a> : 'unknown'}{q.cue ? ` (${q.cue})` : ''}{q.hedged && <span class="tag">hedged</span>}</td>
              <td class="clip"><q>{q.content}</q></td>
              <td>{q.chain.length > 0 ? <Chain chain={q.chain} compact /> : '—'}</td>
              <td><a href={href('article', q.documentKey)}>{q.outlet ?? q.documentId}</a></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function EventTable({ rows, caption, empty }: { rows: EventRow[]; caption: string; empty: string }) {
  if (rows.length === 0) return <Empty>{empty}</Empty>;
  return (
    <div class="table-wrap">
      <table class="data">
        <caption>{caption}</caption>
        <thead><tr><th scope="col">Date</th><th scope="col">Source</th><th scope="col">Verb</th><th scope="col">Target</th><th scope="col">CAMEO</th><th scope="col" class="num">Goldstein</th><th scope="col">Quad class</th><th scope="col">Article</th></tr></thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id}>
              <td>{day(e.date)}</td>
              <td>{e.sourceName || e.sourceCode ? <a href={actorHref(e.sourceName, e.sourceCode)}>{e.sourceName ?? e.sourceCode}</a> : '—'}</td>
              <td>{e.verb}{[e.negated && 'negated', e.hedged && 'hedged', e.hypothetical && 'hypothetical'].filter(Boolean).map((f) => <span class="tag" key={String(f)}>{f}</span>)}</td>
              <td>{e.targetName || e.targetCode ? <a href={actorHref(e.targetName, e.targetCode)}>{e.targetName ?? e.targetCode}</a> : '—'}</td>
              <td><code>{e.code}</code></td>
              <td class="num">{signed(e.goldstein)}</td>
              <td>{QUAD_SYMBOL[e.quadClass]} {QUAD_LABELS[e.quadClass]}</td>
              <td><a href={href('article', e.documentKey)}>{e.outlet ?? e.documentId}</a></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
