/**
 * The acceptance check with the real pipeline: the reference example
 * (../shared/examples/putin-kim-letters.txt) pasted into Analyse shows the
 * Putin and Kim letters with relay chains to KCNA and Reuters, Korotchenko's
 * quotes relayed by the New York Post, the hedged troop claim and the events;
 * once stored, the Russia–North Korea dyad page shows a timeline.
 *
 * Skips with a notice when the shared example, the NER model, Chromium or
 * web/dist is missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_NER_MODEL_DIR } from '../../src/entities/tagger/index.js';
import { launch, screenshots, skipReason, startServer, watch, type TestServer } from './harness.js';

const REFERENCE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../shared/examples/putin-kim-letters.txt');
const model = process.env.NEWSGRAPH_NER_MODEL ?? DEFAULT_NER_MODEL_DIR;

const reason = skipReason()
  ?? (!fs.existsSync(REFERENCE) ? `${REFERENCE} is missing` : null)
  ?? (!fs.existsSync(path.join(model, 'model.bin.gz')) ? `no NER model at ${model} (set NEWSGRAPH_NER_MODEL)` : null);
if (reason) console.log(`[ui reference test skipped] ${reason}`);

describe.skipIf(reason !== null)('web UI: the reference example through the real pipeline', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let watched: { errors: string[]; dialogs: string[] };
  const text = reason === null ? fs.readFileSync(REFERENCE, 'utf8') : '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    watched = watch(page);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('Analyse shows the letters, the relay chains, the hedged troop claim and the events', async () => {
    await page.goto(`${server.url}/#/analyse`);
    await page.getByRole('textbox', { name: 'Article text' }).fill(text);
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.getByTestId('analysis-result').waitFor({ timeout: 60_000 });

    const quotes = await page.getByTestId('quote-item').allTextContents();
    const all = quotes.join('\n');
    // Putin's and Kim's letters, relayed through KCNA (and Reuters).
    expect(quotes.some((q) => /Putin/.test(q) && /(KCNA|Korean Central News Agency)/.test(q))).toBe(true);
    expect(quotes.some((q) => /Putin/.test(q) && /Reuters/.test(q))).toBe(true);
    expect(quotes.some((q) => /Kim/.test(q) && /(KCNA|Korean Central News Agency)/.test(q))).toBe(true);
    // Korotchenko's quotes relayed by the New York Post.
    expect(quotes.filter((q) => /Korotchenko/.test(q) && /New York Post/.test(q)).length).toBeGreaterThanOrEqual(2);
    expect(all).toContain('There are reports that 100,000 North Korean volunteers');
    // The hedged troop claim: the hedge is marked and the offer event is flagged hedged.
    expect(await page.locator('.para .hedge').allTextContents()).toContain('reportedly');
    const notes = await page.getByTestId('event-note').allTextContents();
    expect(notes.length).toBeGreaterThanOrEqual(3);
    expect(notes.some((n) => /North Korea|PRK/.test(n) && /RUS/.test(n) && /hedged/.test(n))).toBe(true);
    // Entities: Putin, Kim, KCNA highlighted.
    const ents = (await page.locator('.para .ent').allTextContents()).join('|');
    expect(ents).toMatch(/Putin/);
    expect(ents).toMatch(/Kim Jong Un/);
    expect(ents).toMatch(/KCNA/);
    // Boilerplate collapsed.
    expect(await page.locator('details.boiler').count()).toBeGreaterThanOrEqual(3);
    await screenshots(page, 'reference-analyse');
    expect(watched.errors).toEqual([]);
  }, 120_000);

  it('stored, it appears on the Russia–North Korea dyad page with a timeline', async () => {
    const res = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ documents: [{ id: 'putin-kim-letters', text, published: '2022-08-15', source: 'WION' }] }),
    });
    expect(res.status).toBeLessThan(300);
    await page.goto(`${server.url}/#/dyad?a=RUS&b=PRK`);
    await page.locator('.quad-bars, .status.empty').first().waitFor();
    // Charts are drawn in an effect after the first paint (as in pages.test.ts).
    await page.locator('.uplot').nth(1).waitFor();
    expect(await page.locator('.uplot').count()).toBe(2);
    expect(await page.locator('main .meta').first().textContent()).toMatch(/PRK → RUS: [1-9]/);
    await screenshots(page, 'reference-dyad');
    await page.goto(`${server.url}/#/actor?code=PRK&name=North%20Korea`);
    await page.locator('.cards').waitFor();
    await screenshots(page, 'reference-actor');
  }, 120_000);
});
