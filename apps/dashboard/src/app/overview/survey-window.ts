import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { IsoDate, SurveyWindowResponse, WindowLapse } from '@him/contracts';
import {
  addMonthsClamped,
  percentInWords,
  requirementLabel,
  type RequirementNames,
} from '@him/domain';
import { createLoader } from '../core/api/loader';
import { SurveyWindowApi } from '../core/api/survey-window-api';
import { DataTable, memberLink, type TableColumn } from '../shared/data-table/data-table';
import { answerableDate } from '../shared/form-validators';
import { LoadStatus } from '../shared/load-status/load-status';
import type { DirectoryNames } from './director-lists-view';

/** A survey comes 18 to 36 months after the last one; the API answers windows up to three years. */
export const MAX_WINDOW_MONTHS = 36;
/** The window shown first: a year from the survey date (or the as-of date). */
export const DEFAULT_WINDOW_MONTHS = 12;

interface LapseRow {
  key: string;
  staffId: string;
  staffName: string;
  what: string;
  lapsesOn: IsoDate;
}

interface FailingRow {
  key: string;
  team: string;
  target: string;
  firstFailingOn: IsoDate;
  fewest: string;
}

/**
 * The unannounced survey: Joint Commission surveys come unannounced, so the director asks about
 * a window, not a day. Shows the lowest figures of [from, to] with the first day each is
 * reached, the coverage targets that fail in it and everything that lapses inside it. Loads its
 * own figures, so the overview only places it.
 */
