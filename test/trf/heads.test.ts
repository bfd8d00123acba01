/**
 * `rpe heads` building blocks: the float decoders (against an independent bit-level
 * widening to binary32, and named edge values), the safetensors container (malformed
 * files are input errors), the three parameter formats, clamps, and the model verdict.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeBF16, decodeF16, readHeader, readTensor, writeSafetensors } from '../../src/trf/safetensors.js';
import { exactDecimal, parseParamsCsv, parseParamsJson, parseParamsSafetensors } from '../../src/trf/param-file.js';
import { heads, parseClamp } from '../../src/trf/heads.js';
import { InputError } from '../../src/parse/errors.js';
import { bf16Bytes, f32Bytes, fixtures, R1, R2 } from './fixtures/generate.js';

const FIX = join(import.meta.dirname, 'fixtures');
const KERPLE = '-r1*log(1+r2*n)';

/** binary16 → binary32 bits by re-biasing the exponent (normalising subnormals), then DataView */
function f16ViaF32(h: number): number {
  const sign = (h & 0x8000) << 16;
  let exp = (h >> 10) & 0x1f;
  let man = h & 0x3ff;
  let bits: number;
  if (exp === 0x1f) bits = sign | 0x7f800000 | (man << 13);
  else if (exp === 0 && man === 0) bits = sign;
  else {
    if (exp === 0) {
      exp = 1;
      while ((man & 0x400) === 0) { man <<= 1; exp--; }
      man &= 0x3ff;
    }
    bits = sign | ((exp - 15 + 127) << 23) | (man << 13);
  }
  const v = new DataView(new ArrayBuffer(4));
  v.setUint32(0, bits >>> 0);
  return v.getFloat32(0);
}

const u16 = (xs: number[]): Uint8Array => {
  const v = new DataView(new ArrayBuffer(2 * xs.length));
  xs.forEach((x, i) => v.setUint16(2 * i, x, true));
  return new Uint8Array(v.buffer);
};

describe('float decoders', () => {
  it('F16: all 65536 bit patterns agree with a bit-level widening to binary32', () => {
    for (let b = 0; b < 65536; b++) {
      const a = decodeF16(b);
      const r = f16ViaF32(b);
      assert.ok(Object.is(a, r) || (Number.isNaN(a) && Number.isNaN(r)), `0x${b.toString(16)}: ${a} vs ${r}`);
    }
  });
  it('F16 edge values', () => {
    assert.equal(decodeF16(0x0001), 2 ** -24); // smallest subnormal
    assert.equal(decodeF16(0x03ff), 1023 * 2 ** -24); // largest subnormal
    assert.equal(decodeF16(0x0400), 2 ** -14); // smallest normal
    assert.equal(decodeF16(0x7bff), 65504);
    assert.equal(decodeF16(0x3c00), 1);
    assert.equal(decodeF16(0xc000), -2);
    assert.equal(decodeF16(0x3555), 0.333251953125);
    assert.ok(Object.is(decodeF16(0x8000), -0));
    assert.equal(decodeF16(0x7c00), Infinity);
    assert.equal(decodeF16(0xfc00), -Infinity);
    assert.ok(Number.isNaN(decodeF16(0x7e00)) && Number.isNaN(decodeF16(0x7c01)));
  });
  it('BF16 edge values, and BF16 is the top half of binary32 (property)', () => {
    assert.equal(decodeBF16(0x3f80), 1);
    assert.equal(decodeBF16(0x4049), 3.140625);
    assert.equal(decodeBF16(0x0001), 2 ** -133); // subnormal
    assert.equal(decodeBF16(0x0080), 2 ** -126); // smallest normal
    assert.equal(decodeBF16(0x7f7f), (2 - 2 ** -7) * 2 ** 127);
    assert.equal(decodeBF16(0x7f80), Infinity);
    assert.equal(decodeBF16(0xff80), -Infinity);
    assert.ok(Number.isNaN(decodeBF16(0x7fc0)));
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffff }), (b) => {
      const v = new DataView(new ArrayBuffer(4));
      v.setUint32(0, b * 65536);
      const want = v.getFloat32(0);
      const got = decodeBF16(b);
      return Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want));
    }));
  });
  it('exactDecimal is the exact value of a double (property: it reads back, and f32 0.1 is 0.100000001490116119384765625)', () => {
    assert.equal(exactDecimal(Math.fround(0.1)), '0.100000001490116119384765625');
    assert.equal(exactDecimal(-0.5), '-0.5');
    assert.equal(exactDecimal(2 ** -24), '0.000000059604644775390625');
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => Number(exactDecimal(x)) === x || (x === 0)));
  });
});

