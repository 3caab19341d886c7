import { LiveAnnouncer } from '@angular/cdk/a11y';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { IsoDate, ReadinessResponse } from '@him/contracts';
import {
  addDays,
  daysBetween,
  DEFAULT_EXPIRY_WARNING_DAYS,
  isIsoDate,
  MAX_FORECAST_DAYS,
} from '@him/domain';
import { catchError, map, type Observable, of, shareReplay, Subject, switchMap, tap } from 'rxjs';
import { CalendarFeeds } from '../calendar/calendar-feeds';
import { CeApi } from '../core/api/ce-api';
import { ExpirationsApi } from '../core/api/expirations-api';
import { httpErrorMessage } from '../core/api/http-error-message';
import { createLoader } from '../core/api/loader';
import { ReadinessApi } from '../core/api/readiness-api';
import { AuthService } from '../core/auth/auth.service';
import {
  EMPTY_REQUIREMENT_CATALOG,
  RequirementCatalogApi,
} from '../core/catalog/requirement-catalog';
import { injectDepartmentDay } from '../core/department-day';
import { answerableDate } from '../shared/form-validators';
import { DatePaste } from '../shared/date-paste/date-paste';
import { LoadStatus } from '../shared/load-status/load-status';
import { ActNowBand } from './act-now-band';
import { SurveyChanges } from './survey-changes';
import { CeRisks } from './ce-risks';
import { CoverageRisks } from './coverage-risks';
import { ceRiskRows, directoryOf, expirationRows, surveyView } from './director-lists-view';
import { ExpiringCredentials } from './expiring-credentials';
import { type FigureTarget, HeadlineFigureCards } from './headline-figures';
import { NotReadyMembers } from './not-ready-members';
import { type OverviewReadiness, overviewReadiness } from './overview-readiness';
import { buildOverviewView, shortDate } from './readiness-view';
import { SurveyReadiness } from './survey-readiness';
import { SurveyWindow } from './survey-window';
import { ReassessmentsDue } from '../shared/reassessments/reassessments-due';
import { ReadinessForecast } from './readiness-forecast';
import { ReadinessTrend } from './readiness-trend';
import { recordedFiguresText, requirementChangesText } from './readiness-trend-view';
import { TeamReadinessTable } from './team-readiness-table';

type ReadinessLoad = { readiness: ReadinessResponse } | { error: unknown };

/** Each figure's change is measured against this many days before the as-of date. */
export const CHANGE_WINDOW_DAYS = 30;
/** R10: the overview lists credentials expiring within this many days (the default window). */
export const EXPIRING_WITHIN_DAYS = DEFAULT_EXPIRY_WARNING_DAYS;
/** The trend shows the figures recorded on this many days up to the as-of date. */
export const TREND_DAYS = 90;

/**
 * Department readiness (R8), its forecast (R9) and coverage risks (R7) for admins and
 * managers; their calendar feeds too when they have no staff record (no My progress page).
 */
