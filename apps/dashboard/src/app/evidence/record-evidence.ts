import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { EvidenceFile, EvidenceTarget } from '@him/contracts';
import { EvidenceUpload } from './evidence-upload';

let nextId = 0;

/**
 * The evidence of one record in a list (a credential, a CE activity): whether files are
 * attached, from the record's `hasEvidence`, and a button that opens `<him-evidence-upload>`
 * with the files and the upload. Closed, it asks the server nothing, so a long list costs
 * no request per record.
 */
@Component({
  selector: 'him-record-evidence',
  imports: [MatButtonModule, EvidenceUpload],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="record-evidence__bar">
      @if (!open()) {
        <span class="record-evidence__state">{{ stateText() }}</span>
      }
      <button
        mat-button
        type="button"
        [attr.aria-expanded]="open()"
        [attr.aria-controls]="open() ? panelId : null"
        [attr.aria-label]="buttonText() + ' for ' + recordName()"
        (click)="toggle()"
      >
        {{ buttonText() }}
      </button>
    </div>
    @if (open()) {
      <him-evidence-upload
        [attr.id]="panelId"
        [target]="target()"
        [label]="label()"
        [canUpload]="canUpload()"
        (filesChanged)="filesChanged.emit($event)"
      />
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .record-evidence__bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 4px 8px;
    }
    .record-evidence__state {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    him-evidence-upload {
      margin-top: 8px;
    }
  `,
})
export class RecordEvidence {
  readonly target = input.required<EvidenceTarget>();
  /** the record's `hasEvidence` */
  readonly hasEvidence = input.required<boolean>();
  /** what the files are, capitalised: "Evidence", "Certificate" */
  readonly noun = input('Evidence');
  /** caption of the open panel: "Evidence for CCS" */
  readonly label = input('Evidence');
  /** the record, in the button's accessible name: "Show evidence for CCS" */
  readonly recordName = input.required<string>();
  readonly canUpload = input(true);
  /** the files after an upload or a delete */
  readonly filesChanged = output<EvidenceFile[]>();

  protected readonly panelId = `record-evidence-${nextId++}`;
  protected readonly open = signal(false);
  protected readonly stateText = computed(() =>
    this.hasEvidence() ? `${this.noun()} attached` : `No ${this.noun().toLowerCase()} attached`,
  );
  protected readonly buttonText = computed(() => {
    const noun = this.noun().toLowerCase();
    if (this.open()) {
      return `Hide ${noun}`;
    }
    return this.hasEvidence() || !this.canUpload() ? `Show ${noun}` : `Add ${noun}`;
  });

  protected toggle(): void {
    this.open.update((open) => !open);
  }
}
