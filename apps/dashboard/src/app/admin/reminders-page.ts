import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  REMINDER_KINDS,
  type CredentialType,
  type FailingAddress,
  type NoticeLogEntry,
  type ReminderSettings,
  type User,
} from '@him/contracts';
import { AdminApi } from '../core/api/admin-api';
import { CatalogApi } from '../core/catalog/catalog-api';
import { KIND_LABELS, NotificationsApi } from '../notifications/notifications-api';
import { WebhooksSection } from './webhooks-section';

type LeadKind = 'expiring' | 'stateEnding' | 'ceBehind' | 'ceAtRisk';

/** Lead times as people type them: "90, 60, 30, 7"; null when it is not a list of whole days in range. */
export function parseLeadDays(text: string, low: number, high: number): number[] | null {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 8) return null;
  const days = parts.map(Number);
  if (days.some((d) => !Number.isInteger(d) || d < low || d > high)) return null;
  if (new Set(days).size !== days.length) return null;
  return days.sort((a, b) => b - a);
}

const LEAD_FIELDS: { kind: LeadKind; label: string; low: number; high: number; hint: string }[] = [
  {
    kind: 'expiring',
    label: 'Credential expiring',
    low: 1,
    high: 730,
    hint: 'days before the expiry date',
  },
  {
    kind: 'stateEnding',
    label: 'Reinstatement period ending',
    low: 1,
    high: 365,
    hint: 'days before an inactive or grace period ends',
  },
  {
    kind: 'ceBehind',
    label: 'CE behind its pace',
    low: 91,
    high: 730,
    hint: 'days before the cycle ends (more than 90)',
  },
  {
    kind: 'ceAtRisk',
    label: 'CE at risk',
    low: 1,
    high: 90,
    hint: 'days before the cycle ends (90 or fewer)',
  },
];

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Reminder settings (lead times, kinds, per-credential-type lead times, digest) and every notice sent. */
@Component({
  selector: 'him-reminders-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    WebhooksSection,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>Reminders</h2>
    @if (settings(); as current) {
      <form
        [formGroup]="form"
        (ngSubmit)="saveSettings(current)"
        class="settings"
        aria-label="Reminder settings"
      >
        @for (field of leadFields; track field.kind) {
          <fieldset>
            <legend>{{ field.label }}</legend>
            <mat-checkbox [formControlName]="field.kind + 'On'">Send</mat-checkbox>
            <mat-form-field>
              <mat-label>{{ field.label }}: lead times</mat-label>
              <input
                matInput
                [formControlName]="field.kind"
                [attr.aria-describedby]="field.kind + '-hint'"
              />
              <mat-hint [id]="field.kind + '-hint'">{{ field.hint }}, e.g. 30, 7</mat-hint>
            </mat-form-field>
          </fieldset>
        }
        <fieldset>
          <legend>Other reminders</legend>
          <mat-checkbox formControlName="lapsedOn">The day after a credential lapsed</mat-checkbox>
          <mat-checkbox formControlName="rejectedOn"
            >A CE activity was not approved (to its holder)</mat-checkbox
          >
          <mat-checkbox formControlName="reviewOn">CE activities waiting for review</mat-checkbox>
          <mat-form-field>
            <mat-label>Waiting for review more than (days)</mat-label>
            <input matInput type="number" min="1" max="90" formControlName="reviewDays" />
          </mat-form-field>
        </fieldset>
        <fieldset>
          <legend>Weekly digest for managers and admins</legend>
          <mat-checkbox formControlName="digestOn">Send the weekly digest</mat-checkbox>
          <mat-form-field>
            <mat-label>Day</mat-label>
            <mat-select formControlName="digestWeekday">
              @for (day of weekdays; track $index) {
                <mat-option [value]="$index + 1">{{ day }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Hour (department time zone)</mat-label>
            <mat-select formControlName="digestHour">
              @for (hour of hours; track hour) {
                <mat-option [value]="hour">{{ hour }}:00</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </fieldset>
        <fieldset>
          <legend>Credential types with their own expiry lead times</legend>
          @for (o of overrides(); track o.credentialTypeId) {
            <p>
              {{ typeCode(o.credentialTypeId) }}: {{ o.leadDays.join(', ') }} days
              <button mat-button type="button" (click)="removeOverride(o.credentialTypeId)">
                Remove<span class="cdk-visually-hidden"> {{ typeCode(o.credentialTypeId) }}</span>
              </button>
            </p>
          }
          <mat-form-field>
            <mat-label>Credential type</mat-label>
            <mat-select formControlName="overrideType">
              @for (t of types(); track t.id) {
                <mat-option [value]="t.id">{{ t.code }} — {{ t.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Its lead times</mat-label>
            <input matInput formControlName="overrideDays" />
            <mat-hint>days before expiry, e.g. 120, 60, 14</mat-hint>
          </mat-form-field>
          <button mat-stroked-button type="button" (click)="addOverride()">Add</button>
        </fieldset>
        <div class="actions">
          <button mat-flat-button type="submit">Save reminder settings</button>
          <p role="status">{{ status() }}</p>
        </div>
      </form>
    } @else {
      <p>Loading reminder settings…</p>
    }

    <him-webhooks-section />

    <section aria-labelledby="sent-heading">
      <h2 id="sent-heading">Notices sent</h2>
      <form [formGroup]="filter" class="filters" aria-label="Filter notices sent">
        <mat-form-field>
          <mat-label>Person</mat-label>
          <mat-select formControlName="userId" (selectionChange)="loadLog()">
            <mat-option value="">Everyone</mat-option>
            @for (u of users(); track u.id) {
              <mat-option [value]="u.id">{{ u.email }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Kind</mat-label>
          <mat-select formControlName="kind" (selectionChange)="loadLog()">
            <mat-option value="">Every kind</mat-option>
            @for (kind of kinds; track kind) {
              <mat-option [value]="kind">{{ kindLabel(kind) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </form>
      <p>
        {{ logTotal() }} sent{{
          logTotal() > log().length ? ', the latest ' + log().length + ' shown' : ''
        }}.
      </p>
      <div class="table-scroll">
        <table class="log">
          <caption class="cdk-visually-hidden">
            Notices sent: to whom, what, when, channel, result and attempts
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">To</th>
              <th scope="col">What</th>
              <th scope="col">Channel</th>
              <th scope="col">Result</th>
              <th scope="col">Attempts</th>
            </tr>
          </thead>
          <tbody>
            @for (e of log(); track $index) {
              <tr>
                <td>{{ e.createdAt | date: 'medium' }}</td>
                <td>{{ e.recipient.label }}</td>
                <td>{{ what(e) }}</td>
                <td>{{ e.channel }}</td>
                <td>
                  {{ e.result }}
                  @if (e.lastError) {
                    ({{ e.lastError }})
                  }
                </td>
                <td>{{ e.attempts }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      <h2>Failing addresses</h2>
      @if (failing().length === 0) {
        <p>No address fails.</p>
      } @else {
        <ul>
          @for (f of failing(); track f.id) {
            <li>
              {{ f.channel === 'email' ? 'E-mail' : 'Webhook' }} {{ f.address }}: {{ f.reason }} ({{
                f.failures
              }}
              failures, last {{ f.lastFailedAt | date: 'medium' }})
              <button mat-button type="button" (click)="clearFailing(f)">
                Clear<span class="cdk-visually-hidden"> {{ f.address }}</span>
              </button>
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    fieldset {
      border: 1px solid #c4c7c5;
      border-radius: 8px;
      margin: 0 0 16px;
      padding: 8px 16px;
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
      align-items: center;
    }
    legend {
      font-weight: 600;
    }
    .actions,
    .filters {
      display: flex;
      gap: 16px;
      align-items: center;
      flex-wrap: wrap;
    }
    .table-scroll {
      overflow-x: auto;
    }
    .log {
      border-collapse: collapse;
      width: 100%;
    }
    .log th,
    .log td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid #e0e0e0;
      vertical-align: top;
    }
  `,
})
export class RemindersPage implements OnInit {
  private readonly api = inject(NotificationsApi);
  private readonly admin = inject(AdminApi);
  private readonly catalog = inject(CatalogApi);

  protected readonly leadFields = LEAD_FIELDS;
  protected readonly weekdays = WEEKDAYS;
  protected readonly hours = Array.from({ length: 24 }, (_, i) => i);
  protected readonly kinds = REMINDER_KINDS;
  protected readonly settings = signal<ReminderSettings | null>(null);
  protected readonly overrides = signal<ReminderSettings['credentialTypeLeadDays']>([]);
  protected readonly types = signal<CredentialType[]>([]);
  protected readonly users = signal<User[]>([]);
  protected readonly log = signal<NoticeLogEntry[]>([]);
  protected readonly logTotal = signal(0);
  protected readonly failing = signal<FailingAddress[]>([]);
  protected readonly status = signal('');

  protected readonly form = new FormGroup({
    expiring: new FormControl('', { nonNullable: true }),
    expiringOn: new FormControl(true, { nonNullable: true }),
    stateEnding: new FormControl('', { nonNullable: true }),
    stateEndingOn: new FormControl(true, { nonNullable: true }),
    ceBehind: new FormControl('', { nonNullable: true }),
    ceBehindOn: new FormControl(true, { nonNullable: true }),
    ceAtRisk: new FormControl('', { nonNullable: true }),
    ceAtRiskOn: new FormControl(true, { nonNullable: true }),
    lapsedOn: new FormControl(true, { nonNullable: true }),
    rejectedOn: new FormControl(true, { nonNullable: true }),
    reviewOn: new FormControl(true, { nonNullable: true }),
    reviewDays: new FormControl(7, { nonNullable: true }),
    digestOn: new FormControl(true, { nonNullable: true }),
    digestWeekday: new FormControl(1, { nonNullable: true }),
    digestHour: new FormControl(8, { nonNullable: true }),
    overrideType: new FormControl('', { nonNullable: true }),
    overrideDays: new FormControl('', { nonNullable: true }),
  });
  protected readonly filter = new FormGroup({
    userId: new FormControl('', { nonNullable: true }),
    kind: new FormControl('', { nonNullable: true }),
  });

  ngOnInit(): void {
    this.api.settings().subscribe((s) => this.show(s));
    this.catalog.credentialTypes().subscribe((t) => this.types.set(t));
    this.admin.listUsers().subscribe((u) => this.users.set(u));
    this.loadLog();
    this.api.failing().subscribe((f) => this.failing.set(f));
  }

  protected kindLabel(kind: string): string {
    return KIND_LABELS[kind as keyof typeof KIND_LABELS] ?? kind;
  }

  /** The notice's title under its kind, without saying the kind twice ("Weekly digest: Weekly digest: …"). */
  protected what(e: NoticeLogEntry): string {
    const kind = this.kindLabel(e.kind);
    return e.title.startsWith(kind) ? e.title : `${kind}: ${e.title}`;
  }

  protected typeCode(id: string): string {
    return this.types().find((t) => t.id === id)?.code ?? 'Credential type';
  }

  protected addOverride(): void {
    const { overrideType, overrideDays } = this.form.getRawValue();
    const days = parseLeadDays(overrideDays, 1, 730);
    if (!overrideType || days === null) {
      this.status.set(
        'Choose a credential type and type its lead times: whole days from 1 to 730, each once.',
      );
      return;
    }
    this.overrides.update((list) => [
      ...list.filter((o) => o.credentialTypeId !== overrideType),
      { credentialTypeId: overrideType, leadDays: days },
    ]);
    this.form.patchValue({ overrideType: '', overrideDays: '' });
  }

  protected removeOverride(id: string): void {
    this.overrides.update((list) => list.filter((o) => o.credentialTypeId !== id));
  }

  protected saveSettings(current: ReminderSettings): void {
    const v = this.form.getRawValue();
    const lead: Partial<Record<LeadKind, number[]>> = {};
    for (const field of LEAD_FIELDS) {
      const days = parseLeadDays(v[field.kind], field.low, field.high);
      if (days === null) {
        this.status.set(
          `${field.label}: lead times must be whole days from ${field.low} to ${field.high}, each once, at most 8.`,
        );
        return;
      }
      lead[field.kind] = days;
    }
    this.api
      .saveSettings({
        version: current.version,
        expiring: { enabled: v.expiringOn, leadDays: lead.expiring as number[] },
        stateEnding: { enabled: v.stateEndingOn, leadDays: lead.stateEnding as number[] },
        ceBehind: { enabled: v.ceBehindOn, leadDays: lead.ceBehind as number[] },
        ceAtRisk: { enabled: v.ceAtRiskOn, leadDays: lead.ceAtRisk as number[] },
        lapsed: { enabled: v.lapsedOn },
        rejected: { enabled: v.rejectedOn },
        reviewWaiting: { enabled: v.reviewOn, afterDays: Number(v.reviewDays) },
        digest: { enabled: v.digestOn, weekday: v.digestWeekday, hour: v.digestHour },
        credentialTypeLeadDays: this.overrides(),
      })
      .subscribe({
        next: (saved) => {
          this.show(saved);
          this.status.set('Reminder settings saved.');
        },
        error: (e: { error?: { message?: string[] } }) =>
          this.status.set(`Not saved: ${(e.error?.message ?? ['try again']).join('; ')}`),
      });
  }

  protected loadLog(): void {
    this.api.log(this.filter.getRawValue()).subscribe((page) => {
      this.log.set(page.items);
      this.logTotal.set(page.total);
    });
  }

  protected clearFailing(f: FailingAddress): void {
    this.api.clearFailing(f.id).subscribe(() => {
      this.failing.update((list) => list.filter((x) => x.id !== f.id));
      this.status.set(`${f.address} cleared: deliveries to it go again.`);
    });
  }

  private show(s: ReminderSettings): void {
    this.settings.set(s);
    this.overrides.set(s.credentialTypeLeadDays);
    this.form.patchValue({
      expiring: s.expiring.leadDays.join(', '),
      expiringOn: s.expiring.enabled,
      stateEnding: s.stateEnding.leadDays.join(', '),
      stateEndingOn: s.stateEnding.enabled,
      ceBehind: s.ceBehind.leadDays.join(', '),
      ceBehindOn: s.ceBehind.enabled,
      ceAtRisk: s.ceAtRisk.leadDays.join(', '),
      ceAtRiskOn: s.ceAtRisk.enabled,
      lapsedOn: s.lapsed.enabled,
      rejectedOn: s.rejected.enabled,
      reviewOn: s.reviewWaiting.enabled,
      reviewDays: s.reviewWaiting.afterDays,
      digestOn: s.digest.enabled,
      digestWeekday: s.digest.weekday,
      digestHour: s.digest.hour,
    });
  }
}
