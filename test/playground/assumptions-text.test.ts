/** The assumptions field splits at top-level commas and semicolons and keeps each item's offset. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitAssumptions } from '../../playground/src/assumptions-text.js';

test('items and their offsets', () => {
  assert.deepEqual(splitAssumptions('m > 0,  b > 0; 0 < c <= 2'), [
    { text: 'm > 0', offset: 0 }, { text: 'b > 0', offset: 8 }, { text: '0 < c <= 2', offset: 15 },
  ]);
  assert.deepEqual(splitAssumptions('max(a, b) > 1'), [{ text: 'max(a, b) > 1', offset: 0 }]);
  assert.deepEqual(splitAssumptions('  ,, '), []);
});

test('an item starts at its offset in the field', () => {
  const field = ' a > 0 ;b<1,  min(a,b) >= 0 ';
  for (const item of splitAssumptions(field)) assert.equal(field.slice(item.offset, item.offset + item.text.length), item.text);
});
