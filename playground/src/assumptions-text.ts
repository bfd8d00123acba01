/**
 * The assumptions field: several conditions in one line, separated by commas or
 * semicolons outside brackets ("m > 0, 0 < b <= 2"). The splitter is the library's
 * (src/parse/assumption-list.ts), the one the CLI's --assume, the API and batch lines
 * use, so the field accepts exactly what they accept; each item keeps its offset
 * (in code points, like columns), so an error in it can point at its column in the
 * whole field.
 */
export { splitAssumptions } from '../../src/parse/assumption-list.js';
