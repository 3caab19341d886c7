import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { AuditEvent } from '@him/contracts';
import { auditDiff, verificationMethodInWords } from '@him/domain';

/** Bookkeeping and ids that say nothing to a reader of the trail. */
const IGNORED_KEYS = ['id', 'version', 'staffId', 'departmentId', 'hasEvidence', 'createdAt'];

/** Actions in words; an action added to the API later reads as its own name. */
const ACTION_WORDS: Partial<Record<AuditEvent['action'], string>> = {
  create: 'added',
  update: 'changed',
  delete: 'deleted',
  revoke: 'revoked',
  review: 'reviewed',
  login: 'signed in',
};

const ENTITY_WORDS: Record<string, string> = {
  staff: 'Staff record',
  credential: 'Credential',
  ce_activity: 'CE activity',
  assessment: 'Assessment',
  evidence_file: 'Evidence file',
};

const FIELD_WORDS: Record<string, string> = {
  credentialTypeId: 'type',
  issuedOn: 'issued on',
  expiresOn: 'expires on',
  revokedOn: 'revoked on',
  revokedReason: 'revocation reason',
  roleId: 'role',
  teamId: 'team',
  hireDate: 'hire date',
  employeeId: 'employee id',
};

interface AuditRow {
  id: string;
  when: string;
  title: string;
  who: string;
  changes: string[];
  note: string | null;
}

/** R16: who changed what, when and why, for a member's records, newest first. */
@Component({
  selector: 'him-audit-trail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="empty-note">No changes recorded yet.</p>
    } @else {
      <ul class="record-list">
        @for (row of rows(); track row.id) {
          <li class="record">
            <span class="record__title">{{ row.title }}</span>
            <p class="record__details">{{ row.when }} · by {{ row.who }}</p>
            @if (row.changes.length > 0) {
              <ul class="changes">
                @for (change of row.changes; track change) {
                  <li>{{ change }}</li>
                }
              </ul>
            }
            @if (row.note) {
              <p class="record__details">Why: {{ row.note }}</p>
            }
          </li>
        }
      </ul>
    }
  `,
  styleUrl: '../shared/record-list.scss',
  styles: `
    .changes {
      margin: 4px 0 0;
      padding-left: 20px;
      font: var(--mat-sys-body-medium);
      overflow-wrap: anywhere;
    }
  `,
})
export class AuditTrail {
  readonly events = input.required<AuditEvent[]>();
  /** record id → what to call it ("CCS credential") */
  readonly recordNames = input<ReadonlyMap<string, string>>(new Map());
  /** IANA zone the times are shown in (the department's) */
  readonly timeZone = input<string | undefined>(undefined);

  protected readonly rows = computed<AuditRow[]>(() => {
    const names = this.recordNames();
    const format = timestampFormat(this.timeZone());
    return this.events().map((event) => {
      const record = names.get(event.entityId) ?? ENTITY_WORDS[event.entity] ?? event.entity;
      return {
        id: event.id,
        when: formatInstant(event.at, format),
        title: `${record} ${ACTION_WORDS[event.action] ?? event.action}`,
        who: event.userEmail ?? 'the system',
        changes:
          event.action === 'update' || event.action === 'revoke' || event.action === 'review'
            ? changeLines(event.before, event.after)
            : [],
        note: event.note,
      };
    });
  });
}

function changeLines(before: unknown, after: unknown): string[] {
  const asObject = (value: unknown) =>
    value && typeof value === 'object' ? (value as object) : null;
  const diff = auditDiff(asObject(before), asObject(after), { ignore: IGNORED_KEYS });
  return diff.changedKeys.map(
    (key) =>
      `${FIELD_WORDS[key] ?? key}: ${describe(diff.before?.[key])} → ${describe(diff.after?.[key])}`,
  );
}

function describe(value: unknown): string {
  if (value === null || value === undefined || value === '') {
    return 'none';
  }
  if (typeof value === 'object') {
    const verification = value as { method?: unknown; verifiedOn?: unknown };
    if (typeof verification.method === 'string' && typeof verification.verifiedOn === 'string') {
      return `${verificationMethodInWords(verification.method)} on ${verification.verifiedOn}`;
    }
    return Array.isArray(value) ? value.map(describe).join(', ') || 'none' : JSON.stringify(value);
  }
  return String(value);
}

function timestampFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(timeZone ? { timeZone } : {}),
    });
  } catch {
    return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
  }
}

function formatInstant(at: string, format: Intl.DateTimeFormat): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : format.format(date);
}
