import { LiveAnnouncer } from '@angular/cdk/a11y';
import { HttpErrorResponse } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  IMPORT_COLUMNS,
  type ImportFileFormat,
  type ImportKind,
  type ImportMode,
  type ImportResult,
} from '@him/contracts';
import { httpErrorMessage } from '../core/api/http-error-message';
import { AuthService } from '../core/auth/auth.service';
import { ImportApi } from './import-api';
import { ImportResultView } from './import-result-view';
import { SAVE_FILE } from '../core/save-file';

export const IMPORT_KIND_OPTIONS: readonly {
  kind: ImportKind;
  label: string;
  /** a role's requirements are the catalog's: only admins edit (and import) them */
  adminOnly?: boolean;
}[] = [
  { kind: 'staff', label: 'Staff' },
  { kind: 'credentials', label: 'Credentials' },
  { kind: 'ce-activities', label: 'CE activities' },
  { kind: 'assessments', label: 'Skill assessments' },
  { kind: 'role-requirements', label: 'Role requirements', adminOnly: true },
];

type Phase = 'idle' | 'checking' | 'importing' | 'downloading';

/**
 * Bulk import for admins and managers: choose what to import, get a template, check a file
 * (a dry run writes nothing) and, when no row has a problem, import it: all rows or none.
 */
@Component({
  selector: 'him-import-page',
  imports: [MatButtonModule, MatButtonToggleModule, MatProgressBarModule, ImportResultView],
  templateUrl: './import-page.html',
  styleUrl: './import-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPage {
  private readonly importApi = inject(ImportApi);
  private readonly liveAnnouncer = inject(LiveAnnouncer);
  private readonly saveFile = inject(SAVE_FILE);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly resultHeading = viewChild<ElementRef<HTMLElement>>('resultHeading');

  private readonly isAdmin = inject(AuthService).user()?.role === 'admin';
  protected readonly kinds = IMPORT_KIND_OPTIONS.filter(
    (option) => this.isAdmin || !option.adminOnly,
  );
  protected readonly kind = signal<ImportKind>('staff');
  protected readonly file = signal<File | null>(null);
  protected readonly phase = signal<Phase>('idle');
  /** the last dry run of the chosen file (or a refused commit, which answers the same way) */
  protected readonly checked = signal<ImportResult | null>(null);
  protected readonly imported = signal<ImportResult | null>(null);
  protected readonly failure = signal<string | null>(null);
  protected readonly templateFailure = signal<string | null>(null);

  protected readonly columns = computed(() => IMPORT_COLUMNS[this.kind()]);
  protected readonly kindLabel = computed(
    () => this.kinds.find((k) => k.kind === this.kind())?.label ?? '',
  );
  protected readonly busy = computed(() => this.phase() !== 'idle');
  /** Importing needs a dry run of this very file without a single problem. */
  protected readonly canImport = computed(() => {
    const result = this.checked();
    return (
      !this.busy() &&
      this.file() !== null &&
      result !== null &&
      result.mode === 'dry-run' &&
      result.errorCount === 0 &&
      result.rows > 0
    );
  });
  protected readonly progressLabel = computed(
    () =>
      ({
        idle: '',
        checking: 'Checking the file',
        importing: 'Importing',
        downloading: 'Downloading the template',
      })[this.phase()],
  );

  protected chooseKind(kind: ImportKind): void {
    if (kind === this.kind()) {
      return;
    }
    this.kind.set(kind);
    this.clearResults();
  }

  protected chooseFile(input: HTMLInputElement): void {
    const chosen = input.files?.item(0) ?? null;
    // Cleared, so that choosing the same file again (after fixing it) is noticed.
    input.value = '';
    if (!chosen) {
      return;
    }
    this.file.set(chosen);
    this.clearResults();
  }

  protected downloadTemplate(format: ImportFileFormat): void {
    this.templateFailure.set(null);
    this.phase.set('downloading');
    this.importApi
      .downloadTemplate(this.kind(), format)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ blob, fileName }) => {
          this.phase.set('idle');
          this.saveFile(blob, fileName);
        },
        error: (error: unknown) => {
          this.phase.set('idle');
          this.templateFailure.set(httpErrorMessage(error, 'the template'));
        },
      });
  }

  protected checkFile(): void {
    this.run('dry-run');
  }

  protected importFile(): void {
    if (this.canImport()) {
      this.run('commit');
    }
  }

  protected startOver(): void {
    this.file.set(null);
    this.clearResults();
  }

  protected fileSize(file: File): string {
    return file.size < 1024 * 1024
      ? `${Math.max(1, Math.round(file.size / 1024))} KB`
      : `${(file.size / (1024 * 1024)).toFixed(1)} MB`;
  }

  private run(mode: ImportMode): void {
    const file = this.file();
    if (!file) {
      return;
    }
    this.failure.set(null);
    this.imported.set(null);
    this.phase.set(mode === 'dry-run' ? 'checking' : 'importing');
    this.importApi
      .importFile(this.kind(), mode, file)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.phase.set('idle');
          if (mode === 'dry-run') {
            this.checked.set(result);
            this.announce(dryRunSummary(result), result.errorCount > 0);
          } else {
            this.checked.set(null);
            this.imported.set(result);
            this.announce(importSummary(result), false);
          }
        },
        error: (error: unknown) => {
          this.phase.set('idle');
          const refused = refusedImport(error);
          if (refused) {
            // The data changed since the dry run: the commit found problems and wrote nothing.
            this.checked.set(refused);
            this.failure.set(
              'Nothing was imported: some rows have problems now (the records may have changed since the dry run). Fix them and check the file again.',
            );
          } else {
            this.checked.set(null);
            this.failure.set(importFailure(error));
          }
          this.announce(this.failure() ?? '', true);
        },
      });
  }

  private clearResults(): void {
    this.checked.set(null);
    this.imported.set(null);
    this.failure.set(null);
  }

  private announce(message: string, assertive: boolean): void {
    void this.liveAnnouncer.announce(message, assertive ? 'assertive' : 'polite');
    // Keyboard and screen-reader users continue at the result rather than at the button.
    afterNextRender(() => this.resultHeading()?.nativeElement.focus(), {
      injector: this.injector,
    });
  }
}

