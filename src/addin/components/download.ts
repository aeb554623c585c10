/** Offering a file to the officer from the browser, and naming it. */
import { format } from '../loc/format';
import { STRINGS } from '../loc/en-gb';

/** The MIME type of a Word document. */
export const DOCX_TYPE: string = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Saves a file: the browser's download of an object URL. */
export type FileSaver = (blob: Blob, fileName: string) => void;

/** "<period title> highlight report.docx", with characters file systems refuse replaced ("November/December" → "November-December"). */
export function reportFileName(periodTitle: string): string {
  // eslint-disable-next-line no-control-regex
  const safe: string = periodTitle.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/\s+/g, ' ').trim();
  return format(STRINGS.FileName, safe || 'Programme');
}

/** Downloads the blob through a temporary link; the object URL is released afterwards. */
export const downloadFile: FileSaver = (blob: Blob, fileName: string): void => {
  const url: string = URL.createObjectURL(blob);
  const link: HTMLAnchorElement = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  document.body.removeChild(link);
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
};
