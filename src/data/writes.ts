/**
 * The repositories' writes as one part, loaded when a write is first asked for (README,
 * Performance): the programme's (./repositoryWrites.ts) and the close-down's (./phaseWrites.ts).
 * One module, so that every bundler makes one chunk of them, as SPFx's webpack does for their one
 * `webpackChunkName`, and none of what they share with the first load is split into pieces of its own.
 */
import * as programme from './repositoryWrites';
import * as phases from './phaseWrites';

export { phases, programme };
