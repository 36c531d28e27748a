/**
 * Network: actors as nodes, events as edges coloured by quad class (and
 * filterable by it, so colour is not the only way to tell them apart),
 * filtered by date and CAMEO code. Drawn with Sigma (WebGL) so it stays
 * responsive with thousands of nodes; a table lists the strongest edges for
 * keyboard and screen-reader users.
 *
 * `#/network?synthetic=2000` draws a generated graph of that many nodes
 * without asking the server (used by the responsiveness test).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import Graph from 'graphology';
import Sigma from 'sigma';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import circular from 'graphology-layout/circular';
import { getNetwork } from '../endpoints.js';
import type { NetworkData } from '../api.js';
import { AsyncView, Empty, useAsync } from '../components/Status.js';
import { QUAD_COLORS, QUAD_LABELS, QUAD_SYMBOL, signed } from '../labels.js';
import { actorHref, href, navigate } from '../router.js';

export function syntheticNetwork(n: number, seed = 7): NetworkData {
  let s = seed;
  const rnd = (k: number): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % k;
  };
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `N${i}`, label: `Actor ${i}`, code: `X${i}`, country: null, degree: 0, events: 0 }));
  const edges: NetworkData['edges'] = [];
  for (let i = 1; i < n; i++) {
    // A preferential-attachment-ish graph: most nodes hang off a few hubs.
    const j = rnd(Math.min(i, 1 + rnd(i)));
    edges.push({ source: `N${i}`, target: `N${j}`, quadClass: 1 + rnd(4), count: 1 + rnd(5), goldstein: rnd(20) - 10, codes: ['040'] });
    if (rnd(3) === 0) edges.push({ source: `N${j}`, target: `N${rnd(n)}`, quadClass: 1 + rnd(4), count: 1, goldstein: 1, codes: ['010'] });
  }
  for (const e of edges) {
    nodes[Number(e.source.slice(1))]!.degree++;
    nodes[Number(e.target.slice(1))]!.degree++;
  }
  return { nodes, edges: edges.filter((e) => e.source !== e.target), truncated: false, events: edges.length };
}

export function NetworkPage({ query }: { query: URLSearchParams }) {
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const code = query.get('code') ?? '';
  const synthetic = Number(query.get('synthetic') ?? 0);
  const key = `net:${from}:${to}:${code}:${synthetic}`;
  const state = useAsync(
    synthetic > 0
      ? () => Promise.resolve(syntheticNetwork(Math.min(synthetic, 20000)))
      : (s) => getNetwork({ from: from || undefined, to: to || undefined, code: code || undefined, limit: 2000 }, s),
    key,
  );
  const onSubmit = (ev: Event): void => {
    ev.preventDefault();
    const f = new FormData(ev.currentTarget as HTMLFormElement);
    navigate(href('network', null, { from: String(f.get('from') ?? ''), to: String(f.get('to') ?? ''), code: String(f.get('code') ?? '').trim() }));
  };
  return (
    <section class="page network">
      <h1>Network</h1>
      <form class="filters" onSubmit={onSubmit}>
        <label>From <input type="date" name="from" defaultValue={from} /></label>
        <label>To <input type="date" name="to" defaultValue={to} /></label>
        <label>CAMEO code (prefix) <input name="code" defaultValue={code} size={6} placeholder="e.g. 19" /></label>
        <button type="submit">Apply</button>
      </form>
      <AsyncView state={state} what="the network">
        {(d) => d.nodes.length === 0 ? <Empty>No events with both a source and a target match these filters.</Empty> : <NetworkView data={d} />}
      </AsyncView>
    </section>
  );
}

function NetworkView({ data }: { data: NetworkData }) {
  const box = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma | null>(null);
  const [quads, setQuads] = useState<Record<number, boolean>>({ 1: true, 2: true, 3: true, 4: true });
  const [minCount, setMinCount] = useState(1);
  const minRef = useRef(minCount);
  minRef.current = minCount;
  const [selected, setSelected] = useState<string | null>(null);
  const [find, setFind] = useState('');
  const [failed, setFailed] = useState<string | null>(null);
  const [timing, setTiming] = useState<number | null>(null);
  const [laying, setLaying] = useState(true);
  const quadsRef = useRef(quads);
  const selectedRef = useRef(selected);
  quadsRef.current = quads;
  selectedRef.current = selected;

  const graph = useMemo(() => {
    const g = new Graph({ multi: true, type: 'directed' });
    const maxDeg = Math.max(1, ...data.nodes.map((n) => n.degree));
    for (const n of data.nodes) {
      g.addNode(n.id, { label: nodeLabel(n), size: (data.nodes.length > 500 ? 1.5 : 3) + (data.nodes.length > 500 ? 8 : 12) * Math.sqrt(n.degree / maxDeg), color: '#4a4a55' });
    }
    for (const e of data.edges) {
      if (!g.hasNode(e.source) || !g.hasNode(e.target)) continue;
      g.addDirectedEdge(e.source, e.target, { quad: e.quadClass, color: QUAD_COLORS[e.quadClass] ?? '#888', size: Math.min(6, 0.6 + Math.log2(1 + e.count)), count: e.count, goldstein: e.goldstein, type: 'arrow' });
    }
    return g;
  }, [data]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.dataset.ready = 'false';
    setLaying(true);
    let renderer: Sigma | null = null;
    // Let "Laying out…" paint before the (synchronous) layout runs.
    const timer = setTimeout(() => {
      const t0 = performance.now();
      circular.assign(graph);
      const n = graph.order;
      if (n > 1) {
        forceAtlas2.assign(graph, {
          iterations: n > 1500 ? 50 : n > 500 ? 80 : 150,
          settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: n > 300 },
        });
      }
      try {
        renderer = new Sigma(graph, el, {
          renderEdgeLabels: false,
          // The container is briefly detached or zero-width while the route
          // reloads data or the window resizes; Sigma then skips a frame
          // instead of throwing from its resize handler.
          allowInvalidContainer: true,
          hideEdgesOnMove: graph.size > 3000,
          labelRenderedSizeThreshold: 9,
          defaultEdgeType: 'arrow',
          zIndex: true,
          edgeReducer: (edge, attrs) => {
            const out = { ...attrs };
            if (!quadsRef.current[attrs.quad as number] || (attrs.count as number) < minRef.current) out.hidden = true;
            const sel = selectedRef.current;
            if (sel && graph.source(edge) !== sel && graph.target(edge) !== sel) out.hidden = true;
            return out;
          },
          nodeReducer: (node, attrs) => {
            const sel = selectedRef.current;
            if (!sel) return attrs;
            if (node === sel) return { ...attrs, highlighted: true, zIndex: 2, color: '#c2185b' };
            if (graph.areNeighbors(node, sel)) return { ...attrs, zIndex: 1, forceLabel: true };
            return { ...attrs, color: '#c9c9d1', label: '' };
          },
        });
      } catch (e) {
        setFailed((e as Error).message);
        setLaying(false);
        return;
      }
      sigmaRef.current = renderer;
      renderer.on('clickNode', ({ node }) => setSelected((s) => (s === node ? null : node)));
      renderer.on('clickStage', () => setSelected(null));
      setTiming(Math.round(performance.now() - t0));
      setLaying(false);
      el.dataset.ready = 'true';
    }, 30);
    return () => {
      clearTimeout(timer);
      renderer?.kill();
      sigmaRef.current = null;
    };
  }, [graph]);

  useEffect(() => {
    sigmaRef.current?.refresh();
  }, [quads, selected, minCount]);

  const focusNode = (id: string): void => {
    setSelected(id);
    const s = sigmaRef.current;
    if (!s) return;
    const pos = s.getNodeDisplayData(id);
    if (pos) s.getCamera().animate({ x: pos.x, y: pos.y, ratio: 0.3 }, { duration: 400 });
  };

  const sel = selected ? data.nodes.find((n) => n.id === selected) ?? null : null;
  const selEdges = selected ? data.edges.filter((e) => (e.source === selected || e.target === selected) && quads[e.quadClass] && e.count >= minCount) : [];
  const maxCount = Math.max(1, ...data.edges.map((e) => e.count));
  const labelOf = (id: string): string => graph.hasNode(id) ? String(graph.getNodeAttribute(id, 'label')) : id;
  const topEdges = [...data.edges].filter((e) => quads[e.quadClass] && e.count >= minCount).sort((a, b) => b.count - a.count).slice(0, 25);
  const matches = find.trim().length >= 2 ? data.nodes.filter((n) => `${n.label} ${n.code ?? ''}`.toLowerCase().includes(find.trim().toLowerCase())).slice(0, 8) : [];

  return (
    <>
      <p class="meta" data-testid="network-summary">
        {data.nodes.length} actors · {data.edges.length} edges from {data.events} events{data.truncated ? ' (the busiest actors only)' : ''}
        {timing !== null && ` · laid out and drawn in ${timing} ms`}
      </p>
      <fieldset class="filters graph-legend">
        <legend>Quad classes shown (edge colour)</legend>
        {[1, 2, 3, 4].map((q) => (
          <label key={q}>
            <input type="checkbox" checked={quads[q]} onChange={() => setQuads({ ...quads, [q]: !quads[q] })} />
            <span class={`swatch q${q}`} style={{ borderTopColor: QUAD_COLORS[q] }} aria-hidden="true" />
            {QUAD_SYMBOL[q]} {QUAD_LABELS[q]}
          </label>
        ))}
      </fieldset>
      <div class="filters">
        <label>Edges with at least this many events
          <input type="number" min={1} max={maxCount} value={minCount} onInput={(e) => setMinCount(Math.max(1, Number((e.target as HTMLInputElement).value) || 1))} />
        </label>
      </div>
      <div class="filters find-actor">
        <label>Find an actor <input type="search" value={find} onInput={(e) => setFind((e.target as HTMLInputElement).value)} /></label>
        {matches.length > 0 && (
          <ul class="facts" aria-label="Matching actors">
            {matches.map((m) => <li key={m.id}><button type="button" class="linkish" onClick={() => focusNode(m.id)}>{m.label}{m.code ? ` (${m.code})` : ''}</button></li>)}
          </ul>
        )}
      </div>
      {failed ? (
        <div class="status error" role="alert">The graph cannot be drawn here (WebGL unavailable: {failed}). The table below lists the edges.</div>
      ) : (
        <div class="graph-wrap">
          {laying && <p class="status loading graph-overlay" role="status"><span class="spinner" aria-hidden="true" /> Laying out {data.nodes.length} actors…</p>}
          <div class="graph" ref={box} data-testid="graph" role="img" aria-label={`Network of ${data.nodes.length} actors; the strongest edges are listed in the table below`} />
        </div>
      )}
      <div class="graph-info" aria-live="polite">
        {sel ? (
          <div>
            <strong>{sel.label}</strong>{sel.code ? ` (${sel.code})` : ''} · {sel.degree} links ·{' '}
            <a href={actorHref(sel.otherNames ? null : sel.label, sel.code)}>actor page</a> · <button type="button" class="linkish" onClick={() => setSelected(null)}>clear</button>
            <ul class="facts">
              {selEdges.slice(0, 12).map((e, i) => (
                <li key={i}>
                  {labelOf(e.source)} → {labelOf(e.target)}: {e.count} event{e.count === 1 ? '' : 's'}, {QUAD_SYMBOL[e.quadClass]} {QUAD_LABELS[e.quadClass]}, Goldstein {signed(e.goldstein)}{' '}
                  <a href={href('dyad', null, { a: nodeKey(data, e.source), b: nodeKey(data, e.target) })}>dyad</a>
                </li>
              ))}
            </ul>
          </div>
        ) : <p class="chart-note">Click a node (or find an actor above) to see its links. Drag to pan, scroll or pinch to zoom.</p>}
      </div>
      <h2>Strongest edges</h2>
      <div class="table-wrap">
        <table class="data">
          <thead><tr><th scope="col">Source</th><th scope="col">Target</th><th scope="col" class="num">Events</th><th scope="col">Quad class</th><th scope="col" class="num">Goldstein</th><th scope="col">Codes</th><th scope="col">Dyad</th></tr></thead>
          <tbody>
            {topEdges.map((e, i) => (
              <tr key={i}>
                <td>{labelOf(e.source)}</td>
                <td>{labelOf(e.target)}</td>
                <td class="num">{e.count}</td>
                <td>{QUAD_SYMBOL[e.quadClass]} {QUAD_LABELS[e.quadClass]}</td>
                <td class="num">{signed(e.goldstein)}</td>
                <td>{e.codes.slice(0, 4).join(', ')}</td>
                <td><a href={href('dyad', null, { a: nodeKey(data, e.source), b: nodeKey(data, e.target) })}>open</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function nodeLabel(n: NetworkData['nodes'][number]): string {
  const more = n.otherNames ? ` +${n.otherNames}` : '';
  return n.code && n.code !== n.label ? `${n.label}${more} (${n.code})` : `${n.label}${more}`;
}

function nodeKey(data: NetworkData, id: string): string {
  const n = data.nodes.find((x) => x.id === id);
  return n?.code ?? n?.label ?? id;
}
