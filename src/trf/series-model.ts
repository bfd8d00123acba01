/**
 * A certified model of one concrete series Σ_{n≥from} exp(p(n)).
 *
 * Owns: putting the pieces together and answering two questions with certified
 * enclosures: the total S, and the tail Σ_{n≥a} f(n) for any integer a.
 *   [from, N0)   head, summed term by term (./head.ts);
 *   [N0, M)      Euler–Maclaurin (./euler-maclaurin.ts) around the validated
 *                log-scale integral (./tail-integral.ts);
 *   [M, ∞)       the power-law closure (./tail-closure.ts), or for tails too slow
 *                for it (Bertrand-type) the log-scale closure: f non-increasing on
 *                [M, ∞) gives ∫_a^∞ f ≤ Σ_{n≥a} f(n) ≤ f(a) + ∫_a^∞ f, and the
 *                integral is ∫_{ln a}^∞ e^{p(e^u)+u} du (./integral-tail.ts).
 * M is the first block end where the closure is proved and its bracket is
 * negligible (or as tight as the rest). If no such M exists below e^690 the
 * model stays "open": partial sums still work, S and tails do not.
 */
import type { Expr } from '../parse/expr.js';
import * as DIns from '../numeric/decimal-interval.js';
import type { DInterval } from '../numeric/decimal-interval.js';
import * as Ins from '../numeric/interval.js';
import type { Interval } from '../numeric/interval.js';
import * as EMns from './euler-maclaurin.js';
import { type Head, headPrefix, headSuffix, sumHead } from './head.js';
import { estimateScale } from './scale-estimate.js';
import { evalElastic } from '../numeric/elasticity.js';
import { IntegralTail } from './integral-tail.js';
import { logScale } from './log-scale.js';
import { type Closure, closureSum, termAt, tryClosure } from './tail-closure.js';
import { absDerivativeIntegral, BlockFailure, BlockIntegrator, derivativeSign, type IntegratorOptions, X_MAX } from './tail-integral.js';

// plain-object copies: cheap property access on hot paths (no module-namespace getters)
const DI = { ...DIns };
const I = { ...Ins };
const EM = { ...EMns };

export interface SeriesModelOptions {
  /** head lengths to try, in order, until S is tight enough */
  readonly headLengths?: readonly number[];
  /** relative width of S that stops the search for a longer head */
  readonly targetRelWidth?: number;
  /** closure bracket width accepted, relative to the running lower bound of S */
  readonly closeTolerance?: number;
  readonly maxBlocks?: number;
  readonly integrator?: IntegratorOptions;
  /** head length of the direct (block-free) closure used when the blocks fail */
  readonly directHead?: number;
}

interface BlockEm {
  /** +1 / −1 when f^{(2m)} has that sign on the whole block, 0 otherwise */
  readonly sign: number;
  /** bound on ∫ over the block of |f^{(2m)}| */
  readonly bound: number;
}

const bigFloor = (x: number): bigint => (x < 2 ** 53 ? BigInt(Math.floor(x)) : BigInt(x));

export class SeriesModel {
  readonly integrator: BlockIntegrator;
  readonly head: Head;
  readonly N0: bigint;
  closure: Closure | null = null;
  /** the log-scale closure (when the power-law one does not close) */
  logTail: IntegralTail | null = null;
  /** the closure's start; null while open */
  M: bigint | null = null;
  /** why the model is open, when it is */
  openReason: string | null = null;
  /** remarks for the method string */
  readonly notes: string[] = [];
  private closureAtM: Interval | null = null;
  private dM: Interval[] | null = null;
  private readonly derivCache = new Map<bigint, Interval[]>();
  private readonly blockEm: BlockEm[] = [];
  private S_: DInterval | null = null;

  constructor(
    readonly p: Expr,
    readonly variable: string,
    readonly from: bigint,
    headLength: number,
    private readonly options: SeriesModelOptions = {},
  ) {
    const start = from > 0n ? from : 0n;
    this.N0 = start + BigInt(Math.max(1, headLength));
    this.head = sumHead(p, variable, from, this.N0);
    this.integrator = new BlockIntegrator(p, variable, Number(this.N0), options.integrator);
  }

