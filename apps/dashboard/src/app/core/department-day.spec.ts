import { ChangeDetectionStrategy, Component } from '@angular/core';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { IsoDate } from '@him/contracts';
import { department } from '../../testing/fixtures';
import { expectApi, failWith, pageTestProviders } from '../../testing/page-testing';
import { CLOCK } from './clock';
import { injectDepartmentDay } from './department-day';

// 03:30 UTC on 24 Nov 2026: the browser (UTC in tests) is on the 24th, Chicago still on the 23rd.
const LATE_EVENING_IN_CHICAGO = new Date(Date.UTC(2026, 10, 24, 3, 30));

@Component({
  selector: 'him-day-host',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `{{ day.today() }}`,
})
class DayHost {
  readonly known: IsoDate[] = [];
  readonly day = injectDepartmentDay((today) => this.known.push(today));
}

describe('injectDepartmentDay', () => {
  let http: HttpTestingController;

  async function host(): Promise<DayHost> {
    TestBed.configureTestingModule({
      providers: [
        ...pageTestProviders(),
        { provide: CLOCK, useValue: () => LATE_EVENING_IN_CHICAGO },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DayHost);
    await fixture.whenStable();
    return fixture.componentInstance;
  }

  afterEach(() => http.verify());

  it("gives the department's day, not the browser's, once the settings are in", async () => {
    const page = await host();
    expect(page.day.today()).toBeNull();
    expect(page.known).toEqual([]);

    expectApi(http, 'department').flush(department({ timeZone: 'America/Chicago' }));
    TestBed.tick();

    expect(page.day.today()).toBe('2026-11-23');
    expect(page.day.todayNow()).toBe('2026-11-23');
    expect(page.day.warningDays()).toBe(90);
    // the page's first load runs once, on that day
    expect(page.known).toEqual(['2026-11-23']);
    TestBed.tick();
    expect(page.known).toEqual(['2026-11-23']);
  });

  it('follows the zone the department is in (Tokyo is already on the 24th)', async () => {
    const page = await host();
    expectApi(http, 'department').flush(
      department({ timeZone: 'Asia/Tokyo', expiryWarningDays: 60 }),
    );
    TestBed.tick();
    expect(page.day.today()).toBe('2026-11-24');
    expect(page.day.warningDays()).toBe(60);
  });

  it("falls back to the browser's own zone when the settings cannot be loaded", async () => {
    const page = await host();
    failWith(expectApi(http, 'department'), 500);
    TestBed.tick();
    // the browser runs in UTC in these tests
    expect(page.day.today()).toBe('2026-11-24');
    expect(page.known).toEqual(['2026-11-24']);
    expect(page.day.department.error()).toContain('department settings');
  });
});
