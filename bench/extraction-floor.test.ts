/**
 * Accuracy floors for HTML article extraction (src/extract) on the shared
 * ScrapingHub, trafilatura and fundus pages. Floors live in bench/floors.json
 * under "extraction", pinned a little below measured scores; they only go up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/util/data-files.js';
import { newsgraphExtractor, runExtractionEval } from './eval-extraction.js';
import { HAS_SHARED, sharedPath } from './shared.js';

const floors = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'bench', 'floors.json'), 'utf8')) as Record<string, Record<string, number>>;
if (!HAS_SHARED) console.warn('skipping extraction floors: ../shared not found');

describe.skipIf(!HAS_SHARED)('accuracy floors: article extraction', () => {
  it('stays at or above the pinned floors', () => {
    const floor = floors.extraction!;
    const [r] = runExtractionEval(sharedPath('eval', 'extraction'), { extractors: [newsgraphExtractor] });
    expect(r!.errors).toBe(0);
    expect(r!.scrapinghub!.f1).toBeGreaterThanOrEqual(floor.scrapinghubF1!);
    expect(r!.trafilatura!.f1).toBeGreaterThanOrEqual(floor.trafilaturaF1!);
    expect(r!.fundusBody!.f1).toBeGreaterThanOrEqual(floor.fundusBodyF1!);
    expect(r!.fundusMeta!.title).toBeGreaterThanOrEqual(floor.fundusTitle!);
    expect(r!.fundusMeta!.date).toBeGreaterThanOrEqual(floor.fundusDate!);
    expect(r!.fundusMeta!.authors).toBeGreaterThanOrEqual(floor.fundusAuthors!);
  });
});
