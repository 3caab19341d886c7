import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormControl,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { IsoDate, ReadinessResponse } from '@him/contracts';
import { catchError, map, of, Subject, switchMap, tap } from 'rxjs';
import { httpErrorMessage } from '../core/api/http-error-message';
import { ReadinessApi } from '../core/api/readiness-api';
import {
  EMPTY_REQUIREMENT_CATALOG,
  RequirementCatalogApi,
} from '../core/catalog/requirement-catalog';
import { CLOCK } from '../core/clock';
import { isIsoDate, todayIsoDate } from '../core/dates';
import { CoverageRisks } from './coverage-risks';
import { HeadlineFigureCards } from './headline-figures';
import { buildOverviewView } from './readiness-view';
import { ReadinessForecast } from './readiness-forecast';
import { TeamReadinessTable } from './team-readiness-table';

type ReadinessLoad = { readiness: ReadinessResponse } | { error: unknown };

/** Department readiness (R8), its forecast (R9) and coverage risks (R7) for admins and managers. */
@Component({
  selector: 'him-overview-page',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatProgressBarModule,
    HeadlineFigureCards,
    TeamReadinessTable,
    ReadinessForecast,
    CoverageRisks,
  ],
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewPage {
  private readonly readinessApi = inject(ReadinessApi);
  private readonly liveAnnouncer = inject(LiveAnnouncer);
  private readonly readinessRequests = new Subject<IsoDate>();
  private readonly clock = inject(CLOCK);

  protected readonly asOfControl = new FormControl<string>(this.today(), {
    nonNullable: true,
    validators: [Validators.required, calendarDateValidator],
  });
  /** The date whose figures are shown or being loaded. */
  protected readonly asOf = signal<IsoDate>(this.asOfControl.value);
  protected readonly loading = signal(true);
  protected readonly readiness = signal<ReadinessResponse | null>(null);
  protected readonly loadError = signal<string | null>(null);

  private readonly catalog = toSignal(inject(RequirementCatalogApi).getRequirementCatalog(), {
    initialValue: EMPTY_REQUIREMENT_CATALOG,
  });

  protected readonly view = computed(() => {
    const readiness = this.readiness();
    return readiness ? buildOverviewView(readiness, this.catalog()) : null;
  });

  constructor() {
    this.readinessRequests
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.loadError.set(null);
        }),
        // A newer date cancels the request for an older one, so the page never shows stale figures.
        switchMap((asOf) =>
          this.readinessApi.getReadiness(asOf).pipe(
            map((readiness): ReadinessLoad => ({ readiness })),
            catchError((error: unknown) => of<ReadinessLoad>({ error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => this.showReadinessLoad(result));
    this.loadReadiness();
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
    this.asOfControl.setValue(this.today());
    this.showReadinessAsOfSelectedDate();
  }

  protected retryLoadingReadiness(): void {
    this.loadReadiness();
  }

  private today(): IsoDate {
    return todayIsoDate(this.clock());
  }

  private loadReadiness(): void {
    this.readinessRequests.next(this.asOf());
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

function calendarDateValidator(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value;
  if (!value) {
    return null;
  }
  const year = Number(value.slice(0, 4));
  return isIsoDate(value) && year >= 1900 && year <= 2999 ? null : { calendarDate: true };
}
