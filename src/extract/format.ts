/** Output formats for `newsgraph extract`. */
import type { ExtractedArticle } from './types.js';

export type ExtractionFormat = 'text' | 'json';

export function formatExtraction(article: ExtractedArticle, format: ExtractionFormat): string {
  if (format === 'json') return JSON.stringify(article, null, 2);
  const header: string[] = [];
  if (article.title) header.push(`# ${article.title}`);
  const by = article.authors.length > 0 ? `By ${article.authors.join(', ')}` : '';
  const when = article.published ?? '';
  const line = [by, when, article.siteName ?? ''].filter((s) => s).join(' | ');
  if (line) header.push(line);
  if (article.canonicalUrl) header.push(article.canonicalUrl);
  return (header.length > 0 ? header.join('\n') + '\n\n' : '') + article.text + '\n';
}
