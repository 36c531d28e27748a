import fs from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { decodeHtmlBytes, extractArticle, formatExtraction, type ExtractionFormat } from '../../extract/index.js';
import { createFetcher } from '../../fetch/index.js';
import { isUrl } from '../../readers/inputs.js';
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
        if (!fs.existsSync(input) || !fs.statSync(input).isFile()) throw new NewsgraphError('not-found', `no such file: ${input}`);
        const size = fs.statSync(input).size;
        if (size > MAX_FILE_BYTES) throw new NewsgraphError('too-large', `${input} is ${size} bytes, more than the ${MAX_FILE_BYTES}-byte limit`);
        bytes = fs.readFileSync(input);
        if (bytes.length === 0) throw new NewsgraphError('empty-input', `${input} is empty`);
      }
      const article = extractArticle(decodeHtmlBytes(bytes, contentType), url ? { url } : {});
      write(`${formatExtraction(article, opts.format)}\n`);
    });
}
