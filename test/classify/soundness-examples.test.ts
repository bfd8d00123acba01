/**
 * Regression tests for the examples of issue 10 ("Soundness: a sound growth order for
 * exp-log functions, constants signed from their exact value, every term defined"),
 * each with its truth. Every call runs in a worker with a time limit, so an input that
 * hangs fails here instead of hanging the run.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ClassifyOptions } from '../../src/types.js';
import { WatchedClassifier, type Watched } from './watchdog.js';

/** "Each valid line of a batch is answered within seconds." */
const LIMIT_MS = 10_000;

const classifier = new WatchedClassifier();
before(async () => { await classifier.run('-2*log(n+1)', {}, 120_000); }); // start the worker outside the limits
after(async () => { await classifier.close(); });

function describe(w: Watched): string {
  if (w.kind === 'timeout') return `no answer after ${(w.ms / 1000).toFixed(1)} s`;
  if (w.kind === 'error') return `${w.name}${w.errorKind ? ` (${w.errorKind})` : ''}: ${w.message}`;
  return `${w.result.verdict} [${w.result.cases.map((c) => `${c.condition}: ${c.verdict}${c.reason ? ` (${c.reason})` : ''}`).join('; ')}]`;
}

async function expectVerdict(expr: string, options: ClassifyOptions, truth: 'converges' | 'diverges', why: string): Promise<Watched> {
  const w = await classifier.run(expr, options, LIMIT_MS);
  const mode = options.term ? ' (term)' : '';
  assert.equal(w.kind, 'result', `${expr}${mode}: expected ${truth} (${why}), got ${describe(w)}`);
  if (w.kind !== 'result') throw new Error('unreachable');
  assert.equal(w.result.verdict, truth, `${expr}${mode}: expected ${truth} (${why}), got ${describe(w)}`);
  return w;
}

/** An undefined term is no convergent series: a clear error (InputError) or unknown, never a verdict. */
async function expectUndefined(expr: string, options: ClassifyOptions, at: number): Promise<void> {
  const w = await classifier.run(expr, options, LIMIT_MS);
  const mode = options.term ? ' (term)' : '';
  const what = `${expr}${mode} is undefined at n = ${at}`;
  assert.notEqual(w.kind, 'timeout', `${what}: ${describe(w)}`);
  if (w.kind === 'error') {
    assert.ok(w.input, `${what}: expected an input error, got ${describe(w)}`);
    assert.match(w.message, new RegExp(`\\b${at}\\b`), `${what}: the error should name n = ${at}: ${w.message}`);
  } else if (w.kind === 'result') {
    assert.equal(w.result.verdict, 'unknown', `${what}: expected no verdict, got ${describe(w)}`);
  }
}

// ---- the table of the issue

test('−3·e^{√log log n} diverges: e^{√(log log n)} = o(log n)', async () => {
  await expectVerdict('-3*exp(log(log(n+3))^0.5)', {}, 'diverges', 'q = o(log n)');
});

test('−n·e^{−log^{0.6} n} converges: q = n^{1−o(1)}', async () => {
  await expectVerdict('-n*exp(-log(n+2)^0.6)', {}, 'converges', 'q = n^{1−o(1)}');
});

test('−n²·e^{−2·log^{0.9} n} converges', async () => {
  await expectVerdict('-n^2*exp(-2*log(n+2)^0.9)', {}, 'converges', 'q = n^{2−o(1)}');
});

test('−2·log n + (log n)^{log log n}/n converges: e^{(log log n)²}/n → 0', async () => {
  await expectVerdict('-2*log(n+1) + log(n+2)^(log(log(n+3)))/(n+1)', {}, 'converges', 'the second term tends to 0');
});

test('−(1 + log(1 + e^{−50}) − e^{−51})·log n converges: the coefficient is 1 + 1.2·10⁻²²', async () => {
  await expectVerdict('-(1 + log(1 + exp(-50)) - exp(-51))*log(n+1)', {}, 'converges', 'coefficient > 1');
});

test('sin(10²³)·n diverges: sin(10²³) = +0.7011…', async () => {
  await expectVerdict('sin(10^23)*n', {}, 'diverges', 'the slope is positive');
});

test('1/(n−20)² as a term is undefined at n = 20; from 21 it converges', async () => {
  await expectUndefined('1/(n-20)^2', { term: true }, 20);
  await expectVerdict('1/(n-20)^2', { term: true, from: 21 }, 'converges', 'Σ 1/k²');
});

test('−2·log(n + 0.1 + 0.2 − 0.3) is undefined at n = 0; from 1 it converges', async () => {
  await expectUndefined('-2*log(n + 0.1 + 0.2 - 0.3)', {}, 0);
  await expectVerdict('-2*log(n + 0.1 + 0.2 - 0.3)', { from: 1 }, 'converges', 'Σ 1/n²');
});

test('−√(1e400)·n converges', async () => {
  await expectVerdict('-sqrt(1e400)*n', {}, 'converges', 'the slope is −10²⁰⁰');
});

test('−log n·2^(2^20) converges, within seconds', async () => {
  await expectVerdict('-log(n+1)*2^(2^20)', {}, 'converges', 'the coefficient is 2^(2^20) > 1');
});

// ---- the other examples of the issue

test('exact zeros and identities: e and exp(1), exp(a)·exp(b), √2², sin(π), Γ of rational constants', async () => {
  // each coefficient of log n is exactly 1: Σ 1/(n+1) diverges
  for (const one of ['e - exp(1) + 1', 'exp(2)*exp(3) - exp(5) + 1', 'sqrt(2)^2 - 1', 'sin(pi) + 1', 'gamma(4) - 5', 'gamma(1/2) - sqrt(pi) + 1'])
    await expectVerdict(`-(${one})*log(n+1)`, {}, 'diverges', `${one} = 1 exactly`);
});

test('bounded work: huge and tiny exact constants are answered within seconds', async () => {
  await expectVerdict('-(1+2^(-3000))^(2^40)*log(n+1)', {}, 'converges', 'the coefficient is 1 + about 2^(−2960)');
  await expectVerdict('-10^(-100000)*n', {}, 'converges', 'the slope is −10^(−100000) < 0');
  await expectVerdict('-n*2^100000', {}, 'converges', 'the slope is −2^100000');
});

test('tight bounds for bounded factors: −log n·(2 + sin(n)/10) and the term tanh(n) − 1 converge', async () => {
  await expectVerdict('-log(n+1)*(2 + sin(n)/10)', {}, 'converges', 'q ≥ 1.9·log n');
  await expectVerdict('tanh(n) - 1', { term: true }, 'converges', '|a_n| = 2/(e^{2n} + 1)');
});

test('−n/log n converges, and no record claims that a geometric series dominates it', async () => {
  const w = await expectVerdict('-n/log(n+2)', {}, 'converges', 'q = n/log n ≫ 2·log n');
  if (w.kind !== 'result') return;
  const claims = w.result.cases.flatMap((c) => c.tests).filter((t) => t.outcome === 'decisive' && t.family?.id === 'geometric');
  assert.deepEqual(claims.map((t) => t.summary), [], 'e^{−n/log n} is not O(r^n) for any r < 1');
});
