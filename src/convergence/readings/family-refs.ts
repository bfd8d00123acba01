/**
 * The reference series the comparison tests compare with (see rules/families.json):
 * geometric r^n, exp(−c·n^a), the p-series 1/n^s and the iterated-log (Bertrand)
 * families 1/(n·log n·…·log_{k−1} n·(log_k n)^s), which converge iff s > 1.
 */
import type { FamilyRef } from '../../types.js';

const LOGS_TEXT = ['n', 'log n', 'log log n', 'log₃ n'];
const LOGS_TEX = ['n', '\\log n', '\\log\\log n', '\\log_3 n'];

/** 1/(n·L0·…·L_{k−2}·L_{k−1}^s): level 0 is the p-series 1/n^s. */
export function logScaleFamily(level: number, sText: string, sTex: string): FamilyRef {
  const text = LOGS_TEXT.slice(0, level).join('·');
  const tex = LOGS_TEX.slice(0, level).join('\\,');
  const last = LOGS_TEXT[level]!, lastTex = LOGS_TEX[level]!;
  const exp = /^[\w.]+$/.test(sText) ? sText : `(${sText})`;
  const powText = sText === '1' ? last : level === 0 ? `n^${exp}` : `(${last})^${exp}`;
  const powTex = sTex === '1' ? lastTex : level === 0 ? `${lastTex}^{${sTex}}` : `\\left(${lastTex}\\right)^{${sTex}}`;
  return {
    id: level === 0 ? 'p-series' : `bertrand-${level}`,
    termText: `1/(${text ? text + '·' : ''}${powText})`,
    termTex: `\\frac{1}{${tex ? tex + '\\,' : ''}${powTex}}`,
  };
}

export const GEOMETRIC: FamilyRef = { id: 'geometric', termText: 'r^n with 0 < r < 1', termTex: 'r^{n},\\ 0<r<1' };
export const STRETCHED: FamilyRef = { id: 'stretched-exponential', termText: 'exp(-c·n^a) with c, a > 0', termTex: 'e^{-c n^{a}},\\ c,a>0' };
