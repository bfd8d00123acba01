/**
 * The mathjs plugin: `math.import(mathjsPlugin)` adds classify, convergent and
 * trf to a mathjs instance, so that an expression such as `classify("-2*log(1+n)")` evaluated by the host
 * returns the same Classification object as the API. Arguments come from the
 * mathjs parser (strings, Matrix arrays, BigNumbers); see options.ts.
 *
 * Owns: the import object.
 */
import { classifyFn, convergentFn, trfFn } from './functions.js';

export const mathjsPlugin = {
  classify: (expr: unknown, options?: unknown) => classifyFn(expr, options),
  convergent: (expr: unknown, options?: unknown) => convergentFn(expr, options),
  trf: (expr: unknown, eps?: unknown, params?: unknown) => trfFn(expr, eps, params),
};
