import { computed, effect, inject, type Signal, untracked } from '@angular/core';
import type { Department, IsoDate } from '@him/contracts';
import { DEFAULT_EXPIRY_WARNING_DAYS, todayIn } from '@him/domain';
import { DepartmentApi } from './api/department-api';
import { createLoader, type Loader } from './api/loader';
import { CLOCK } from './clock';

/** What a page knows about "today": the department's settings and its calendar day. */
export interface DepartmentDay {
  /** the department's settings (time zone, R10 warning window), loaded with the page */
  readonly department: Loader<Department>;
  /** today in the department's time zone; null until the settings are loaded */
  readonly today: Signal<IsoDate | null>;
  /** R10: the department's expiry warning window in days */
  readonly warningDays: Signal<number>;
  /** today as of this moment (after midnight it is the next day), null until the settings are loaded */
  todayNow(): IsoDate | null;
}

/**
 * "Today" for a page: the department's calendar day (DOMAIN.md: dates are days in the
 * department's time zone), the same day the API answers for, never the browser's. Every page
 * asks here, so one RHIT shows the same "days left" on every page. The settings load with the
 * page; when they cannot be loaded the browser's zone stands in, so no page waits for ever.
 *
 * `whenKnown` runs once, with the day, as soon as it is known: a page's first load of figures.
 * Must be called in an injection context (a field initializer).
 */
export function injectDepartmentDay(whenKnown?: (today: IsoDate) => void): DepartmentDay {
  const clock = inject(CLOCK);
  const departmentApi = inject(DepartmentApi);
  const department = createLoader(() => departmentApi.getDepartment(), 'department settings');

  const timeZone = computed<string | null>(() => {
    const loaded = department.value();
    if (loaded) {
      return loaded.timeZone;
    }
    return department.error() ? browserTimeZone() : null;
  });
  const dayIn = (zone: string | null) => (zone === null ? null : todayIn(zone, clock()));
  const today = computed(() => dayIn(timeZone()));

  if (whenKnown) {
    let told = false;
    effect(() => {
      const day = today();
      if (day !== null && !told) {
        told = true;
        untracked(() => whenKnown(day));
      }
    });
  }
  department.load();

  return {
    department,
    today,
    warningDays: computed(
      () => department.value()?.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS,
    ),
    todayNow: () => dayIn(timeZone()),
  };
}

/** The browser's own IANA zone: only while the department's cannot be read. */
function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}
