/**
 * The substitutions the named tests use: n → n+1 (ratio and Raabe tests) and
 * n → 2^n (Cauchy condensation), on top of src/parse/substitute.ts.
 */
import * as E from './expr.js';
import type { Expr } from './expr.js';
import { substituteVariable } from './substitute.js';


/** n → n + 1 */
export const shiftByOne = (e: Expr, variable: string): Expr => substituteVariable(e, variable, E.add(E.variable(variable), E.num(1)));

/** n → 2^n (the condensed index keeps the variable's name) */
export const condense = (e: Expr, variable: string): Expr => substituteVariable(e, variable, E.pow(E.num(2), E.variable(variable)));

