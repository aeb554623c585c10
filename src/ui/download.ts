/**
 * Offering a file from the browser: shared by the dashboard (its exports to Excel) and the Word
 * task pane (the report as a .docx).
 */

/** Saves a file: the browser's download of an object URL (a seam for tests). */
export type FileSaver = (blob: Blob, fileName: string) => void;

/** Downloads the blob through a temporary link; the object URL is released a minute later (some browsers read it after click() returns). */
export const downloadFile: FileSaver = (blob: Blob, fileName: string): void => {
  const url: string = URL.createObjectURL(blob);
  const link: HTMLAnchorElement = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  document.body.removeChild(link);
  setTimeout(() => URL.revokeObjectURL(url), 60000);
};
