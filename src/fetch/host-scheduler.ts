/**
 * Politeness and load limits: at most `concurrency` requests in flight
 * overall, and requests to one host start at least `delayMs` apart (or the
 * host's robots.txt Crawl-delay, when that is longer).
 */

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class HostScheduler {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** Earliest start time of the next request, per host. */
  private readonly nextStart = new Map<string, number>();
  private readonly hostDelay = new Map<string, number>();

  constructor(
    private readonly concurrency: number,
    private readonly delayMs: number,
  ) {
    if (!(concurrency >= 1)) throw new RangeError('concurrency must be at least 1');
  }

  /** A host-specific delay (robots.txt Crawl-delay); never below the configured one. */
  setHostDelay(host: string, ms: number): void {
    this.hostDelay.set(host, Math.max(this.delayMs, ms));
  }

  private async acquireSlot(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++;
      return;
    }
    await new Promise<void>((r) => this.waiting.push(r));
    // The releasing request handed its slot straight to us: `active` is unchanged.
  }

  private releaseSlot(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  /** Run `task` when both a global slot and the host's turn are free. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    // Claim the host's turn first (synchronously, so concurrent callers queue up in order).
    const delay = this.hostDelay.get(host) ?? this.delayMs;
    const now = Date.now();
    const start = Math.max(now, this.nextStart.get(host) ?? 0);
    this.nextStart.set(host, start + delay);
    if (start > now) await sleep(start - now);
    await this.acquireSlot();
    try {
      return await task();
    } finally {
      this.releaseSlot();
    }
  }
}
