/**
 * Prints the actors the dictionary finds in a text file, one per line with
 * character offsets, for checking data edits by eye:
 *
 *   node --import tsx src/entities/actors/show-actors.ts article.txt [my-actors.tsv ...]
 */
import fs from 'node:fs';
import { loadActorDictionary } from './dictionary.js';

function main(): void {
  const [file, ...extra] = process.argv.slice(2);
  if (file === undefined) {
    console.log('usage: show-actors.ts <text file> [extra actor TSV files]');
    process.exitCode = 2;
    return;
  }
  const text = fs.readFileSync(file, 'utf8');
  const dict = loadActorDictionary(extra);
  for (const m of dict.matchText(text)) {
    const alts = m.alternatives.length > 0 ? ` (or ${m.alternatives.map((a) => a.code || a.id).join(', ')})` : '';
    console.log(`${m.start}\t${m.end}\t${text.slice(m.start, m.end)}\t${m.entry.code || '-'}\t${m.entry.type}/${m.matchedAs}\t${m.entry.name}${alts}`);
  }
}

main();
