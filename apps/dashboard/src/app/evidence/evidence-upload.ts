import { LiveAnnouncer } from '@angular/cdk/a11y';
import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  type ElementRef,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { EvidenceContentType, EvidenceFile, EvidenceTarget } from '@him/contracts';
import type { Subscription } from 'rxjs';
import { serverFormErrors } from '../core/api/form-errors';
import { createLoader } from '../core/api/loader';
import { ConfirmInline } from '../shared/confirm-inline/confirm-inline';
import { LoadStatus } from '../shared/load-status/load-status';
import { EvidenceApi, evidenceUrl } from './evidence-api';
import { ConfirmedAction, type RowError } from '../shared/confirm-inline/confirmed-action';

/** What the file picker offers; the server decides by the content, not the name. */
export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg';
const ACCEPTED_NAME = /\.(pdf|png|jpe?g)$/i;

const TYPE_LABELS: Record<EvidenceContentType, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
};

const EXTENSIONS: Record<EvidenceContentType, string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
};

interface UploadProgress {
  name: string;
  /** null while the browser reports no progress (the fetch backend does not) */
  percent: number | null;
}

let nextId = 0;

/**
 * The evidence files of one credential or CE activity: download links, an upload (PDF, PNG,
 * JPEG) with progress and the server's refusal shown at the field, and delete with a
 * confirmation where the server allows it (`canDelete`).
 */