export function dryRunSummary(result: ImportResult): string {
  const changes = `${result.create} to create, ${result.update} to update, ${result.unchanged} unchanged`;
  return result.errorCount === 0
    ? `Dry run finished: no problems in ${result.rows} rows; ${changes}.`
    : `Dry run finished: ${result.errorCount} ${
        result.errorCount === 1 ? 'problem' : 'problems'
      } in ${result.rows} rows. Nothing can be imported until they are fixed.`;
}

export function importSummary(result: ImportResult): string {
  return `Imported ${result.fileName}: ${result.create} created, ${result.update} updated, ${result.unchanged} unchanged.`;
}

/** A refused commit answers 400 with the import's own answer (its problems by line). */
function refusedImport(error: unknown): ImportResult | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 400) {
    return null;
  }
  const body = error.error as Partial<ImportResult> | null;
  return body && Array.isArray(body.errors) && typeof body.kind === 'string'
    ? (body as ImportResult)
    : null;
}

function importFailure(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    const lines = messageLines(error.error);
    switch (error.status) {
      case 400:
        return `The file could not be read. ${lines || 'Check that it is a CSV (UTF-8) or XLSX file with the template’s header row.'}`;
      case 409:
        return `Nothing was imported: ${lines || 'some records were changed by someone else at the same time.'} Check the file again and retry.`;
      case 413:
        return `The file is too large. ${lines}`.trim();
    }
  }
  return httpErrorMessage(error, 'the import');
}

/** `message` lines of an API error, without the "file: " prefix the API puts on file problems. */
function messageLines(body: unknown): string {
  const message = (body as { message?: unknown } | null)?.message;
  const lines = Array.isArray(message) ? message : typeof message === 'string' ? [message] : [];
  return lines
    .map((line) => String(line).replace(/^file: /, ''))
    .map((line) => (/[.!?]$/.test(line) ? line : `${line}.`))
    .map((line) => line.charAt(0).toUpperCase() + line.slice(1))
    .join(' ');
}
