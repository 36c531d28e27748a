import { describe, expect, it } from 'vitest';
import { renderReport } from '../cli/report.js';
import { renderTable } from '../cli/commands/query-output.js';
import { fixtureAnalysis } from '../store/fixtures.js';
import { terminalSafe, terminalSafeDeep } from './terminal.js';

const ESC = '\u001b';
const hostile = `Evil ${ESC}[2J${ESC}]0;pwned\u0007 title\u009b31m`;

describe('terminal-safe text', () => {
  it('turns control characters into "?", one for one, keeping line breaks and tabs', () => {
    expect(terminalSafe(hostile)).toBe('Evil ?[2J?]0;pwned? title?31m');
    expect(terminalSafe(hostile)).toHaveLength(hostile.length);
    expect(terminalSafe('a\r\nb\tc\nd\re')).toBe('a\r\nb\tc\nd?e');
    expect(terminalSafeDeep({ n: 3, s: [`x${ESC}`], z: null })).toEqual({ n: 3, s: ['x?'], z: null });
  });

  it('keeps the article\'s escape sequences out of query tables and reports', () => {
    const table = renderTable([{ label: 'title', get: (r: { title: string }) => r.title, max: 80 }], [{ title: hostile }]);
    expect(table).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(table).toContain('Evil ?[2J?]0;pwned? title?31m');
    const text = `Harbour talks ${ESC}[2J resumed.\nThe envoys met ${ESC}]0;pwned\u0007 again.`;
    const report = renderReport(fixtureAnalysis({ id: `doc${ESC}[31m`, text, source: `Outlet${ESC}[0m` }), { color: false });
    expect(report).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(report).toContain('Outlet?[0m');
  });
});
