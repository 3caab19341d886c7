import { DOCUMENT } from '@angular/common';
import { inject, InjectionToken } from '@angular/core';

/** Hands a downloaded file to the browser's save dialog; a token so tests can watch it. */
export const SAVE_FILE = new InjectionToken<(blob: Blob, fileName: string) => void>('SAVE_FILE', {
  providedIn: 'root',
  factory: () => {
    const document = inject(DOCUMENT);
    return (blob, fileName) => {
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.style.display = 'none';
      document.body.appendChild(link);
      link.click();
      link.remove();
      // the click has started the download; the URL can go once this turn is over
      setTimeout(() => URL.revokeObjectURL(url), 0);
    };
  },
});
