/** Offering a file to the officer from the browser, and naming it. */
import { safeFileName } from '../../domain';
import { downloadFile, type FileSaver } from '../../ui/download';
import { format } from '../../ui/format';
import { STRINGS } from '../loc/en-gb';

export { downloadFile, type FileSaver };

/** The MIME type of a Word document. */
export const DOCX_TYPE: string = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** "<period title> highlight report.docx", with characters file systems refuse replaced ("November/December" → "November-December"). */
export function reportFileName(periodTitle: string): string {
  const safe: string = safeFileName(periodTitle);
  return format(STRINGS.FileName, safe || 'Programme');
}

/** Opens a .docx in Word as a new document (a seam for tests). */
export type DocumentOpener = (bytes: Uint8Array) => Promise<void>;

/** Base64 of bytes, in chunks small enough for `String.fromCharCode`. */
export function toBase64(bytes: Uint8Array): string {
  let binary: string = '';
  for (let i: number = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)));
  }
  return btoa(binary);
}

/**
 * Opens the .docx in Word as a new document: `application.createDocument(base64).open()`
 * (WordApi 1.3). Word on a Mac cannot save a file from an add-in's download link (office-js
 * #4681); this works on every host that has the API.
 */
export const openInWord: DocumentOpener = async (bytes: Uint8Array): Promise<void> => {
  await Word.run(async (context: Word.RequestContext) => {
    context.application.createDocument(toBase64(bytes)).open();
    await context.sync();
  });
};

/** Where the pane is, for handing over a .docx. */
export interface IDeliveryPlace {
  /** The pane runs inside Office (Word), not in a browser tab. */
  insideOffice: boolean;
  /** Word has `application.createDocument` (WordApi 1.3). */
  canCreateDocument: boolean;
}

/** What handing over the .docx did, in the officer's words. */
export interface IDelivery {
  kind: 'success' | 'warning';
  lines: string[];
}

/**
 * Hands the .docx to the officer the way that works where the pane runs: in Word, as a new
 * document where the API allows it; in a browser, as a download; inside an Office host without
 * the API, as a download too, but saying honestly that it may not have happened.
 */
export async function deliverDocx(bytes: Uint8Array, fileName: string, place: IDeliveryPlace, save: FileSaver, open: DocumentOpener): Promise<IDelivery> {
  const before: string[] = [];
  if (place.insideOffice && place.canCreateDocument) {
    try {
      await open(bytes);
      return { kind: 'success', lines: [format(STRINGS.OpenedInWord, fileName)] };
    } catch {
      // Some Word builds refuse createDocument with a file (GeneralException, reported on
      // Microsoft Q&A 810124): say so, and offer the download instead.
      before.push(STRINGS.OpenInWordFailed);
    }
  }
  save(new Blob([bytes as BlobPart], { type: DOCX_TYPE }), fileName);
  if (place.insideOffice) {
    // A download link in an Office webview does nothing on a Mac (office-js #4681): no "Downloaded".
    return { kind: 'warning', lines: [...before, format(STRINGS.DownloadAsked, fileName)] };
  }
  return { kind: 'success', lines: [format(STRINGS.Downloaded, fileName)] };
}