@Component({
  selector: 'him-evidence-upload',
  imports: [MatButtonModule, MatProgressBarModule, ConfirmInline, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="evidence" role="group" [attr.aria-labelledby]="ids.title">
      <p class="evidence__title" [id]="ids.title">{{ label() }}</p>
      <him-load-status what="evidence files" [of]="files" />
      @if (files.value(); as list) {
        @if (list.length === 0) {
          <p class="empty-note">No files attached yet.</p>
        } @else {
          <ul class="record-list">
            @for (file of list; track file.id) {
              <li class="record" [attr.data-evidence]="file.id">
                <div class="record__head">
                  <a
                    class="record__title"
                    [href]="downloadUrl(file)"
                    [attr.download]="downloadName(file)"
                    (click)="downloadFile($event, file)"
                    >{{ file.originalName }}</a
                  >
                </div>
                <p class="record__details">{{ describe(file) }}</p>
                @if (file.canDelete) {
                  <him-confirm-inline
                    action="Delete"
                    [name]="file.originalName"
                    [question]="'Delete “' + file.originalName + '”? This cannot be undone.'"
                    confirmLabel="Delete file"
                    busyLabel="Deleting…"
                    [confirming]="deletion.confirming() === file.id"
                    [busy]="deletion.busy()"
                    (asked)="deletion.ask(file.id)"
                    (confirmed)="deleteFile(file)"
                    (cancelled)="deletion.cancel()"
                  />
                }
                @if (rowError()?.id === file.id) {
                  <p class="field-error" role="alert">{{ rowError()?.message }}</p>
                }
              </li>
            }
          </ul>
        }
      }

      @if (canUpload()) {
        <div class="upload">
          <input
            #fileInput
            type="file"
            class="cdk-visually-hidden"
            tabindex="-1"
            aria-hidden="true"
            [accept]="accept"
            (change)="uploadChosenFile($event)"
          />
          <button
            mat-stroked-button
            type="button"
            [disabled]="uploading() !== null"
            [attr.aria-describedby]="ids.hint + (fileError() ? ' ' + ids.error : '')"
            (click)="chooseFile()"
          >
            Attach a file
          </button>
          <p class="field-hint" [id]="ids.hint">
            A PDF, PNG or JPEG of the certificate or the verification printout.
          </p>
          @if (uploading(); as progress) {
            <div class="upload__progress">
              <mat-progress-bar
                [mode]="progress.percent === null ? 'indeterminate' : 'determinate'"
                [value]="progress.percent ?? 0"
                [attr.aria-label]="'Uploading ' + progress.name"
              />
              <p>
                Uploading {{ progress.name
                }}{{ progress.percent === null ? '…' : ' (' + progress.percent + '%)' }}
                <button mat-button type="button" (click)="cancelUpload()">Cancel upload</button>
              </p>
            </div>
          }
          @if (fileError(); as message) {
            <p class="field-error" role="alert" [id]="ids.error">{{ message }}</p>
          }
        </div>
      }
    </div>
  `,
  styleUrls: ['../shared/forms.scss', '../shared/record-list.scss'],
  styles: `
    :host {
      display: block;
    }
    .evidence__title {
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }
    .upload {
      margin-top: 12px;
    }
    .upload .field-hint {
      margin-top: 4px;
    }
    .upload__progress p {
      margin: 4px 0 0;
    }
  `,
})
export class EvidenceUpload {
  private readonly api = inject(EvidenceApi);
  private readonly liveAnnouncer = inject(LiveAnnouncer);
  private readonly document = inject(DOCUMENT);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  /** The credential or CE activity whose files these are. */
  readonly target = input.required<EvidenceTarget>();
  /** Visible caption of the group: "Evidence", "Certificate for CCS". */
  readonly label = input('Evidence');
  /** Offer the upload (the member or a manager); the server has the last word either way. */
  readonly canUpload = input(true);
  /** The files after an upload or a delete, so the page can update its `hasEvidence`. */
  readonly filesChanged = output<EvidenceFile[]>();

  protected readonly accept = EVIDENCE_ACCEPT;
  protected readonly ids = (() => {
    const n = nextId++;
    return {
      title: `evidence-title-${n}`,
      hint: `evidence-hint-${n}`,
      error: `evidence-error-${n}`,
    };
  })();

  protected readonly files = createLoader(() => this.api.list(this.target()), 'evidence files');
  protected readonly uploading = signal<UploadProgress | null>(null);
  protected readonly fileError = signal<string | null>(null);
  protected readonly rowError = signal<RowError | null>(null);
  /** deleting a file; its failure shows where a failed download's does */
  protected readonly deletion = new ConfirmedAction(this.rowError);

  private readonly targetKey = computed(() => `${this.target().kind}:${this.target().id}`);
  private upload: Subscription | null = null;

  constructor() {
    effect(() => {
      this.targetKey();
      untracked(() => {
        this.cancelUpload();
        this.fileError.set(null);
        this.rowError.set(null);
        this.deletion.cancel();
        this.files.load();
      });
    });
  }

  protected downloadUrl(file: EvidenceFile): string {
    return evidenceUrl(file.id);
  }

  protected downloadName(file: EvidenceFile): string {
    return downloadName(file);
  }

  protected describe(file: EvidenceFile): string {
    return `${TYPE_LABELS[file.contentType]} · ${formatBytes(file.sizeBytes)} · uploaded ${formatDay(file.uploadedAt)}`;
  }

  protected chooseFile(): void {
    this.fileInput()?.nativeElement.click();
  }

  protected uploadChosenFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) {
      return;
    }
    this.fileError.set(null);
    if (file.size === 0) {
      this.fileError.set('The file is empty. Choose the scanned certificate or its PDF again.');
      return;
    }
    if (!ACCEPTED_NAME.test(file.name)) {
      this.fileError.set('Choose a PDF, PNG or JPEG file.');
      return;
    }
    this.uploading.set({ name: file.name, percent: null });
    this.upload = this.api.upload(this.target(), file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          const percent = event.total ? Math.round((100 * event.loaded) / event.total) : null;
          this.uploading.set({ name: file.name, percent });
        } else if (event.type === HttpEventType.Response && event.body) {
          this.uploading.set(null);
          this.upload = null;
          this.showFiles([...(this.files.value() ?? []), event.body]);
          void this.liveAnnouncer.announce(`${event.body.originalName} attached.`, 'polite');
        }
      },
      error: (error: unknown) => {
        this.uploading.set(null);
        this.upload = null;
        this.fileError.set(uploadErrorMessage(error));
      },
    });
  }

  protected cancelUpload(): void {
    this.upload?.unsubscribe();
    this.upload = null;
    this.uploading.set(null);
  }

  protected downloadFile(event: MouseEvent, file: EvidenceFile): void {
    // The file needs the access token, which a plain link does not send.
    event.preventDefault();
    this.rowError.set(null);
    this.api.download(file.id).subscribe({
      next: (blob) => saveBlob(this.document, blob, downloadName(file)),
      error: (error: unknown) =>
        this.rowError.set({ id: file.id, message: actionErrorMessage(error, 'download the file') }),
    });
  }

  protected deleteFile(file: EvidenceFile): void {
    this.deletion.run(
      file.id,
      this.api.remove(file.id),
      () => {
        this.showFiles((this.files.value() ?? []).filter((item) => item.id !== file.id));
        void this.liveAnnouncer.announce(`${file.originalName} deleted.`, 'polite');
      },
      (error) => actionErrorMessage(error, 'delete the file'),
    );
  }

  private showFiles(files: EvidenceFile[]): void {
    this.files.replace(files);
    this.filesChanged.emit(files);
  }
}

/**
 * The server's refusal of an upload as a sentence under the upload button. Its lines name
 * the field (`file must be a PDF, PNG or JPEG document …`, `file must be at most 10 MB …`).
 */
export function uploadErrorMessage(error: unknown): string {
  if (error instanceof HttpErrorResponse && [400, 409, 413].includes(error.status)) {
    const lines = messageLines(error).filter((line) => /^file\b/.test(line));
    if (lines.length > 0) {
      return lines.map((line) => sentence(`The file ${line.replace(/^file[:\s]*/, '')}`)).join(' ');
    }
    if (error.status === 413) {
      return 'The file is too large.';
    }
  }
  return actionErrorMessage(error, 'upload the file');
}

function actionErrorMessage(error: unknown, action: string): string {
  return serverFormErrors(error, {}, action).general.join(' ');
}

function messageLines(error: HttpErrorResponse): string[] {
  const message: unknown =
    error.error && typeof error.error === 'object'
      ? (error.error as { message?: unknown }).message
      : undefined;
  if (Array.isArray(message)) {
    return message.filter((line): line is string => typeof line === 'string');
  }
  return typeof message === 'string' ? [message] : [];
}

function sentence(text: string): string {
  return /[.!?)]$/.test(text) ? text : `${text}.`;
}

/** The kept name, with the extension of what the file really is when it differs (as the server names it). */
function downloadName(file: EvidenceFile): string {
  const lower = file.originalName.toLowerCase();
  const extensions = EXTENSIONS[file.contentType];
  return extensions.some((extension) => lower.endsWith(extension))
    ? file.originalName
    : `${file.originalName}${extensions[0]}`;
}

function saveBlob(document: Document, blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Long enough for the browser to start the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "820 bytes", "12.4 KB", "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} bytes`;
  }
  if (bytes < 1024 * 1024) {
    return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

function formatDay(timestamp: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(timestamp));
}
