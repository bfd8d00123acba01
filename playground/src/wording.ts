/**
 * The page's own words for the library's hints: messages written for the
 * command line name its options (--from, --var); the page names its fields.
 * Every engine text the page shows (errors, reasons, TRF notes) passes here.
 *
 * Owns: these rewrites, in one place.
 */
const FROM = '“Sum from n =”';

const REWRITES: readonly [RegExp, string][] = [
  [/use --from (\d+)/g, `set ${FROM} to $1`],
  [/\(a later --from may avoid it\)/g, `(a later first index in ${FROM} may avoid it)`],
  [/start the sum later with --from/g, `start the sum later with ${FROM}`],
  [/with --from N add N/g, `from a later first index N, add N`],
  [/;? ?name the summation variable with the variable option \(--var\)/g, '; the page sums over n: write the bias in n'],
  [/--from must be an integer/g, `${FROM} must be an integer`],
];

export function inPage(message: string): string {
  let out = message;
  for (const [re, to] of REWRITES) out = out.replace(re, to);
  return out;
}