  /** Extend blocks until the closure is proved and tight; false (with openReason) if it never is. */
  close(): boolean {
    const closeTol = this.options.closeTolerance ?? 2e-14;
    const maxBlocks = this.options.maxBlocks ?? 4000;
    let running = this.head.suffix[0]!.lo.toNumber();
    for (const b of this.integrator.blocks) running += b.integral.lo;
    const scale = estimateScale(this.p, this.variable, Number(this.from), Number(this.N0));
    let lastClosure: Closure | null = null;
    let logTries = 0;
    // the log-scale closure, once the terms are negligible (its bracket is [J, J + f(M)]), a few times at most
    const tryLog = (M: bigint): boolean => {
      let fM: Interval;
      try {
        fM = termAt(this.p, this.variable, M);
      } catch {
        return false;
      }
      if (!(fM.hi <= closeTol * running / 4)) return false;
      logTries++;
      return this.tryLogClosure(M, closeTol, running);
    };
    let lastCandidate: Interval | null = null;
    for (;;) {
      if (this.integrator.end >= X_MAX / 16) {
        if (lastClosure && lastCandidate) {
          // the closure is proved but its bracket is not negligible: accept it, wider
          this.acceptClosure(lastClosure, lastCandidate);
          this.notes.push(`the tail beyond n = ${lastClosure.M} is only bracketed by power laws (it is not negligible there)`);
          return true;
        }
        this.openReason = `no bound x·p'(x) ≤ −s < −1 could be proved on [M, ∞) for any M up to 1e300`;
        return false;
      }
      // blocks that stay short (an oscillating term such as sin n) will not reach a closure in time
      if (this.integrator.blocks.length >= 48 && this.integrator.end < 16 * Number(this.N0)) {
        this.openReason = `the integration blocks stay short (${this.integrator.blocks.length} blocks reach only n = ${Math.floor(this.integrator.end)}): an oscillating or non-smooth term`;
        return false;
      }
      if (this.integrator.blocks.length >= maxBlocks) {
        this.openReason = `gave up after ${maxBlocks} integration blocks`;
        return false;
      }
      let block;
      try {
        block = this.integrator.extendOne(Math.max(running, scale, Number.MIN_VALUE));
      } catch (err) {
        this.openReason = err instanceof BlockFailure
          ? `the term is not smooth (or not certifiably so) near n = ${err.x.toPrecision(6)}: ${err.message}`
          : String(err);
        return false;
      }
      running += block.integral.lo;
      // the closure can only be negligible once the blocks are: skip the attempt before that
      if (block.integral.hi > 1e-6 * Math.max(running, scale) && this.integrator.blocks.length % 4 !== 0) continue;
      const M = bigFloor(block.x1 * (1 - 1e-12));
      if (M <= this.N0) continue;
      const cl = tryClosure(this.p, this.variable, M);
      if (!cl) {
        if (logTries < 3 && M >= 1000n && tryLog(M)) return true;
        continue;
      }
      lastClosure = cl;
      let fM: Interval;
      try {
        fM = termAt(this.p, this.variable, M);
      } catch {
        continue;
      }
      const cs = closureSum(cl, M);
      void fM;
      lastCandidate = cs;
      if (cs.hi - cs.lo <= closeTol * Math.max(running, 0)) {
        this.acceptClosure(cl, cs);
        return true;
      }
    }
  }

  /**
   * Close right after the head, without integration blocks: the power-law closure at N0
   * with its bounded perturbation split off (sin n, cos n/n, …). Certified but wide:
   * its width is e^{r_hi − r_lo} − 1 of the tail beyond N0.
   */
  closeDirect(): boolean {
    const cl = tryClosure(this.p, this.variable, this.N0);
    if (!cl) {
      this.openReason ??= `no power-law bound (with bounded perturbation) on [${this.N0}, ∞)`;
      return false;
    }
    let cs: Interval;
    try {
      cs = closureSum(cl, this.N0);
    } catch {
      return false;
    }
    if (!Number.isFinite(cs.hi)) return false;
    this.closure = cl;
    this.M = this.N0;
    this.closureAtM = cs;
    this.dM = [];
    this.openReason = null;
    this.notes.push(`no integration blocks (${this.integrator.blocks.length === 0 ? 'not needed' : 'they do not reach far'}): the tail beyond n = ${this.N0} is bracketed directly, ` +
      `its width set by the bounded remainder`);
    return true;
  }

