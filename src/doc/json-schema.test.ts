import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaFilePath, schemaJson } from './json-schema.js';
import { SCHEMA_VERSION } from './schema.js';

describe('published JSON schema', () => {
  it('docs/schema matches the schema the code validates with (run `npm run schema` to update)', () => {
    expect(fs.readFileSync(schemaFilePath(), 'utf8')).toBe(schemaJson());
  });

  it('carries the schema version', () => {
    const schema = JSON.parse(schemaJson()) as { properties: { schemaVersion: { const: string } } };
    expect(schema.properties.schemaVersion.const).toBe(SCHEMA_VERSION);
  });
});
