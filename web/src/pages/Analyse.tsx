/** Analyse: paste text, upload an HTML (or text) file, or give a URL; nothing is stored. */
import { useState } from 'preact/hooks';
import { analyze, type AnalyzeInput } from '../endpoints.js';
import type { Analysis } from '../api.js';
import { ArticleView } from '../components/ArticleView.js';
import { ErrorBox, Loading } from '../components/Status.js';
import { safeHref } from '../safe.js';

type Mode = 'text' | 'file' | 'url';

export function AnalysePage() {
  const [mode, setMode] = useState<Mode>('text');
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<Analysis | null>(null);

  const submit = async (ev: Event): Promise<void> => {
    ev.preventDefault();
    setError(null);
    let input: AnalyzeInput;
    try {
      if (mode === 'text') {
        if (text.trim() === '') throw new Error('paste some article text first');
        input = { text };
      } else if (mode === 'url') {
        const u = safeHref(url);
        if (!u) throw new Error('give an http:// or https:// address');
        input = { url: u };
      } else {
        if (!file) throw new Error('choose a file first');
        if (file.size > 20 * 1024 * 1024) throw new Error('that file is over 20 MB');
        const body = await file.text();
        input = /\.html?$/i.test(file.name) || /html/.test(file.type) ? { html: body, id: file.name } : { text: body, id: file.name };
      }
    } catch (e) {
      setError(e);
      return;
    }
    setBusy(true);
    setResult(null);
    try {
      setResult(await analyze(input));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="page analyse">
      <h1>Analyse an article</h1>
      <p class="lede">Paste text, upload an HTML file or give a URL. The result is not stored.</p>
      <form class="analyse-form" onSubmit={submit}>
        <fieldset class="modes">
          <legend>Input</legend>
          {(['text', 'file', 'url'] as Mode[]).map((m) => (
            <label key={m} class="mode">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              {m === 'text' ? 'Paste text' : m === 'file' ? 'Upload a file' : 'From a URL'}
            </label>
          ))}
        </fieldset>
        {mode === 'text' && (
          <label class="field">
            <span>Article text</span>
            <textarea name="text" rows={10} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} spellcheck={false} />
          </label>
        )}
        {mode === 'file' && (
          <label class="field">
            <span>HTML or text file</span>
            <input type="file" name="file" accept=".html,.htm,.txt,text/html,text/plain" onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
          </label>
        )}
        {mode === 'url' && (
          <label class="field">
            <span>Article URL</span>
            <input type="url" name="url" inputMode="url" placeholder="https://…" value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
          </label>
        )}
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Analysing…' : 'Analyse'}</button>
      </form>
      {busy && <Loading what="the analysis" />}
      {error !== null && <ErrorBox error={error} />}
      {result && (
        <div class="result" data-testid="analysis-result">
          <DocHeader analysis={result} />
          <ArticleView analysis={result} />
        </div>
      )}
    </section>
  );
}

export function DocHeader({ analysis }: { analysis: Analysis }) {
  const d = analysis.document;
  const link = safeHref(d.url);
  return (
    <header class="doc-header">
      <h2 class="doc-title">{d.title ?? '(untitled)'}</h2>
      <p class="meta">
        {[
          d.source,
          d.published,
          link ? <a href={link} rel="noopener noreferrer nofollow" target="_blank">{new URL(link).hostname}</a> : null,
          `${d.format}, ${d.encoding}`,
          `${analysis.text.length} characters`,
          analysis.generator,
        ].filter((x) => x !== null && x !== '').map((x, i) => <span key={i}>{i > 0 ? ' · ' : ''}{x}</span>)}
      </p>
    </header>
  );
}
