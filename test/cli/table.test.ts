/** renderTable: aligned columns, cut cells. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderTable } from '../../src/cli/table.js';

describe('renderTable', () => {
  it('aligns columns and cuts long cells', () => {
    const t = renderTable(['a', 'bb'], [['xxx', 'y'], ['z', 'long text here']], { maxWidths: [undefined, 6], alignRight: [0] });
    assert.deepEqual(t.split('\n'), ['  a  bb', '---  ------', 'xxx  y', '  z  long …']);
  });
});
