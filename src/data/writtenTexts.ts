/**
 * The texts the writes put into SharePoint's lists as content (src/domain/messages.ts:
 * IWrittenTexts), as the edge installs them with the writes' words (src/ui/writeWords.ts). Only
 * the writes' part reads them, so they never weigh on a first load; a write that finds none
 * installed is refused as a part not loaded, writing nothing, rather than writing codes.
 */
import type { IWrittenTexts } from '../domain/messages';
import { partNotLoaded } from './errors';

let installed: IWrittenTexts | undefined;

/** Installs the texts the writes write (the edge does, with the writes' words). */
export function setWrittenTexts(texts: IWrittenTexts): void {
  installed = texts;
}

/** The texts installed. @throws DataError (a part not loaded) when none are. */
export function writtenTexts(): IWrittenTexts {
  if (!installed) {
    throw partNotLoaded();
  }
  return installed;
}
