/**
 * A time chart (uPlot, canvas) with the same numbers as a table underneath,
 * so the chart is never the only way to read them. Series differ by dash
 * pattern and point shape as well as colour.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
  dash?: number[];
  /** Draw as bars instead of a line. */
  bars?: boolean;
}

function toEpoch(bucket: string): number {
  // Buckets are YYYY-MM or YYYY-MM-DD (week start).
  const iso = bucket.length === 7 ? `${bucket}-01` : bucket;
  return Date.parse(`${iso}T00:00:00Z`) / 1000;
}

export function TimeChart({ title, buckets, series, yLabel, height = 260 }: { title: string; buckets: string[]; series: ChartSeries[]; yLabel: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || buckets.length === 0) return;
    const width = Math.max(280, el.clientWidth);
    const opts: uPlot.Options = {
      title,
      width,
      height,
      scales: { x: { time: true } },
      axes: [{}, { label: yLabel }],
      series: [
        { label: 'Period', value: (_u, v) => (v === null ? '—' : new Date(v * 1000).toISOString().slice(0, buckets[0]!.length === 7 ? 7 : 10)) },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          dash: s.dash,
          fill: s.bars ? `${s.color}55` : undefined,
          paths: s.bars ? uPlot.paths.bars!({ size: [0.6, 40] }) : undefined,
          points: { show: buckets.length <= 40, size: 6 },
        })),
      ],
    };
    const data: uPlot.AlignedData = [buckets.map(toEpoch), ...series.map((s) => s.values)];
    const plot = new uPlot(opts, data, el);
    const ro = new ResizeObserver(() => plot.setSize({ width: Math.max(280, el.clientWidth), height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
  }, [title, buckets.join(','), series.map((s) => s.values.join(',')).join('|'), height]);
  if (buckets.length === 0) return <p class="status empty">Nothing to chart yet.</p>;
  return (
    <figure class="chart-fig">
      <div class="chart" ref={box} role="img" aria-label={`${title}: chart; the same numbers are in the table below`} />
      <details>
        <summary>{title} as a table</summary>
        <div class="table-wrap">
          <table class="data">
            <thead><tr><th scope="col">Period</th>{series.map((s) => <th scope="col" class="num" key={s.label}>{s.label}</th>)}</tr></thead>
            <tbody>
              {buckets.map((b, i) => (
                <tr key={b}><th scope="row">{b}</th>{series.map((s) => <td class="num" key={s.label}>{s.values[i] === null || s.values[i] === undefined ? '—' : Math.round((s.values[i] as number) * 100) / 100}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
