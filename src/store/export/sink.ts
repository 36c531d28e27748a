/**
 * A buffered text sink over a writable stream that respects backpressure:
 * exports of millions of rows must not pile up in memory when the disk or
 * the pipe is slower than the database.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export class TextSink {
  private buffer: string[] = [];
  private size = 0;
  constructor(
    private readonly out: Writable,
    private readonly chunkSize = 64 * 1024,
  ) {}

  async write(s: string): Promise<void> {
    this.buffer.push(s);
    this.size += s.length;
    if (this.size >= this.chunkSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}
