/** `rpe catalog` text: full conditions and the assumptions of each entry, wrapped to the terminal, never cut. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT, rpe } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'rpe-catalog-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** rules/catalog.json with only the named entries (the real schema, fewer entries to classify). */
function smallCatalog(ids: readonly string[]): string {
  const cat = JSON.parse(readFileSync(join(ROOT, 'rules', 'catalog.json'), 'utf8')) as { entries: { id: string }[] };
  const file = join(dir, `${ids.join('-')}.json`);
  writeFileSync(file, JSON.stringify({ ...cat, entries: cat.entries.filter((e) => ids.includes(e.id)) }));
  return file;
}

describe('rpe catalog (text)', () => {
  it('shows the assumptions and every condition in full, wrapped at COLUMNS', () => {
    const file = smallCatalog(['kerple-log', 't5']);
    const r = rpe(['catalog', '--file', file], '', { COLUMNS: '60' });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /KERPLE \(log\): -r1\*log\(1\+r2\*n\)\n\s+assuming\s+r1 > 0, r2 > 0\n\s+expected\s+converges iff r1 > 1\n\s+verdict\s+conditional\n\s+r1 > 1: converges\n\s+r1 ≤ 1: diverges/);
    assert.doesNotMatch(r.stdout, /…/, 'nothing is cut');
    for (const line of r.stdout.split('\n')) assert.ok([...line].length <= 60 || !line.trim().includes(' '), `too wide: ${line}`);
    // the long T5 formula is wrapped, and every piece of it is there
    const t5 = (JSON.parse(readFileSync(file, 'utf8')) as { entries: { id: string; formula: string }[] }).entries.find((e) => e.id === 't5')!;
    assert.ok(r.stdout.replace(/\n\s+/g, ' ').includes(t5.formula.replace(/\s+/g, ' ')), r.stdout);
  });
});