  /** the log-scale closure at M: proves f non-increasing on [M, ∞) and brackets ∫_M^∞ f within tol */
  tryLogClosure(M: bigint, closeTol: number, running: number): boolean {
    // each level of u = e^v adds its rounding: accept a few units of 1e-13 (the TRF needs far less)
    const tol = Math.max(closeTol, 1e-12);
    try {
      const d = evalElastic(this.p, { variable: this.variable, M: I.fromBigInt(M) });
      if (!(d.D.hi <= 0)) return false;
      // only at the boundary: x·p'(x) bounded on [M, ∞) and straddling −1 (Bertrand-type).
      // Unbounded below, it eventually drops below −1 and the power-law closure comes (cheaper);
      // entirely above −1 nothing closes at this M
      if (!(d.D.lo < -1 && Number.isFinite(d.D.lo))) return false;
    } catch {
      return false;
    }
    const U = I.log(I.fromBigInt(M));
    const tail = new IntegralTail(logScale(this.p, this.variable), this.variable, U.lo, 1);
    if (!tail.build(tol / 2)) {
      this.notes.push(tail.openReason ?? 'the log-scale tail did not close');
      return false;
    }
    const J = tail.integralAt(U);
    const fM = termAt(this.p, this.variable, M);
    const cs: Interval = { lo: J.lo, hi: I.add(J, fM).hi };
    if (!(cs.hi - cs.lo <= tol * Math.max(running, 0))) return false;
    this.logTail = tail;
    this.M = M;
    this.closureAtM = cs;
    this.dM = this.derivatives(M);
    this.openReason = null;
    return true;
  }

  /** Σ_{n≥a} f(n) for a ≥ M, from whichever closure is in force */
  private beyond(a: bigint): Interval {
    if (this.closure) return closureSum(this.closure, a);
    const J = this.logTail!.integralAt(I.log(I.fromBigInt(a)));
    const fa = termAt(this.p, this.variable, a);
    return { lo: J.lo, hi: I.add(J, fa).hi };
  }

  /** closed: S and tails are available */
  get closed(): boolean {
    return this.M !== null && (this.closure !== null || this.logTail !== null);
  }

  private acceptClosure(cl: Closure, cs: Interval): void {
    this.closure = cl;
    this.M = cl.M;
    this.closureAtM = cs;
    this.dM = this.derivatives(cl.M);
  }

  /** Certified S = Σ_{n≥from} f(n); null while open. */
  get S(): DInterval | null {
    if (this.S_ === null && this.closed) this.S_ = DI.add(this.head.suffix[0]!, this.tailFrom(this.N0));
    return this.S_;
  }

  /** f^{(j)}(a), cached */
  derivatives(a: bigint): Interval[] {
    let d = this.derivCache.get(a);
    if (!d) {
      d = EM.derivativesAt(this.p, this.variable, I.fromBigInt(a));
      if (this.derivCache.size > 256) this.derivCache.clear();
      this.derivCache.set(a, d);
    }
    return d;
  }

  private emOfBlock(j: number): BlockEm {
    let e = this.blockEm[j];
    if (e) return e;
    const b = this.integrator.blocks[j]!;
    const m2 = 2 * EM.EM_ORDER;
    e = { sign: derivativeSign(b, m2), bound: absDerivativeIntegral(b, m2) };
    this.blockEm[j] = e;
    return e;
  }

  /** bound on the Euler–Maclaurin remainder for Σ_{n=a}^{b−1}, N0 ≤ a < b within the blocks */
  private remainder(a: bigint, b: bigint, da: readonly Interval[], db: readonly Interval[]): number {
    const ja = this.integrator.blockIndex(I.fromBigInt(a).lo);
    const jb = this.integrator.blockIndex(Math.min(I.fromBigInt(b).hi, this.integrator.end), true);
    const first = this.emOfBlock(ja).sign;
    let sameSign = first !== 0;
    let crude = 0;
    for (let j = ja; j <= jb; j++) {
      const e = this.emOfBlock(j);
      if (e.sign !== first) sameSign = false;
      crude = I.add(I.exact(crude), I.exact(e.bound)).hi;
      if (!sameSign && crude === Infinity) break;
    }
    if (sameSign) return Math.min(EM.remainderSignDefinite(da, db), EM.remainderFromIntegral(crude));
    return EM.remainderFromIntegral(crude);
  }

  /** the Euler–Maclaurin remainder bound of the last emSum starting at N0 (tells whether a longer head helps) */
  remainderAtN0 = 0;

  /** Σ_{n=a}^{b−1} f(n) for N0 ≤ a ≤ b with log b inside the integrated range */
  private emSum(a: bigint, b: bigint, db: readonly Interval[]): Interval {
    if (a === b) return I.ZERO;
    const da = this.derivatives(a);
    const integral = this.integrator.integral(I.fromBigInt(a), I.fromBigInt(b));
    const corr = EM.correction(da, db);
    const rem = this.remainder(a, b, da, db);
    if (a === this.N0) this.remainderAtN0 = rem;
    const s = I.add(I.add(integral, corr), { lo: -rem, hi: rem });
    return { lo: Math.max(0, s.lo), hi: s.hi };
  }

