/**
 * Hands a downloaded file to the browser as a download: a temporary object URL on a link
 * that is clicked and removed at once.
 */
export function saveFile(document: Document, blob: Blob, fileName: string): void {
  const view = document.defaultView;
  if (!view?.URL?.createObjectURL) {
    return;
  }
  const url = view.URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, so the download has started.
  view.setTimeout(() => view.URL.revokeObjectURL(url), 0);
}
