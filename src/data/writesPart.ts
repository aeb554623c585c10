/**
 * The repositories' writes (./writes.ts), loaded when a write is first asked for: a view opens on
 * reads, and its first load does not carry the writes (README, Performance). The words of the
 * messages only the writes give come with them, as the edge set (src/domain/messages.ts:
 * setWritesWording): a write's refusal is worded whichever part arrived first.
 */
import { loadWritesWording } from '../domain/messages';
import { partNotLoaded } from './errors';

/** The writes' part, with the words of its messages; a part that could not be loaded is refused as such. */
export function writesPart(): Promise<typeof import('./writes')> {
  return Promise.all([import(/* webpackChunkName: 'ph-writes' */ './writes'), loadWritesWording()]).then(
    ([part]) => part,
    () => {
      throw partNotLoaded();
    }
  );
}
