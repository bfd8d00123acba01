/** protectExpressionOperands: expressions starting with "-" reach the command as operands. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Command } from 'commander';
import { protectExpressionOperands } from '../../src/cli/argv.js';
import { addSeriesOptions } from '../../src/cli/series-options.js';

function program(): Command {
  const p = new Command('rpe');
  addSeriesOptions(p.command('classify').argument('[EXPR]')).option('--json');
  p.command('catalog').option('--json');
  return p;
}

describe('protectExpressionOperands', () => {
  const p = program();
  it('moves a leading-minus expression after "--", keeping options', () => {
    assert.deepEqual(protectExpressionOperands(p, ['classify', '-m*n', '--json']), ['classify', '--json', '--', '-m*n']);
    assert.deepEqual(protectExpressionOperands(p, ['classify', '-n']), ['classify', '--', '-n']);
  });
  it('keeps option values that start with "-"', () => {
    assert.deepEqual(protectExpressionOperands(p, ['classify', '--from', '-1', '-n']), ['classify', '--from', '-1', '--', '-n']);
    assert.deepEqual(protectExpressionOperands(p, ['classify', '--assume', '-m < 0', '-m*n']), ['classify', '--assume', '-m < 0', '--', '-m*n']);
  });
  it('leaves arguments alone when nothing needs protecting', () => {
    const args = ['classify', 'n^2', '--json'];
    assert.deepEqual(protectExpressionOperands(p, args), args);
    assert.deepEqual(protectExpressionOperands(p, ['catalog', '--json']), ['catalog', '--json']);
    assert.deepEqual(protectExpressionOperands(p, ['--help']), ['--help']);
  });
  it('leaves unknown long options for commander to reject', () => {
    assert.deepEqual(protectExpressionOperands(p, ['classify', '--jsn', 'n']), ['classify', '--jsn', 'n']);
  });
  it('respects an explicit "--"', () => {
    assert.deepEqual(protectExpressionOperands(p, ['classify', '--', '-n']), ['classify', '--', '-n']);
    assert.deepEqual(protectExpressionOperands(p, ['classify', '-n', '--', '--json']), ['classify', '--', '-n', '--json']);
  });
});
