/** The plugins for host math engines: mathjs (`math.import(mathjsPlugin)`) and nerdamer (`registerNerdamer(nerdamer)`). */
export { mathjsPlugin } from './mathjs.js';
export { registerNerdamer } from './nerdamer.js';
