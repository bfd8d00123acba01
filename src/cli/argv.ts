/**
 * Lets expressions that start with a minus sign be passed as plain arguments:
 * `rpe classify -m*n --json` would otherwise read `-m*n` as an unknown option.
 * Operands of a subcommand that start with "-" but are not one of its options are
 * moved after a "--", where commander takes them literally. Unknown `--long` flags
 * are left alone so that typos still get commander's "unknown option" error.
 */
import type { Command } from 'commander';

/** flag → whether it takes a value, for a command and its parent's options. */
function knownFlags(cmd: Command): Map<string, boolean> {
  const flags = new Map<string, boolean>([['-h', false], ['--help', false]]);
  for (let c: Command | null = cmd; c; c = c.parent) {
    for (const opt of c.options) {
      const takesValue = opt.required || opt.optional;
      if (opt.short) flags.set(opt.short, takesValue);
      if (opt.long) flags.set(opt.long, takesValue);
    }
  }
  return flags;
}

function findSubcommand(program: Command, name: string): Command | undefined {
  return program.commands.find((c) => c.name() === name || c.aliases().includes(name));
}

/** Rewrite user arguments (process.argv without node and script). */
export function protectExpressionOperands(program: Command, args: readonly string[]): string[] {
  const at = args.findIndex((a) => !a.startsWith('-'));
  if (at < 0) return [...args];
  const sub = findSubcommand(program, args[at]!);
  if (!sub || sub.registeredArguments.length === 0) return [...args];
  const flags = knownFlags(sub);
  const options: string[] = [];
  const operands: string[] = [];
  let moved = false;
  const rest = args.slice(at + 1);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--') { operands.push(...rest.slice(i + 1)); break; }
    if (flags.has(a)) {
      options.push(a);
      if (flags.get(a) && i + 1 < rest.length) options.push(rest[++i]!);
      continue;
    }
    if (a.startsWith('--')) { options.push(a); continue; }
    if (a.length > 1 && a.startsWith('-')) {
      if (flags.get(a.slice(0, 2)) === true) { options.push(a); continue; } // -Xvalue
      operands.push(a);
      moved = true;
      continue;
    }
    operands.push(a);
  }
  if (!moved) return [...args];
  return [...args.slice(0, at + 1), ...options, '--', ...operands];
}
