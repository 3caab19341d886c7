import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { DomSanitizer, type SafeResourceUrl } from '@angular/platform-browser';
import type { CeActivityQueueItem, EvidenceFile } from '@him/contracts';
import { of, switchMap } from 'rxjs';
import { httpErrorMessage } from '../core/api/http-error-message';
import { EvidenceApi } from '../evidence/evidence-api';

interface Preview {
  file: EvidenceFile;
  kind: 'image' | 'pdf';
  url: string;
  frameUrl: SafeResourceUrl | null;
}

/**
 * The certificate of one activity in the queue, beside the list: an image or a PDF shown in
 * the page, so the reviewer checks the hours without downloading anything.
 */
@Component({
  selector: 'him-evidence-preview',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <aside class="preview" aria-labelledby="evidence-preview-heading">
      <div class="preview-header">
        <h2 id="evidence-preview-heading" tabindex="-1">
          Certificate: {{ item().title }} by {{ item().staffName }}
        </h2>
        <button mat-stroked-button type="button" (click)="closed.emit()">Close preview</button>
      </div>
      @if (error(); as message) {
        <p role="alert">{{ message }}</p>
      } @else if (preview(); as shown) {
        <p class="file-name">{{ shown.file.originalName }}</p>
        @if (shown.kind === 'image') {
          <img [src]="shown.url" [alt]="'Certificate ' + shown.file.originalName" />
        } @else if (shown.frameUrl) {
          <iframe
            [src]="shown.frameUrl"
            [title]="'Certificate ' + shown.file.originalName"
          ></iframe>
        }
      } @else if (loading()) {
        <p role="status">Loading the certificate…</p>
      } @else {
        <p>No certificate is attached to this activity.</p>
      }
    </aside>
  `,
  styles: `
    :host {
      display: block;
    }
    .preview {
      position: sticky;
      top: 16px;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    .preview-header {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      justify-content: space-between;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .file-name {
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    img,
    iframe {
      display: block;
      width: 100%;
      border: 1px solid var(--mat-sys-outline-variant);
      background: white;
    }
    iframe {
      height: 70vh;
    }
  `,
})
export class EvidencePreview {
  private readonly api = inject(EvidenceApi);
  private readonly sanitizer = inject(DomSanitizer);

  readonly item = input.required<CeActivityQueueItem>();
  readonly closed = output<void>();

  protected readonly preview = signal<Preview | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.revoke());
    effect((onCleanup) => {
      const item = this.item();
      untracked(() => {
        this.revoke();
        this.error.set(null);
        this.loading.set(true);
      });
      let file: EvidenceFile | undefined;
      const subscription = this.api
        .list({ kind: 'ce-activity', id: item.id })
        .pipe(
          switchMap((files) => {
            file = files[0];
            return file ? this.api.download(file.id) : of(null);
          }),
        )
        .subscribe({
          next: (blob) => {
            this.loading.set(false);
            if (!blob || !file) {
              return;
            }
            const url = URL.createObjectURL(blob);
            const pdf = file.contentType === 'application/pdf';
            this.preview.set({
              file,
              kind: pdf ? 'pdf' : 'image',
              url,
              // A blob address this page made itself from the file the API checked.
              frameUrl: pdf ? this.sanitizer.bypassSecurityTrustResourceUrl(url) : null,
            });
          },
          error: (failure: unknown) => {
            this.loading.set(false);
            this.error.set(httpErrorMessage(failure, 'the certificate'));
          },
        });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  private revoke(): void {
    const shown = this.preview();
    if (shown) {
      URL.revokeObjectURL(shown.url);
      this.preview.set(null);
    }
  }
}
