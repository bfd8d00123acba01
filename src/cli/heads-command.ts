/**
 * `rpe heads EXPR --params FILE [--tensor r1=NAME]… [--clamp r1>=0.01]… [--eps E] [--json]`:
 * every head of a trained model with its own parameter values (JSON, CSV or
 * safetensors, src/trf/param-file.ts), its verdict and certified TRF, and the model's
 * verdict — converges when every head converges (src/trf/heads.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { type HeadsReport, heads, parseClamp } from '../trf/heads.js';
import { detectFormat, type ParamColumns, type ParamFormat, parseParamsCsv, parseParamsJson, parseParamsSafetensors } from '../trf/param-file.js';
import { parseExpression } from '../parse/parse.js';
import { CliError } from './exit-codes.js';
import { parseFrom, parseVar } from './series-options.js';

interface HeadsFlags {
  readonly params?: string;
  readonly format?: ParamFormat;
  readonly tensor?: readonly string[];
  readonly clamp?: readonly string[];
  readonly eps?: string;
  readonly from?: number;
  readonly var?: string;
  readonly json?: boolean;
}

const collect = (v: string, prev: readonly string[] | undefined): string[] => [...(prev ?? []), v];

/** The largest parameter file read (the whole file is read into memory). */
const MAX_FILE = 1024 ** 3;

function readParams(file: string, format: ParamFormat | undefined, parameters: readonly string[], tensors: readonly string[]): ParamColumns {
  let bytes: Uint8Array;
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE) throw new Error(`${size} bytes; files up to 1 GiB are read`);
    bytes = new Uint8Array(readFileSync(file));
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const fmt = format ?? detectFormat(file, bytes);
  const mapping: Record<string, string> = {};
  for (const t of tensors) {
    const eq = t.indexOf('=');
    if (eq <= 0 || eq === t.length - 1) throw new CliError(`--tensor expects name=TENSOR, got "${t}"`);
    mapping[t.slice(0, eq).trim()] = t.slice(eq + 1).trim();
  }
  if (fmt !== 'safetensors' && tensors.length > 0) throw new CliError('--tensor applies to safetensors files only');
  if (fmt === 'safetensors') return parseParamsSafetensors(bytes, parameters, mapping);
  const text = new TextDecoder().decode(bytes);
  return fmt === 'json' ? parseParamsJson(text) : parseParamsCsv(text);
}

export function formatHeadsReport(r: HeadsReport): string {
  const lines = [`heads of p(n) = ${r.expression},  ε = ${r.eps}`];
  for (const h of r.heads) {
    const at = Object.entries(h.values).map(([k, v]) => `${k}=${v}${h.clamped.includes(k) ? ' (clamped)' : ''}`).join(', ');
    const trf = h.bracket === null ? '—' : String(h.bracket[0]) === String(h.bracket[1]) ? String(h.trf) : `[${h.bracket[0]}, ${h.bracket[1] ?? '∞'}]`;
    lines.push(`  head ${String(h.head).padStart(3)}  ${at}: ${h.verdict}${h.verdict === 'converges' ? `  TRF = ${trf}` : ''}${h.verdict === 'unknown' ? `  (${h.method})` : ''}`);
  }
  lines.push(`  model: ${r.verdict} (${r.converging} of ${r.heads.length} heads converge, ${r.diverging} diverge);  model TRF: ${r.trf ?? 'none'}`);
  return lines.join('\n');
}

export function registerHeadsCommand(program: Command): void {
  program
    .command('heads')
    .description('every head of a trained model (parameters from JSON, CSV or safetensors): verdict, certified TRF, and the model\'s verdict')
    .argument('<EXPR>', 'the bias with per-head parameters, e.g. "-r1*log(1+r2*n)"')
    .option('--params <FILE>', 'per-head values: JSON {"r1": [..]}, CSV (header of names, a row per head) or safetensors (required)')
    .addOption(new Option('--format <f>', 'file format (default: from the extension, else the content)').choices(['json', 'csv', 'safetensors']))
    .option('--tensor <name=TENSOR>', 'safetensors: read parameter name from tensor TENSOR (repeatable)', collect)
    .option('--clamp <name>=v>', 'clamp a parameter as the training code does, e.g. r1>=0.01 (repeatable)', collect)
    .option('--eps <E>', 'ε of the TRF (default 0.01)')
    .option('--from <N>', 'first index of the sum (default 0)', parseFrom)
    .option('--var <v>', 'summation variable (default n)', parseVar)
    .option('--json', 'print the report as JSON')
    .action((expr: string, flags: HeadsFlags) => {
      if (flags.params === undefined) throw new CliError('rpe heads needs --params FILE');
      const parsed = parseExpression(expr, flags.var !== undefined ? { variable: flags.var } : {});
      const params = readParams(flags.params, flags.format, parsed.parameters, flags.tensor ?? []);
      const report = heads(expr, {
        params, clamps: (flags.clamp ?? []).map(parseClamp),
        ...(flags.eps !== undefined ? { eps: flags.eps } : {}),
        ...(flags.from !== undefined ? { from: flags.from } : {}),
        ...(flags.var !== undefined ? { var: flags.var } : {}),
      });
      process.stdout.write(`${flags.json ? JSON.stringify(report) : formatHeadsReport(report)}\n`);
    });
}
