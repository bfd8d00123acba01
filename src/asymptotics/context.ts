/**
 * What the asymptotic engine needs from its caller: signs of symbolic coefficients
 * (answered by the parameter region, possibly by splitting), parameter values fixed
 * by the region, the bindings of finite-sum indices, and a work budget.
 */
import type Fraction from 'fraction.js';
import { Coef } from '../conditions/coef.js';
import { NeedSplit, UndecidableSign, type Region, type Sign } from '../conditions/region.js';

/** The engine cannot decide; `reason` says why (shown to the user). */
export class EngineUnknown extends Error {
  constructor(readonly reason: string, readonly undefinedTail = false) { super(reason); }
}

export const MAX_TERMS = 5;
/** work steps for one region, and for a whole classification */
const MAX_STEPS = 200_000;
export const MAX_TOTAL_STEPS = 1_500_000;

/** A work counter shared by every region of one classification. */
export interface WorkBudget { used: number }

export class Ctx {
  private steps = 0;
  private readonly budget: WorkBudget;
  readonly pinned: Map<string, Fraction>;
  /** finite-sum indices currently bound to numbers, or opaque (null) */
  readonly indices = new Map<string, Coef | null>();
  constructor(public region: Region, readonly variable: string, budget?: WorkBudget) {
    this.pinned = region.pinned();
    this.budget = budget ?? { used: 0 };
  }

  /** Run f with extra knowledge (e.g. the range of a finite-sum index), then restore. */
  within<T>(region: Region, f: () => T): T {
    const saved = this.region;
    this.region = region;
    try {
      return f();
    } catch (e) {
      // a split found inside refines the outer region, not the temporary one
      if (e instanceof NeedSplit) throw new NeedSplit(([-1, 0, 1] as Sign[]).flatMap((s) => saved.withSign(e.coef, [s])), e.coef);
      throw e;
    } finally {
      this.region = saved;
    }
  }

  sign(c: Coef): Sign {
    this.tick();
    try {
      return this.region.sign(c);
    } catch (e) {
      if (e instanceof UndecidableSign) throw new EngineUnknown(e.message);
      if (e instanceof NeedSplit) {
        const ps = c.parameters();
        for (const name of this.indices.keys()) if (ps.has(indexParam(name))) throw new EngineUnknown(`the sign of ${c.toString()} depends on the summation index`);
      }
      throw e;
    }
  }
  param(name: string): Coef {
    const v = this.pinned.get(name);
    return v ? Coef.of(v) : Coef.param(name);
  }
  tick(): void {
    if (++this.steps > MAX_STEPS) throw new EngineUnknown('work budget exhausted');
    if (++this.budget.used > MAX_TOTAL_STEPS) throw new EngineUnknown('work budget for this expression exhausted');
  }
}

/** Name under which an opaque finite-sum index appears inside coefficients. */
export const indexParam = (name: string): string => `${name}__index`;
