import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { Credential, CredentialType, EvidenceFile, IsoDate } from '@him/contracts';
import { afterLapseInWords, sentenceCase } from '@him/domain';
import { RecordEvidence } from '../../evidence/record-evidence';
import { type StatusBadge, StatusChip } from '../status/status-chip';
import {
  credentialBadges,
  credentialStatus,
  credentialTypeLabel,
  verificationText,
} from './credential-status';

interface CredentialRow {
  credential: Credential;
  title: string;
  badges: StatusBadge[];
  facts: { term: string; value: string }[];
  revoked: boolean;
  /** the type's code, "CCS" */
  code: string;
}

const STATUS_ORDER = ['expiring', 'current', 'not-yet-valid', 'expired', 'revoked'];

/**
 * A member's credentials with their status on `asOf` as chips, dates, number and
 * verification; with `manageable`, Edit and Revoke buttons (revoked ones keep their history
 * and cannot be changed); with `showEvidence`, each credential's evidence files (attach to
 * those not revoked), and `evidenceChanged` with the credential's new `hasEvidence`.
 */
@Component({
  selector: 'him-credential-list',
  imports: [MatButtonModule, RecordEvidence, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="empty-note">{{ emptyText() }}</p>
    } @else {
      <ul class="record-list">
        @for (row of rows(); track row.credential.id) {
          <li class="record" [attr.data-credential]="row.credential.id">
            <div class="record__head">
              <span class="record__title">{{ row.title }}</span>
              <span class="record__chips">
                @for (badge of row.badges; track badge.label) {
                  <him-status-chip [badge]="badge" />
                }
              </span>
            </div>
            <dl class="facts">
              @for (fact of row.facts; track fact.term) {
                <div>
                  <dt>{{ fact.term }}:</dt>
                  &ngsp;
                  <dd>{{ fact.value }}</dd>
                </div>
              }
            </dl>
            @if (manageable() && !row.revoked) {
              <div class="record__actions">
                <button
                  mat-stroked-button
                  type="button"
                  [attr.aria-label]="'Edit ' + row.title"
                  (click)="edit.emit(row.credential)"
                >
                  Edit
                </button>
                <button
                  mat-stroked-button
                  type="button"
                  [attr.aria-label]="'Revoke ' + row.title"
                  (click)="revoke.emit(row.credential)"
                >
                  Revoke
                </button>
              </div>
            }
            @if (showEvidence()) {
              <him-record-evidence
                class="record__evidence"
                [target]="{ kind: 'credential', id: row.credential.id }"
                [hasEvidence]="row.credential.hasEvidence"
                [label]="'Evidence for ' + row.code"
                [recordName]="row.code"
                [canUpload]="canUploadEvidence() && !row.revoked"
                (filesChanged)="showEvidenceChange(row.credential, $event)"
              />
            }
          </li>
        }
      </ul>
    }
  `,
  styleUrl: '../record-list.scss',
  styles: `
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 20px;
      margin: 8px 0 0;
      font: var(--mat-sys-body-medium);
      dt {
        display: inline;
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        display: inline;
        margin: 0;
      }
    }
  `,
})
export class CredentialList {
  readonly credentials = input.required<Credential[]>();
  readonly credentialTypes = input.required<ReadonlyMap<string, CredentialType>>();
  readonly asOf = input.required<IsoDate>();
  readonly warningDays = input.required<number>();
  readonly manageable = input(false);
  /** Show each credential's evidence files, with an upload (off where no one needs them). */
  readonly showEvidence = input(false);
  /** May the viewer attach evidence (false: the files are shown, not added)? */
  readonly canUploadEvidence = input(true);
  readonly emptyText = input('No credentials on record.');

  readonly edit = output<Credential>();
  readonly revoke = output<Credential>();
  /** The credential with its `hasEvidence` after a file was attached or deleted. */
  readonly evidenceChanged = output<Credential>();

  protected readonly rows = computed<CredentialRow[]>(() => {
    const asOf = this.asOf();
    const warningDays = this.warningDays();
    const types = this.credentialTypes();
    return this.credentials()
      .map((credential) => ({
        credential,
        status: credentialStatus(credential, asOf, warningDays),
      }))
      .sort(
        (a, b) =>
          STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
          (a.credential.expiresOn ?? '9999').localeCompare(b.credential.expiresOn ?? '9999'),
      )
      .map(({ credential, status }) => {
        const type = credentialTypeLabel(credential.credentialTypeId, types);
        const facts = [
          { term: 'Number', value: credential.number ?? 'Not recorded' },
          { term: 'Issued', value: credential.issuedOn },
          { term: 'Expires', value: credential.expiresOn ?? 'Does not expire' },
          { term: 'Verification', value: verificationText(credential) },
        ];
        if (status === 'expired' && credential.afterLapse) {
          // the issuing body's state today: "Expired — inactive until 2027-05-30, can still be reinstated"
          facts.push({
            term: 'With the issuing body',
            value: sentenceCase(afterLapseInWords(credential.afterLapse)),
          });
        }
        if (credential.revokedOn) {
          facts.push({
            term: 'Revoked',
            value: credential.revokedReason
              ? `${credential.revokedOn}: ${credential.revokedReason}`
              : credential.revokedOn,
          });
        }
        return {
          credential,
          title: type.name
            ? `${type.code} — ${type.name}${type.issuingBody ? ` (${type.issuingBody})` : ''}`
            : type.code,
          badges: credentialBadges(credential, asOf, warningDays),
          facts,
          revoked: credential.revokedOn !== null,
          code: type.code,
        };
      });
  });

  protected showEvidenceChange(credential: Credential, files: EvidenceFile[]): void {
    const hasEvidence = files.length > 0;
    if (credential.hasEvidence !== hasEvidence) {
      this.evidenceChanged.emit({ ...credential, hasEvidence });
    }
  }
}