@Component({
  selector: 'him-survey-window',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    DataTable,
    LoadStatus,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="window-form" [formGroup]="form" (ngSubmit)="showWindow()" novalidate>
      <mat-form-field>
        <mat-label>Window opens</mat-label>
        <input matInput type="date" formControlName="from" required data-testid="window-from" />
        @if (form.controls.from.invalid) {
          <mat-error>Enter a real date.</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>Window closes</mat-label>
        <input matInput type="date" formControlName="to" required data-testid="window-to" />
        @if (form.controls.to.invalid) {
          <mat-error>Enter a real date.</mat-error>
        }
      </mat-form-field>
      <button mat-stroked-button type="submit">Show the window</button>
    </form>
    @if (formMessage(); as message) {
      <p class="field-message" role="alert">{{ message }}</p>
    }
    <him-load-status what="the survey window" [of]="window" />
    @if (answer(); as w) {
      <h3 class="window-heading" data-testid="survey-window-heading">
        Unannounced survey between {{ w.from }} and {{ w.to }}
      </h3>
      <p class="assumption">
        The lowest figures on any day of the window, assuming nobody renews or earns a credential
        and nobody is assessed after {{ w.asOf }}.
      </p>
      <dl class="figures">
        <div>
          <dt>Staff ready, at the lowest</dt>
          <dd>{{ percent(w.staffReadyPct.value) }}</dd>
          <dd class="window-day">from {{ w.staffReadyPct.firstOn }}</dd>
        </div>
        <div>
          <dt>Requirements met, at the lowest</dt>
          <dd>{{ percent(w.requirementsMetPct.value) }}</dd>
          <dd class="window-day">from {{ w.requirementsMetPct.firstOn }}</dd>
        </div>
        <div>
          <dt>Coverage targets met, at the lowest</dt>
          <dd>{{ w.targetsMet.value.met }} of {{ w.targetsMet.value.total }}</dd>
          <dd class="window-day">from {{ w.targetsMet.firstOn }}</dd>
        </div>
      </dl>
      <h4 id="window-failing-heading" class="table-heading">Coverage that fails in the window</h4>
      @if (failingRows().length === 0) {
        <p class="empty-note">Every coverage target is met on every day of the window.</p>
      } @else {
        <him-data-table
          [rows]="failingRows()"
          [columns]="failingColumns"
          [trackBy]="key"
          label="Coverage failing in the survey window table"
          labelledBy="window-failing-heading"
        />
      }
      <h4 id="window-lapses-heading" class="table-heading">What lapses inside the window</h4>
      @if (lapseRows().length === 0) {
        <p class="empty-note">No credential or assessment lapses inside the window.</p>
      } @else {
        <him-data-table
          [rows]="lapseRows()"
          [columns]="lapseColumns"
          [trackBy]="key"
          label="Lapses inside the survey window table"
          labelledBy="window-lapses-heading"
        />
      }
    }
  `,
  styleUrl: './overview-tables.scss',
  styles: `
    .window-form {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: baseline;
    }
    .window-heading {
      margin: 8px 0 4px;
      font: var(--mat-sys-title-large);
    }
    .figures {
      dd.window-day {
        font: var(--mat-sys-body-medium);
      }
    }
    .table-heading {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-medium);
    }
  `,
})
export class SurveyWindow {
  private readonly api = inject(SurveyWindowApi);

  /** the day the figures are known (nothing after it is assumed) */
  readonly asOf = input.required<IsoDate>();
  /** the survey date asked on the overview, if any: the window opens there */
  readonly surveyDate = input<IsoDate | null>(null);
  readonly names = input.required<DirectoryNames>();
  readonly catalog = input.required<RequirementNames>();

  protected readonly form = new FormGroup({
    from: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, answerableDate],
    }),
    to: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, answerableDate],
    }),
  });
  protected readonly formMessage = signal<string | null>(null);
  private readonly asked = signal<{ from: IsoDate; to: IsoDate } | null>(null);
  protected readonly window = createLoader(() => {
    const asked = this.asked() as { from: IsoDate; to: IsoDate };
    return this.api.getSurveyWindow({ asOf: this.asOf(), ...asked });
  }, 'the survey window');
  protected readonly answer = computed((): SurveyWindowResponse | null => {
    const w = this.window.value();
    return w && w.asOf === this.asOf() ? w : null;
  });

  protected readonly percent = percentInWords;

  protected readonly failingRows = computed((): FailingRow[] => {
    const w = this.answer();
    if (!w) return [];
    return w.teams.flatMap((team) =>
      team.targets.map((target, i) => ({
        key: `${team.teamId}:${i}`,
        team: team.name,
        target: `≥ ${target.minHolders} holding ${requirementLabel(target.requirement, this.catalog())}`,
        firstFailingOn: target.firstFailingOn,
        fewest: `${target.fewestHolders} of ${target.minHolders}`,
      })),
    );
  });
  protected readonly lapseRows = computed((): LapseRow[] => {
    const w = this.answer();
    if (!w) return [];
    return w.lapses.map((lapse) => ({
      key: lapseKey(lapse),
      staffId: lapse.staffId,
      staffName: this.names().staff.get(lapse.staffId) ?? 'A member',
      what: this.lapseInWords(lapse),
      lapsesOn: lapse.lapsesOn,
    }));
  });

  protected readonly failingColumns: TableColumn<FailingRow>[] = [
    { key: 'team', header: 'Team', text: (row) => row.team },
    { key: 'target', header: 'Coverage target', text: (row) => row.target },
    { key: 'first', header: 'First failing day', text: (row) => row.firstFailingOn },
    { key: 'fewest', header: 'Fewest holders', numeric: true, text: (row) => row.fewest },
  ];
  protected readonly lapseColumns: TableColumn<LapseRow>[] = [
    { key: 'member', header: 'Member', link: (row) => memberLink(row.staffId, row.staffName) },
    { key: 'what', header: 'What lapses', text: (row) => row.what },
    { key: 'lapsesOn', header: 'No longer counts from', text: (row) => row.lapsesOn },
  ];
  protected readonly key = (row: { key: string }) => row.key;

  constructor() {
    // A new as-of or survey date opens the default window there.
    effect(() => {
      const from = this.surveyDate() ?? this.asOf();
      untracked(() => {
        this.form.setValue({ from, to: addMonthsClamped(from, DEFAULT_WINDOW_MONTHS) });
        this.showWindow();
      });
    });
  }

  protected showWindow(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const { from, to } = this.form.getRawValue();
    const problem =
      from < this.asOf()
        ? `The window cannot open before ${this.asOf()}, the day the figures are known.`
        : to < from
          ? 'The window must close on or after the day it opens.'
          : to > addMonthsClamped(from, MAX_WINDOW_MONTHS)
            ? 'A window can last at most three years.'
            : null;
    this.formMessage.set(problem);
    if (problem) return;
    this.asked.set({ from, to });
    this.window.load();
  }

  private lapseInWords(lapse: WindowLapse): string {
    const catalog = this.catalog();
    if (lapse.kind === 'credential') {
      const code = catalog.credentialTypeCodes.get(lapse.credentialTypeId) ?? 'Credential';
      return lapse.revokedOn !== null && lapse.revokedOn === lapse.lapsesOn
        ? `${code} credential (revoked)`
        : `${code} credential (expires ${lapse.expiresOn})`;
    }
    const skill = catalog.skillNames.get(lapse.skillId) ?? 'Skill';
    return `${skill} assessment of ${lapse.assessedOn} (counts through ${lapse.dueBy})`;
  }
}

function lapseKey(lapse: WindowLapse): string {
  return lapse.kind === 'credential'
    ? `credential:${lapse.credentialId}`
    : `assessment:${lapse.staffId}:${lapse.skillId}`;
}