  /** Certified Σ_{n≥a} f(n) for an integer a ≥ from (the model must be closed). */
  tailFrom(a: bigint): DInterval {
    if (!this.closed || this.M === null) throw new Error('the series model is open: ' + (this.openReason ?? 'not closed yet'));
    if (a < this.from) throw new RangeError('tail below the first index');
    if (a < this.N0) return DI.add(headSuffix(this.head, a), this.tailFrom(this.N0));
    if (a >= this.M) return DI.fromInterval(this.beyond(a));
    const s = I.add(this.emSum(a, this.M, this.dM!), this.closureAtM!);
    return DI.fromInterval(s);
  }

  /** The same tail as a double interval when a ≥ N0 (no decimal work); a decimal interval below N0. */
  tailFromFast(a: bigint): Interval | DInterval {
    if (!this.closed || this.M === null || a < this.N0) return this.tailFrom(a);
    if (a >= this.M) return this.beyond(a);
    return I.add(this.emSum(a, this.M, this.dM!), this.closureAtM!);
  }

  /** Certified partial sum Σ_{n=from}^{N} f(n) (works for open and divergent series too). */
  partialSum(N: bigint): DInterval {
    if (N < this.N0) return headPrefix(this.head, N);
    const b = N + 1n;
    const xB = I.fromBigInt(b).hi;
    if (xB > X_MAX) throw new RangeError('partial sums are limited to n < 1e300');
    let running = this.head.suffix[0]!.lo.toNumber();
    for (const blk of this.integrator.blocks) running += blk.integral.lo;
    while (this.integrator.end < xB) {
      const blk = this.integrator.extendOne(Math.max(running, Number.MIN_VALUE));
      running += blk.integral.lo;
    }
    const s = this.emSum(this.N0, b, this.derivatives(b));
    return DI.add(this.head.suffix[0]!, DI.fromInterval(s));
  }

  /** a one-line account of how the numbers were obtained */
  describe(): string {
    const parts = [`head n=${this.from}..${this.N0 - 1n} summed term by term (decimal.js accumulation)`];
    if (this.M !== this.N0 || this.integrator.blocks.length > 0) {
      parts.push(`Euler–Maclaurin (m=${EM.EM_ORDER}) with validated Taylor-model integration on ${this.integrator.blocks.length} geometric blocks`);
    }
    if (this.closure) {
      const sHi = this.closure.sHi === Infinity ? '∞' : fmt(this.closure.sHi);
      parts.push(`tail n ≥ ${this.M} by the proved bound ${fmt(this.closure.sLo)} ≤ −x·p'(x) ≤ ${sHi}` +
        (this.closure.r.lo === 0 && this.closure.r.hi === 0 ? '' : ` of its main part, times e^r for the bounded remainder r ∈ [${fmt(this.closure.r.lo)}, ${fmt(this.closure.r.hi)}]`));
    } else if (this.logTail) {
      parts.push(`tail n ≥ ${this.M}: f non-increasing there (x·p'(x) ≤ 0 proved), ∫_a^∞ f ≤ Σ_{n≥a} f ≤ f(a) + ∫_a^∞ f, ` +
        `the integral on the log scale ∫_{ln a}^∞ e^{p(e^u)+u} du: ${this.logTail.describe()}`);
    }
    return [...parts, ...this.notes].join('; ');
  }
}

function fmt(x: number): string {
  return Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : String(x);
}

/** Build a closed model, trying longer heads until S is tight; the best attempt is returned. */
export function buildSeriesModel(p: Expr, variable: string, from: bigint, options: SeriesModelOptions = {}): SeriesModel {
  const lengths = options.headLengths ?? [32, 256, 2048];
  const target = options.targetRelWidth ?? 2e-13;
  let best: SeriesModel | null = null;
  let bestWidth = Infinity;
  for (const h of lengths) {
    const model = new SeriesModel(p, variable, from, h, options);
    if (!model.close()) {
      if (best) return best;
      // a bounded perturbation that the blocks cannot follow: a long head, then the direct closure
      const direct = new SeriesModel(p, variable, from, options.directHead ?? 4096, { ...options });
      return direct.closeDirect() ? direct : model;
    }
    const S = model.S!;
    const w = DI.relWidth(S);
    if (w < bestWidth) {
      best = model;
      bestWidth = w;
    }
    if (w <= target) break;
    // a longer head only helps when the Euler–Maclaurin remainder at N0 is a large part of the width
    const width = S.hi.minus(S.lo).toNumber();
    if (model.remainderAtN0 < 0.25 * width) break;
  }
  return best!;
}
