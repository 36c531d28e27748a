import { analyzeRaw } from '../../analyze.js';
import type { Analysis } from '../../doc/schema.js';
import { buildPipeline, type PipelineOptions } from '../../pipeline/presets.js';
import { expandPaths, readPath, type ReadContext } from '../../readers/inputs.js';
import { isPassed } from '../../readers/raw-document.js';
import { renderReport } from '../report.js';

export type AnalyzeFormat = 'report' | 'json' | 'jsonl';

export interface AnalyzeOptions {
  format: AnalyzeFormat;
  color: boolean;
  write: (s: string) => void;
  /** Where a record passed over is reported (stderr). */
  log: (s: string) => void;
  read: ReadContext;
  pipeline?: PipelineOptions;
}

/**
 * Analyse files (or stdin) and print a report, a JSON document/array, or
 * JSONL. A bad record (a bad JSONL line) is reported on stderr and skipped;
 * the exit code is then 1, once the rest has been printed. A page with no
 * article text is reported too, and is an error only when nothing else was
 * analysed.
 */
export async function runAnalyze(inputs: string[], opts: AnalyzeOptions): Promise<number> {
  const files = expandPaths(inputs.length === 0 ? ['-'] : inputs);
  const pipeline = buildPipeline(opts.pipeline ?? {});
  const collected: Analysis[] = [];
  let count = 0;
  let failed = 0;
  let passed = 0;
  for (const file of files) {
    for await (const raw of readPath(file, opts.read)) {
      if (isPassed(raw)) {
        if (raw.passed === 'failed') failed++;
        else passed++;
        opts.log(`newsgraph: ${raw.message}`);
        continue;
      }
      const analysis = analyzeRaw(pipeline, raw);
      count++;
      if (opts.format === 'jsonl') opts.write(`${JSON.stringify(analysis)}\n`);
      else if (opts.format === 'json') collected.push(analysis);
      else opts.write(`${count > 1 ? '\n' + '─'.repeat(60) + '\n' : ''}${renderReport(analysis, { color: opts.color })}\n`);
    }
  }
  if (opts.format === 'json') {
    opts.write(`${JSON.stringify(collected.length === 1 ? collected[0] : collected, null, 2)}\n`);
  }
  // Pages with no article text are no failure, unless they were all there was.
  return failed > 0 || (count === 0 && passed > 0) ? 1 : 0;
}