@Component({
  selector: 'him-overview-page',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatProgressBarModule,
    HeadlineFigureCards,
    TeamReadinessTable,
    ReadinessForecast,
    ReadinessTrend,
    CoverageRisks,
    CalendarFeeds,
    LoadStatus,
    NotReadyMembers,
    ExpiringCredentials,
    CeRisks,
    SurveyReadiness,
    SurveyWindow,
    ReassessmentsDue,
    ActNowBand,
    SurveyChanges,
    DatePaste,
    RouterLink,
  ],
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewPage {
  private readonly readinessApi = inject(ReadinessApi);
  private readonly liveAnnouncer = inject(LiveAnnouncer);
  private readonly readinessRequests = new Subject<IsoDate>();
  private readonly document = inject(DOCUMENT);
  private readonly expirationsApi = inject(ExpirationsApi);
  private readonly ceApi = inject(CeApi);
  protected readonly expiringWithinDays = EXPIRING_WITHIN_DAYS;
  protected readonly trendDays = TREND_DAYS;

  private readonly user = inject(AuthService).user();
  /** Without a staff record there is no My progress page, where the calendar feeds live. */
  protected readonly showCalendarFeeds = !this.user?.staffId;
  /** A manager's overview opens on their own teams, with a switch to the whole department. */
  protected readonly canChooseTeams = this.user?.role === 'manager';
  protected readonly teamsShown = signal<'managed' | 'department'>(
    this.canChooseTeams ? 'managed' : 'department',
  );

  protected readonly asOfControl = new FormControl<string>('', {
    nonNullable: true,
    validators: [Validators.required, answerableDate],
  });
  /** The date whose figures are shown or being loaded ('' until the department's day is known). */
  protected readonly asOf = signal<IsoDate>('');
  /** The figures open on the department's today, the day the API counts as today. */
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly departmentDay = injectDepartmentDay((today) => {
    this.asOfControl.setValue(today);
    this.asOf.set(today);
    // A survey date kept in the address (a reload, a shared link) is asked for at once, in the
    // same request as the figures.
    const surveyDate = this.route.snapshot.queryParamMap.get('surveyDate');
    if (surveyDate && isIsoDate(surveyDate)) {
      this.surveyControl.setValue(surveyDate);
      this.showSurveyDate();
    }
    this.loadReadiness();
  });
  /** The department's settings (time zone, verification rule), for the Act now band. */
  protected readonly department = computed(() => this.departmentDay.department.value());
  protected readonly loading = signal(true);
  protected readonly readiness = signal<ReadinessResponse | null>(null);
  protected readonly loadError = signal<string | null>(null);

  protected readonly catalog = toSignal(inject(RequirementCatalogApi).getRequirementCatalog(), {
    initialValue: EMPTY_REQUIREMENT_CATALOG,
  });

  /** The survey date field; empty when no survey is planned. */
  protected readonly surveyControl = new FormControl<string>('', {
    nonNullable: true,
    validators: [answerableDate],
  });
  /** The survey date whose forecast is shown or being loaded, or null. */
  protected readonly surveyDate = signal<IsoDate | null>(null);
  protected readonly surveyDateError = signal<string | null>(null);

  /** The same figures 30 days before the as-of date, for each figure's change. */
  protected readonly previous = createLoader(
    () => this.overviewAnswer().pipe(map((answer) => answer.previous)),
    'the figures 30 days earlier',
  );
  protected readonly survey = createLoader(
    () => this.overviewAnswer().pipe(map((answer) => answer.survey ?? answer.readiness)),
    'the survey-date forecast',
  );
  /** The one readiness request of the as-of and survey dates, shared by every part asking. */
  private answer: { key: string; request: Observable<OverviewReadiness> } | null = null;
  protected readonly expirations = createLoader(
    () =>
      this.expirationsApi.getExpirations({
        asOf: this.asOf(),
        withinDays: EXPIRING_WITHIN_DAYS,
      }),
    'expiring credentials',
  );
  /** The figures recorded each day of the trend window, and the requirement changes in it. */
  protected readonly snapshots = createLoader(
    () =>
      this.readinessApi.getReadinessSnapshots({
        from: this.trendFrom(),
        to: this.asOf(),
        teams: this.teamsShown() === 'managed' ? 'managed' : undefined,
      }),
    'the recorded figures',
  );
  protected readonly trendFrom = computed(() =>
    this.asOf() ? addDays(this.asOf(), -(TREND_DAYS - 1)) : '',
  );
  /** "Requirements changed on ..." within the change window, from the audit trail. */
  protected readonly requirementChanges = computed(() => {
    const answer = this.snapshots.value();
    const asOf = this.view()?.asOf;
    return answer && asOf && answer.to === asOf
      ? requirementChangesText(answer.requirementChanges, addDays(asOf, -CHANGE_WINDOW_DAYS), asOf)
      : null;
  });
  /** The figures recorded on the compared day, under that day's requirements. */
  protected readonly recordedThen = computed(() => {
    const answer = this.snapshots.value();
    const asOf = this.view()?.asOf;
    return answer && asOf && answer.to === asOf
      ? recordedFiguresText(answer.points, addDays(asOf, -CHANGE_WINDOW_DAYS), asOf)
      : null;
  });
  protected readonly ceStatus = createLoader(
    () => this.ceApi.getCeStatus({ asOf: this.asOf() }),
    'CE status',
  );

  protected readonly view = computed(() => {
    const readiness = this.readiness();
    if (!readiness) {
      return null;
    }
    const previous = this.previous.value();
    const comparable =
      previous && previous.asOf === addDays(readiness.asOf, -CHANGE_WINDOW_DAYS) ? previous : null;
    return buildOverviewView(readiness, this.catalog(), comparable);
  });
  protected readonly comparedWithText = computed(() => {
    const asOf = this.view()?.asOf;
    return asOf ? shortDate(addDays(asOf, -CHANGE_WINDOW_DAYS), asOf) : '';
  });
  protected readonly surveyView = computed(() => {
    const readiness = this.survey.value();
    const surveyDate = this.surveyDate();
    return readiness && surveyDate && readiness.asOf === this.asOf()
      ? surveyView(readiness, surveyDate, this.catalog())
      : null;
  });
  private readonly names = computed(() => directoryOf(this.readiness()));
  protected readonly directory = this.names;
  /** The teams shown when they are the manager's own (null: the whole department). */
  protected readonly shownTeamIds = computed<ReadonlySet<string> | null>(() => {
    const readiness = this.readiness();
    return this.teamsShown() === 'managed' && readiness
      ? new Set(readiness.teams.map((team) => team.teamId))
      : null;
  });
  protected readonly managedTeamNames = computed(() =>
    (this.readiness()?.teams ?? []).map((team) => team.name).join(', '),
  );
  protected readonly expirationRows = computed(() => {
    const expirations = this.expirations.value();
    const teams = this.shownTeamIds();
    return expirations
      ? expirationRows(
          teams ? expirations.filter((expiration) => teams.has(expiration.teamId)) : expirations,
          this.names(),
        )
      : null;
  });
  protected readonly ceRiskRows = computed(() => {
    const groups = this.ceStatus.value();
    const members = this.shownTeamIds() ? this.names().staff : null;
    return groups
      ? ceRiskRows(
          members ? groups.filter((group) => members.has(group.staffId)) : groups,
          this.names(),
        )
      : null;
  });

  constructor() {
    this.readinessRequests
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.loadError.set(null);
        }),
        // A newer date cancels the request for an older one, so the page never shows stale figures.
        switchMap(() =>
          this.overviewAnswer().pipe(
            map(({ readiness }): ReadinessLoad => ({ readiness })),
            catchError((error: unknown) => of<ReadinessLoad>({ error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => this.showReadinessLoad(result));
  }

  /** Reloads when the as-of field holds a new, valid date. */
  protected showReadinessAsOfSelectedDate(): void {
    const asOf = this.asOfControl.value;
    if (this.asOfControl.invalid || asOf === this.asOf()) {
      return;
    }
    this.asOf.set(asOf);
    this.loadReadiness();
  }

  protected showReadinessAsOfToday(): void {
    this.asOfControl.setValue(this.departmentDay.todayNow() ?? this.asOf());
    this.showReadinessAsOfSelectedDate();
  }

  /** The manager's switch between their own teams and the whole department. */
  protected showTeams(teams: 'managed' | 'department'): void {
    if (teams === this.teamsShown()) return;
    this.teamsShown.set(teams);
    this.loadReadiness();
  }

  protected retryLoadingReadiness(): void {
    this.loadReadiness();
  }

  /** Shows (or hides, when emptied) the forecast for the survey date field's date. */
  protected showSurveyDate(): void {
    const surveyDate = this.surveyControl.value;
    if (this.surveyControl.invalid) {
      return;
    }
    if (!surveyDate) {
      this.surveyDateError.set(null);
      this.surveyDate.set(null);
      this.keepSurveyDateInAddress(null);
      return;
    }
    const days = daysBetween(this.asOf(), surveyDate);
    if (days < 0) {
      this.surveyDateError.set('Choose a survey date on or after the as-of date.');
      return;
    }
    if (days > MAX_FORECAST_DAYS) {
      this.surveyDateError.set('Choose a survey date within three years of the as-of date.');
      return;
    }
    this.surveyDateError.set(null);
    if (surveyDate !== this.surveyDate()) {
      this.surveyDate.set(surveyDate);
      this.survey.load();
    }
    this.keepSurveyDateInAddress(surveyDate);
  }

  /** `?surveyDate=` in the address, so a reload or a shared link shows the same survey. */
  private keepSurveyDateInAddress(surveyDate: IsoDate | null): void {
    if ((this.route.snapshot.queryParamMap.get('surveyDate') ?? null) === surveyDate) {
      return;
    }
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { surveyDate },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected clearSurveyDate(): void {
    this.surveyControl.setValue('');
    this.showSurveyDate();
  }

  /** Moves to the list of the people behind a headline figure. */
  protected showPeople(target: FigureTarget): void {
    const heading = this.document.getElementById(
      target === 'not-ready' ? 'not-ready-heading' : 'coverage-gaps-heading',
    );
    heading?.scrollIntoView?.({ block: 'start' });
    heading?.focus();
  }

  /**
   * The readiness figures and every part that depends on the as-of date, in parallel; the
   * figures, those 30 days earlier and the survey date's come in one request.
   */
  private loadReadiness(): void {
    const surveyDate = this.surveyDate();
    if (surveyDate && daysBetween(this.asOf(), surveyDate) < 0) {
      this.surveyDate.set(null);
      this.surveyDateError.set('Choose a survey date on or after the as-of date.');
    }
    this.readinessRequests.next(this.asOf());
    this.previous.load();
    this.snapshots.load();
    this.expirations.load();
    this.ceStatus.load();
    if (this.surveyDate()) {
      this.survey.load();
    }
  }

  /**
   * Readiness on the as-of date with every member row, the figures 30 days earlier and the
   * survey date's forecast point: one request for the page's current dates, whichever part
   * asks first sends it and the others share its answer.
   */
  private overviewAnswer(): Observable<OverviewReadiness> {
    const asOf = this.asOf();
    const surveyDate = this.surveyDate();
    const teams = this.teamsShown();
    const key = `${asOf}|${surveyDate ?? ''}|${teams}`;
    if (this.answer?.key !== key) {
      const request = this.readinessApi
        .getReadinessOverview(asOf, [addDays(asOf, -CHANGE_WINDOW_DAYS)], surveyDate, {
          teams: teams === 'managed' ? 'managed' : undefined,
        })
        .pipe(
          map(({ summary, members }) => overviewReadiness(summary, members, surveyDate)),
          // a failed request is sent again by the next part asking (Try again)
          shareReplay({ bufferSize: 1, refCount: true }),
        );
      this.answer = { key, request };
    }
    return this.answer.request;
  }

  private showReadinessLoad(result: ReadinessLoad): void {
    this.loading.set(false);
    if ('readiness' in result) {
      this.readiness.set(result.readiness);
      void this.liveAnnouncer.announce(
        `Readiness figures as of ${result.readiness.asOf} loaded.`,
        'polite',
      );
    } else {
      this.readiness.set(null);
      this.loadError.set(httpErrorMessage(result.error, 'readiness figures'));
    }
  }
}