describe('safetensors container', () => {
  const file = writeSafetensors([{ name: 'a', dtype: 'F16', shape: [4], data: u16([0x3c00, 0x0001, 0x7c00, 0x7e00]) }]);
  it('reads tensors and keeps subnormals; inf and NaN in a parameter are input errors naming the head', () => {
    assert.deepEqual(readTensor(file, 'a').values.slice(0, 2), [1, 2 ** -24]);
    const ok = writeSafetensors([{ name: 'r1', dtype: 'F16', shape: [2], data: u16([0x3c00, 0x0001]) }]);
    assert.deepEqual(parseParamsSafetensors(ok, ['r1'], {}).r1!.map((e) => e.text), ['1', '0.000000059604644775390625']);
    const inf = writeSafetensors([{ name: 'r1', dtype: 'F16', shape: [2], data: u16([0x3c00, 0x7c00]) }]);
    assert.throws(() => parseParamsSafetensors(inf, ['r1'], {}), /head 2: r1 .*infinite/);
    const nan = writeSafetensors([{ name: 'x', dtype: 'BF16', shape: [1], data: u16([0x7fc0]) }]);
    assert.throws(() => parseParamsSafetensors(nan, ['r1'], { r1: 'x' }), /head 1: r1 .*NaN/);
  });
  it('malformed files are input errors, never crashes', () => {
    const bad = (b: Uint8Array) => assert.throws(() => readTensor(b, 'a'), InputError);
    bad(new Uint8Array(3));
    bad(file.slice(0, 20)); // header cut
    const huge = file.slice();
    new DataView(huge.buffer).setBigUint64(0, 2n ** 63n, true);
    bad(huge);
    bad(file.slice(0, file.length - 1)); // data cut: offsets beyond the data
    const wrongDtype = writeSafetensors([{ name: 'a', dtype: 'I8', shape: [1], data: new Uint8Array(1) }]);
    bad(wrongDtype);
    const wrongSize = writeSafetensors([{ name: 'a', dtype: 'F32', shape: [3], data: new Uint8Array(8) }]);
    bad(wrongSize);
    assert.throws(() => readTensor(file, 'missing'), /no tensor "missing" \(the file has a\)/);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      try { readHeader(bytes); } catch (e) { return e instanceof InputError; }
      return true;
    }));
  });
  it('2-D tensors are refused: one value per head', () => {
    const t = writeSafetensors([{ name: 'r1', dtype: 'F32', shape: [2, 2], data: f32Bytes([1, 2, 3, 4]) }]);
    assert.throws(() => parseParamsSafetensors(t, ['r1'], {}), /one value per head/);
  });
});

