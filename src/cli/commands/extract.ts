import fs from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { decodeHtmlBytes, extractArticle, formatExtraction, type ExtractionFormat } from '../../extract/index.js';
import { createFetcher } from '../../fetch/index.js';
import { DEFAULT_LIMITS, isUrl, readBytes } from '../../readers/inputs.js';
import { NewsgraphError } from '../../util/errors.js';

const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** `newsgraph extract`: the article text and metadata of one HTML page (file or URL). */
export function registerExtractCommand(program: Command, write: (s: string) => void): void {
  program
    .command('extract')
    .description('extract the article text and metadata from an HTML page (file or http(s) URL)')
    .argument('<input>', 'an .html file or an http(s) URL')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--allow-private', 'let the URL fetcher reach private and loopback addresses')
    .action(async (input: string, opts: { format: ExtractionFormat; allowPrivate?: boolean }) => {
      let bytes: Buffer;
      let contentType: string | undefined;
      let url: string | undefined;
      if (isUrl(input)) {
        const res = await createFetcher({ allowPrivate: Boolean(opts.allowPrivate) }).fetch(input);
        bytes = res.body;
        contentType = res.headers['content-type'];
        url = res.url;
      } else {
        if (!fs.existsSync(input)) throw new NewsgraphError('not-found', `no such file: ${input}`);
        if (!fs.statSync(input).isFile()) throw new NewsgraphError('bad-input', `${input} is a directory, not an HTML file`);
        // .html.gz is read as the page it compresses, within the same size limit.
        bytes = readBytes(input, { ...DEFAULT_LIMITS, maxFileBytes: MAX_FILE_BYTES });
        if (bytes.length === 0) throw new NewsgraphError('empty-input', `${input} is empty`);
      }
      const article = extractArticle(decodeHtmlBytes(bytes, contentType, url ?? input), url ? { url } : {});
      if (article.text.trim() === '') throw new NewsgraphError('empty-input', `${url ?? input}: no article text found`);
      write(`${formatExtraction(article, opts.format)}\n`);
    });
}
