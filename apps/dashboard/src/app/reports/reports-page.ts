import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute } from '@angular/router';
import { isIsoDate } from '@him/domain';
import { DatePaste } from '../shared/date-paste/date-paste';
import type {
  ComplianceReportQuery,
  IsoDate,
  ReportFormat,
  ReportPaperSize,
  Staff,
} from '@him/contracts';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  filter,
  forkJoin,
  map,
  of,
  switchMap,
} from 'rxjs';
import { httpErrorMessage } from '../core/api/http-error-message';
import { createLoader } from '../core/api/loader';
import { StaffApi } from '../core/api/staff-api';
import { AuthService } from '../core/auth/auth.service';
import { CatalogApi } from '../core/catalog/catalog-api';
import { injectDepartmentDay } from '../core/department-day';
import { answerableDate } from '../shared/form-validators';
import { LoadStatus } from '../shared/load-status/load-status';
import { ReportsApi } from './reports-api';
import { SAVE_FILE } from '../core/save-file';

export type ReportScope = 'department' | 'team' | 'role' | 'member';

export const FORMAT_CHOICES: readonly { value: ReportFormat; label: string; hint: string }[] = [
  { value: 'csv', label: 'CSV', hint: 'one row per member and credential' },
  { value: 'xlsx', label: 'Excel (XLSX)', hint: 'a sheet per section' },
  { value: 'pdf', label: 'PDF', hint: 'printable, for a survey binder' },
];

const SCOPE_CHOICES: readonly { value: ReportScope; label: string }[] = [
  { value: 'department', label: 'Whole department' },
  { value: 'team', label: 'One team' },
  { value: 'role', label: 'One job role' },
  { value: 'member', label: 'One member' },
];

/** How many members the member search offers at once. */
const MEMBER_SUGGESTIONS = 20;

/**
 * The compliance report (DOMAIN.md, Reports) for a survey or a director's review: choose who it
 * covers, the day it describes and the file format, then download it. Staff get their own
 * report only, so they choose the day and the format.
 */
