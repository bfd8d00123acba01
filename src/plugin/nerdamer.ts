/**
 * The nerdamer plugin: `registerNerdamer(nerdamer)` adds classify, convergent and
 * trf to nerdamer. Called directly (nerdamer.classify("-2*log(1+n)")) they return
 * plain values, the same Classification object as the API; convergent and trf
 * also work inside nerdamer expressions (nerdamer('convergent(-2*log(1+n))')),
 * where their arguments arrive as nerdamer Symbols and the result is a Symbol:
 * 1 / 0 for convergent, the TRF for trf.
 *
 * Owns: the registration objects.
 */
import { classifyFn, convergentFn, trfFn } from './functions.js';

interface NerdamerCore { readonly Symbol: new (x: unknown) => unknown }
interface NerdamerLike {
  register(obj: unknown): void;
  getCore(): NerdamerCore;
}

/** A nerdamer Symbol (what nerdamer passes to a function used inside an expression). */
const isSymbol = (x: unknown): boolean => x !== null && typeof x === 'object' && 'group' in (x as object) && 'multiplier' in (x as object);

export function registerNerdamer(nerdamer: NerdamerLike): void {
  nerdamer.register([
    {
      name: 'classify', visible: false, numargs: [1, 2], parent: 'nerdamer',
      build: () => (expr: unknown, options?: unknown) => classifyFn(expr, options),
    },
    {
      name: 'convergent', visible: true, numargs: [1, 2], parent: 'nerdamer',
      build(this: NerdamerCore) {
        const core = this;
        return (expr: unknown, options?: unknown) => {
          const r = convergentFn(expr, options);
          if (!isSymbol(expr)) return r;
          if (typeof r === 'boolean') return new core.Symbol(r ? 1 : 0);
          throw new Error(r === null ? 'convergent: undecided' : `convergent: converges only when ${r}; use nerdamer.classify for the cases`);
        };
      },
    },
    {
      name: 'trf', visible: true, numargs: [1, 3], parent: 'nerdamer',
      build(this: NerdamerCore) {
        const core = this;
        return (expr: unknown, eps?: unknown, params?: unknown) => {
          const inside = isSymbol(expr);
          const r = trfFn(expr, inside && eps !== undefined ? String(eps) : eps, params);
          if (!inside) return r;
          if (r === null) throw new Error('trf: the series diverges, so there is no TRF');
          return new core.Symbol(r);
        };
      },
    },
  ]);
}
