/**
 * The messages between the page and its two workers. The decide worker answers
 * one `analyze` request per keystroke or slider move in phases (classification
 * → parsed → point → trf → chart), each tagged with the request id, and drops a
 * request once a newer one has arrived. The proof worker builds the proof report
 * (slow: seconds for some inputs) and renders the downloads; the page restarts
 * it when a newer request supersedes the one it is working on.
 */
import type { ChartData, Report } from '../../src/report/proof.js';
import type { ReportFormat } from '../../src/report/formats.js';
import type { TrfResult } from '../../src/trf/trf.js';
import type { Classification, Extrapolation, Verdict } from '../../src/types.js';

/** What the user has typed: the same for both workers. */
export interface Inputs {
  readonly formula: string;
  /** assumptions on the parameters, mathjs syntax, separated by commas or semicolons */
  readonly assume: string;
  /** parameter values as typed (numbers, fractions, constant expressions) */
  readonly values: Readonly<Record<string, string>>;
  /** ε of the TRF */
  readonly eps: string;
  /** the first index of the sum, as typed (default 0) */
  readonly from: string;
}

export type DownloadFormat = Exclude<ReportFormat, 'json'>;

export type DecideRequest =
  | { readonly type: 'analyze'; readonly id: number; readonly inputs: Inputs }
  /** nothing to analyse (the formula was cleared): drop the work in progress */
  | { readonly type: 'cancel'; readonly id: number };
export type ProofRequest =
  | { readonly type: 'proof'; readonly id: number; readonly inputs: Inputs }
  | { readonly type: 'download'; readonly id: number; readonly inputs: Inputs; readonly format: DownloadFormat };

/** Which input a message is about: the formula, the assumptions, ε, a parameter value, or the values together ('point': e.g. a sum bound that is not an integer there). */
export type Field = 'formula' | 'assume' | 'eps' | 'from' | 'point' | `param:${string}`;

export interface InputProblem {
  readonly field: Field;
  readonly message: string;
  /** 1-based column in that field's text */
  readonly column?: number;
}

export type DecideResponse =
  | { readonly type: 'ready'; readonly id: 0; /** time from the worker's start to its first request */ readonly startupMs: number }
  | { readonly type: 'parsed'; readonly id: number; readonly tex: string; readonly parameters: readonly string[]; readonly catalogId: string | null }
  | { readonly type: 'classification'; readonly id: number; readonly classification: Classification; readonly conditionsTex: readonly string[]; readonly ms: number }
  | { readonly type: 'point'; readonly id: number; readonly values: Readonly<Record<string, number>>; readonly valuesText: string; readonly verdict: Verdict; readonly extrapolation: Extrapolation; readonly reason?: string; readonly outsideAssumptions: boolean; /** the case of the parametric classification holding these values */ readonly caseIndex: number | null }
  | { readonly type: 'trf'; readonly id: number; readonly result: TrfResult | null; readonly reason?: string }
  | { readonly type: 'chart'; readonly id: number; readonly chart: ChartData | null }
  | { readonly type: 'problem'; readonly id: number; readonly problem: InputProblem }
  | { readonly type: 'done'; readonly id: number };

export type ProofResponse =
  | { readonly type: 'proof'; readonly id: number; readonly report: Report | null; readonly html: string; readonly error?: string; /** time to build and render the report */ readonly ms: number }
  | { readonly type: 'download'; readonly id: number; readonly format: DownloadFormat; readonly text: string | null; readonly error?: string };

/** The chart worker: one chart to draw as SVG, in the page's scheme and width. */
export interface ChartRequest {
  readonly id: number;
  readonly chart: ChartData;
  /** plot width in px (the figure's, less the legend and the axis titles) */
  readonly width: number;
  readonly dark: boolean;
}

export interface ChartResponse {
  readonly id: number;
  readonly svg: string | null;
  readonly error?: string;
}