@Component({
  selector: 'him-reports-page',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    LoadStatus,
    DatePaste,
  ],
  templateUrl: './reports-page.html',
  styleUrls: ['../shared/page.scss', '../shared/forms.scss', './reports-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPage {
  private readonly reportsApi = inject(ReportsApi);
  private readonly catalogApi = inject(CatalogApi);
  private readonly staffApi = inject(StaffApi);
  private readonly saveFile = inject(SAVE_FILE);
  private readonly liveAnnouncer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);

  /** Staff read only their own records: the report is theirs, whatever they would pick. */
  protected readonly ownReportOnly = inject(AuthService).user()?.role === 'staff';
  protected readonly scopeChoices = SCOPE_CHOICES;
  protected readonly formatChoices = FORMAT_CHOICES;

  protected readonly scope = new FormControl<ReportScope>('department', { nonNullable: true });
  protected readonly teamId = new FormControl<string | null>(null, Validators.required);
  protected readonly roleId = new FormControl<string | null>(null, Validators.required);
  /** the search text while typing, the chosen member once one is picked */
  protected readonly member = new FormControl<string | Staff>('', memberChosenValidator);
  /** The report's day: the department's today (once known) unless another is typed. */
  protected readonly asOf = new FormControl<string>('', {
    nonNullable: true,
    validators: [Validators.required, answerableDate],
  });
  protected readonly format = new FormControl<ReportFormat>('pdf', { nonNullable: true });
  protected readonly paper = new FormControl<ReportPaperSize>('letter', { nonNullable: true });
  /** The fields together, for the form's submit (each is validated only when its scope needs it). */
  protected readonly form = new FormGroup({
    scope: this.scope,
    teamId: this.teamId,
    roleId: this.roleId,
    member: this.member,
    asOf: this.asOf,
    format: this.format,
    paper: this.paper,
  });

  protected readonly scopeValue = toSignal(this.scope.valueChanges, {
    initialValue: this.scope.value,
  });
  protected readonly formatValue = toSignal(this.format.valueChanges, {
    initialValue: this.format.value,
  });

  /** `?asOf=` from a link (the overview's "Report as of the survey date"), when it is a date. */
  protected readonly linkedAsOf = linkedDate(
    inject(ActivatedRoute).snapshot.queryParamMap.get('asOf'),
  );
  private readonly departmentDay = injectDepartmentDay((today) => {
    if (this.asOf.pristine) {
      this.asOf.setValue(this.linkedAsOf ?? today);
    }
  });
  protected readonly catalog = createLoader(
    () =>
      forkJoin({ teams: this.catalogApi.teams(), roles: this.catalogApi.roles() }).pipe(
        map(({ teams, roles }) => ({
          teams: [...teams].sort((a, b) => a.name.localeCompare(b.name)),
          roles: [...roles].sort((a, b) => a.name.localeCompare(b.name)),
        })),
      ),
    'teams and roles',
  );
  /** Members matching what is typed in the member field (the API searches by name). */
  protected readonly memberSuggestions = toSignal(
    this.member.valueChanges.pipe(
      // typing searches; picking a member (an object, not text) keeps the list as it was
      filter((value): value is string => typeof value === 'string'),
      map((text) => text.trim()),
      debounceTime(250),
      distinctUntilChanged(),
      switchMap((text) =>
        this.staffApi.listStaff(text ? { q: text } : {}).pipe(
          map((staff) =>
            staff.filter((m) => m.status !== 'terminated').slice(0, MEMBER_SUGGESTIONS),
          ),
          catchError(() => of([] as Staff[])),
        ),
      ),
    ),
    { initialValue: [] as Staff[] },
  );

  protected readonly downloading = signal(false);
  protected readonly downloadError = signal<string | null>(null);
  protected readonly downloadedFile = signal<string | null>(null);

  constructor() {
    if (!this.ownReportOnly) {
      this.catalog.load();
    }
  }

  protected memberName(member: string | Staff | null): string {
    return typeof member === 'string' ? member : (member?.name ?? '');
  }

  protected asOfToday(): void {
    this.asOf.setValue(this.departmentDay.todayNow() ?? this.asOf.value);
  }

  protected downloadComplianceReport(): void {
    const query = this.reportQuery();
    if (query === null || this.downloading()) {
      return;
    }
    this.downloading.set(true);
    this.downloadError.set(null);
    this.downloadedFile.set(null);
    this.reportsApi
      .downloadComplianceReport(query)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ blob, fileName }) => {
          this.downloading.set(false);
          this.saveFile(blob, fileName);
          this.downloadedFile.set(fileName);
          void this.liveAnnouncer.announce(`Report downloaded: ${fileName}`, 'polite');
        },
        error: (error: unknown) => {
          this.downloading.set(false);
          this.downloadError.set(httpErrorMessage(error, 'the report'));
        },
      });
  }

  /** The query for the chosen scope, or null (with the fields' errors shown) when incomplete. */
  private reportQuery(): ComplianceReportQuery | null {
    const scopeControl = this.ownReportOnly ? null : this.scopeControl(this.scope.value);
    for (const control of [this.asOf, scopeControl]) {
      control?.markAsTouched();
      control?.updateValueAndValidity();
    }
    if (this.asOf.invalid || scopeControl?.invalid) {
      return null;
    }
    const format = this.format.value;
    const query: ComplianceReportQuery = { asOf: this.asOf.value as IsoDate, format };
    if (format === 'pdf') {
      query.paper = this.paper.value;
    }
    if (!this.ownReportOnly) {
      const scope = this.scope.value;
      const member = this.member.value;
      if (scope === 'team' && this.teamId.value) {
        query.teamId = this.teamId.value;
      } else if (scope === 'role' && this.roleId.value) {
        query.roleId = this.roleId.value;
      } else if (scope === 'member' && member && typeof member !== 'string') {
        query.staffId = member.id;
      }
    }
    return query;
  }

  private scopeControl(scope: ReportScope): AbstractControl | null {
    return scope === 'team'
      ? this.teamId
      : scope === 'role'
        ? this.roleId
        : scope === 'member'
          ? this.member
          : null;
  }
}

/** The member field holds a picked member, not only typed text. */
function memberChosenValidator(control: AbstractControl<string | Staff>): ValidationErrors | null {
  return control.value && typeof control.value !== 'string' ? null : { memberNotChosen: true };
}

function linkedDate(value: string | null): IsoDate | null {
  return value !== null && isIsoDate(value) ? value : null;
}
