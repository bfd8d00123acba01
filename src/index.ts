/** Library entry point: the public API. */
export * from './types.js';
export { classify } from './classify.js';
export { InputError } from './parse/errors.js';
