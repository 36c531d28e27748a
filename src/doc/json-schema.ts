import path from 'node:path';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../util/data-files.js';
import { analysisSchema, SCHEMA_VERSION } from './schema.js';

export function schemaFilePath(): string {
  const major = SCHEMA_VERSION.split('.')[0];
  return path.join(PACKAGE_ROOT, 'docs', 'schema', `analysis-v${major}.schema.json`);
}

export function schemaJson(): string {
  const schema = z.toJSONSchema(analysisSchema, { target: 'draft-2020-12' });
  const withId = {
    $id: `https://newsgraph.dev/schema/analysis-v${SCHEMA_VERSION}.json`,
    title: `newsgraph analysis, schema ${SCHEMA_VERSION}`,
    description: 'One analysed document. All spans are UTF-16 code-unit offsets into `text`, end exclusive; `text.slice(start, end) === span.text`.',
    ...schema,
  };
  return `${JSON.stringify(withId, null, 2)}\n`;
}
