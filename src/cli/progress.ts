/**
 * Ingest progress: a redrawn bar on a TTY, plain lines otherwise (logs and
 * CI). Written to stderr so stdout stays clean for data.
 */
export class Progress {
  private readonly tty: boolean;
  private readonly stream: NodeJS.WriteStream;
  private readonly started = Date.now();
  private lastDraw = 0;
  private lastPlainAt = 0;
  done = 0;
  stored = 0;
  skipped = 0;
  failed = 0;
  /** Pages and feed items with no article text: passed over, not failed. */
  noText = 0;
  total: number | null = null;

  constructor(stream: NodeJS.WriteStream = process.stderr, opts: { quiet?: boolean } = {}) {
    this.stream = stream;
    this.tty = Boolean(stream.isTTY) && !opts.quiet;
    this.quiet = opts.quiet ?? false;
  }

  private readonly quiet: boolean;

  tick(outcome: 'stored' | 'skipped' | 'failed' | 'noText'): void {
    this.done++;
    this[outcome]++;
    const now = Date.now();
    if (this.tty && now - this.lastDraw > 100) {
      this.lastDraw = now;
      this.stream.write(`\r${this.line(true)}\x1b[K`);
    } else if (!this.tty && !this.quiet && this.done - this.lastPlainAt >= 1000) {
      this.lastPlainAt = this.done;
      this.stream.write(`${this.line(false)}\n`);
    }
  }

  private line(bar: boolean): string {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    let head = `${this.done}`;
    if (this.total !== null && this.total > 0) {
      const frac = Math.min(1, this.done / this.total);
      const width = 24;
      const filled = Math.round(frac * width);
      const eta = rate > 0 ? Math.max(0, (this.total - this.done) / rate) : 0;
      head = `${bar ? `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` : ''}${this.done}/${this.total} ETA ${formatSeconds(eta)}`;
    }
    return `${head}  ${rate.toFixed(1)} docs/s  ${this.counts()}`;
  }

  finish(): string {
    if (this.tty) this.stream.write('\r\x1b[K');
    const seconds = (Date.now() - this.started) / 1000;
    return `${this.done} documents in ${seconds.toFixed(1)}s: ${this.counts()}`;
  }

  /** Every record read lands in exactly one of these. */
  private counts(): string {
    return `stored ${this.stored}, already stored ${this.skipped}, failed ${this.failed}, skipped (no article text) ${this.noText}`;
  }
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