describe('parameter files', () => {
  it('the committed fixtures are what generate.ts writes', () => {
    const f = fixtures();
    assert.equal(readFileSync(join(FIX, 'kerple-heads.json'), 'utf8'), f.json);
    assert.equal(readFileSync(join(FIX, 'kerple-heads.csv'), 'utf8'), f.csv);
    assert.deepEqual(new Uint8Array(readFileSync(join(FIX, 'kerple-heads.safetensors'))), f.safetensors);
  });
  it('JSON, CSV and safetensors (F32, BF16, F16) give the same values', () => {
    const j = parseParamsJson(readFileSync(join(FIX, 'kerple-heads.json'), 'utf8'));
    const c = parseParamsCsv(readFileSync(join(FIX, 'kerple-heads.csv'), 'utf8'));
    const bytes = new Uint8Array(readFileSync(join(FIX, 'kerple-heads.safetensors')));
    const s = parseParamsSafetensors(bytes, ['r1', 'r2'], { r1: 'layers.0.attention.bias_p', r2: 'layers.0.attention.bias_a' });
    const s16 = parseParamsSafetensors(bytes, ['r1', 'r2'], { r1: 'layers.0.attention.bias_p', r2: 'layers.0.attention.bias_a_f16' });
    for (const cols of [j, c, s, s16]) {
      assert.deepEqual(cols.r1!.map((e) => e.value), R1);
      assert.deepEqual(cols.r2!.map((e) => e.value), R2);
    }
    assert.deepEqual(Object.keys(c), ['r1', 'r2']); // the head column is dropped
    assert.ok(bf16Bytes([1]).length === 2);
  });
  it('bad JSON and CSV are input errors with where', () => {
    assert.throws(() => parseParamsJson('{"r1": [1, "x"]}'), /head 2: r1 must be a number/);
    assert.throws(() => parseParamsJson('{"r1": [1, null]}'), /head 2: r1 is null/);
    assert.throws(() => parseParamsJson('{"r1": [1, 2], "r2": [1, 2, 3]}'), /one value or one per head/);
    assert.throws(() => parseParamsJson('{"r1": [1e999]}'), /infinite/);
    assert.throws(() => parseParamsJson('nope'), /not valid JSON/);
    assert.deepEqual(parseParamsJson('[{"r1": 1.5}, {"r1": 2}]').r1!.map((e) => e.text), ['1.5', '2']);
    assert.deepEqual(parseParamsJson('{"r1": [1.5, 2], "r2": 0.5}').r2!.map((e) => e.text), ['0.5', '0.5']);
    assert.throws(() => parseParamsCsv('r1,r2\n1,2\n3'), /line 3: 1 values for 2 columns/);
    assert.throws(() => parseParamsCsv('r1\n1\nabc'), /line 3, column 1: "abc" is not a number/);
    assert.throws(() => parseParamsCsv('r1\nNaN'), /head 1: r1 is NaN/);
    assert.throws(() => parseParamsCsv('r1\n-inf'), /r1 is -inf/);
    assert.throws(() => parseParamsCsv('1x\n1'), /not a parameter name/);
  });
});

describe('heads()', () => {
  const params = parseParamsJson(readFileSync(join(FIX, 'kerple-heads.json'), 'utf8'));
  it('every head: a p-series (1 + r2·n)^(−r1) converges exactly when r1 > 1; the model diverges when one head does', () => {
    const r = heads(KERPLE, { params });
    assert.equal(r.heads.length, 8);
    r.heads.forEach((h, i) => assert.equal(h.verdict, R1[i]! > 1 ? 'converges' : 'diverges', `head ${i + 1}`));
    assert.equal(r.verdict, 'diverges');
    assert.equal(r.trf, null);
    // mpmath (Hurwitz ζ, 40 digits): least W with ζ(r1, 1/r2 + W + 1) ≤ 0.01·ζ(r1, 1/r2)
    assert.deepEqual(r.heads.map((h) => h.trf), [null, null, 5860, 743, 14, 57418999, null, 72]);
  });
  it('clamps as in the training code; then every head converges and the model TRF is the largest', () => {
    const r = heads(KERPLE, { params, clamps: [parseClamp('r1>=1.6')] });
    assert.equal(r.verdict, 'converges');
    assert.deepEqual(r.heads.filter((h) => h.clamped.includes('r1')).map((h) => h.head), [1, 2, 3, 6, 7]);
    assert.equal(r.heads[6]!.trf, 33387); // mpmath, as above, at r1 = 1.6, r2 = 1/16
    assert.equal(r.trf, Math.max(...r.heads.map((h) => Number(h.trf))));
    const upper = heads(KERPLE, { params, clamps: [parseClamp('r1<=1e0')] });
    assert.ok(upper.heads.every((h) => h.verdict === 'diverges'));
  });
  it('a head whose bias is undefined is unknown, and so is the model; a file that misses a parameter is an input error', () => {
    const r = heads(KERPLE, { params: parseParamsJson('{"r1": [2, 2], "r2": [0.5, -1]}') });
    assert.equal(r.heads[0]!.verdict, 'converges');
    assert.equal(r.heads[1]!.verdict, 'unknown');
    assert.equal(r.verdict, 'unknown');
    assert.throws(() => heads(KERPLE, { params: parseParamsJson('{"r1": [2]}') }), /no values for r2/);
    assert.throws(() => heads(KERPLE, { params: parseParamsJson('{"r1": [2], "r2": [1], "r3": [1]}') }), /r3/);
    assert.throws(() => parseClamp('r1>0.01'), /--clamp expects/);
  });
});
