/**
 * Writes the JSON Schema of the output contract, generated from the zod
 * schemas the code uses (src/doc/schema.ts). A test fails when the
 * committed file is out of date: run `npm run schema` after changing them.
 */
import fs from 'node:fs';
import { schemaFilePath, schemaJson } from '../src/doc/json-schema.js';

fs.writeFileSync(schemaFilePath(), schemaJson());
console.log(`wrote ${schemaFilePath()}`);
