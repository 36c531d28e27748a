/**
 * Article content is rendered as text, never as HTML: a stored document full
 * of <script>, event-handler and javascript: URL payloads (in the text, the
 * title, the outlet, actor names, quotes and relay chains) runs nothing on
 * any page that shows it, and adds no elements to the DOM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, screenshots, skipReason, startServer, watch, type TestServer } from './harness.js';
import { XSS_TEXT, xssAnalysis } from './fixtures.js';

const reason = skipReason();
if (reason) console.log(`[ui tests skipped] ${reason}`);

describe.skipIf(reason !== null)('web UI: no script injection', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let watched: { errors: string[]; dialogs: string[] };
  const xss = xssAnalysis();

  beforeAll(async () => {
    server = await startServer({ analyses: [xss], analyze: async () => xss });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    watched = watch(page);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Nothing ran and nothing was injected. */
  async function assertClean(where: string): Promise<void> {
    const state = await page.evaluate(() => {
      const app = document.getElementById('app')!;
      const w = window as unknown as Record<string, unknown>;
      return {
        xss: w.__xss ?? null,
        injected: [...app.querySelectorAll('script, img, iframe, object, embed, style, frame, input[type=image], link, meta, base')].map((e) => e.outerHTML.slice(0, 80)),
        handlers: [...app.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName}[${a.name}]`)),
        badLinks: [...app.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).filter((h) => !/^(#|https?:)/.test(h)),
        svgHandlers: [...app.querySelectorAll('svg')].filter((s) => s.getAttribute('onload') !== null).length,
        scripts: document.scripts.length,
      };
    });
    expect(state.xss, where).toBeNull();
    expect(state.injected, where).toEqual([]);
    expect(state.handlers, where).toEqual([]);
    expect(state.badLinks, where).toEqual([]);
    expect(state.svgHandlers, where).toBe(0);
    expect(state.scripts, where).toBe(1);
    expect(watched.dialogs, where).toEqual([]);
    expect(watched.errors, where).toEqual([]);
  }

  /** Hover and focus every mark and press every link-like button, so lazy handlers would fire. */
  async function poke(): Promise<void> {
    const marks = page.locator('[data-start]:not(details)');
    const n = await marks.count();
    for (let i = 0; i < n; i++) {
      await marks.nth(i).hover();
      await marks.nth(i).focus();
    }
    for (const d of await page.locator('details').all()) await d.evaluate((el) => { (el as HTMLDetailsElement).open = true; });
    await page.waitForTimeout(200);
  }

  it('the stored article page shows the payloads as text', async () => {
    await page.goto(`${server.url}/#/article/${xss.document.contentHash}`);
    await page.locator('.article-text').waitFor();
    await poke();
    const text = await page.locator('.article-text').textContent();
    expect(text).toContain('<script>window.__xss = 1; alert(1)</script>');
    expect(text).toContain('<img src=x onerror="window.__xss = 2; alert(2)">');
    expect(await page.locator('.doc-title').textContent()).toContain('<img src=x onerror="window.__xss=9">');
    // The javascript: URL is not turned into a link.
    expect(await page.locator('.doc-header a').count()).toBe(0);
    await assertClean('article');
    await screenshots(page, 'xss-article');
  });

  it('Analyse, search, actor and lists show the payloads as text', async () => {
    await page.goto(`${server.url}/#/analyse`);
    await page.getByRole('textbox', { name: 'Article text' }).fill(XSS_TEXT);
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.getByTestId('analysis-result').waitFor();
    await poke();
    await assertClean('analyse');

    for (const hash of ['#/documents', '#/search?q=Mallory', '#/search?q=%3Cscript%3E', `#/actor?name=${encodeURIComponent('<img src=x onerror="window.__xss=12">Mallory')}`, '#/actor?code=XSS', '#/network']) {
      await page.goto(`${server.url}/${hash}`);
      await page.waitForLoadState('networkidle');
      await page.locator('.status.loading').waitFor({ state: 'detached' });
      await page.waitForTimeout(300);
      await assertClean(hash);
    }
    await page.goto(`${server.url}/#/search?q=Mallory`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Evil Outlet');
    await assertClean('search results');
  });

  it('javascript: URLs typed into the URL field are refused before any request', async () => {
    await page.goto(`${server.url}/#/analyse`);
    await page.getByLabel('From a URL').check();
    await page.getByLabel('Article URL').fill('javascript:window.__xss=20');
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('http');
    await assertClean('url field');
  });

  it('the server sends a strict Content-Security-Policy with the UI', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const escape = await fetch(`${server.url}/..%2f..%2fpackage.json`);
    expect(escape.status).toBe(404);
  });
});
