import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  TestRequest,
} from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import type {
  AuthUser,
  CredentialType,
  Page,
  ReadinessResponse,
  ReadinessSummaryResponse,
  Skill,
} from '@him/contracts';
import { storeSession, testUser } from '../../testing/auth-session';
import { department } from '../../testing/fixtures';
import { CLOCK } from '../core/clock';
import { OverviewPage } from './overview-page';

// jsdom has no canvas; the chart wrapper's own spec covers how it drives chart.js.
jest.mock('chart.js', () => {
  class MockChart {
    static register = jest.fn();
    update = jest.fn();
    destroy = jest.fn();
  }
  return { Chart: MockChart };
});

const CODING = 'team-coding';
const ROI = 'team-roi';
const CCS = 'type-ccs';
const CPC = 'type-cpc';
const ICD10 = 'skill-icd10';

function readinessFixture(asOf = '2025-06-01'): ReadinessResponse {
  return {
    asOf,
    staffReadyPct: 2 / 3,
    requirementsMetPct: 7 / 9,
    targetsMet: { met: 1, total: 3 },
    staffReady: { ready: 2, total: 3 },
    requirementsMet: { met: 7, total: 9 },
    teams: [
      {
        teamId: CODING,
        name: 'Coding',
        activeStaff: 3,
        staffReadyPct: 2 / 3,
        requirementsMetPct: 7 / 9,
        targetsMet: { met: 1, total: 3 },
        staffReady: { ready: 2, total: 3 },
        requirementsMet: { met: 7, total: 9 },
      },
      {
        teamId: ROI,
        name: 'Release of Information',
        activeStaff: 0,
        staffReadyPct: null,
        requirementsMetPct: null,
        targetsMet: { met: 0, total: 0 },
        staffReady: { ready: 0, total: 0 },
        requirementsMet: { met: 0, total: 0 },
      },
    ],
    members: [
      {
        staffId: 's-ana',
        name: 'Ana Ruiz',
        teamId: CODING,
        roleId: 'r',
        met: 3,
        total: 3,
        ready: true,
        missing: [],
      },
      {
        staffId: 's-ben',
        name: 'Ben Okafor',
        teamId: CODING,
        roleId: 'r',
        met: 3,
        total: 3,
        ready: true,
        missing: [],
      },
      {
        staffId: 's-cy',
        name: 'Cy Lam',
        teamId: CODING,
        roleId: 'r',
        met: 1,
        total: 3,
        ready: false,
        missing: [{ kind: 'credential', anyOf: [CCS, CPC] }],
      },
    ],
    onLeave: [{ staffId: 's-dee', name: 'Dee Park', teamId: ROI, roleId: 'r' }],
    targets: [
      {
        teamId: CODING,
        requirement: { kind: 'credential', anyOf: [CCS, CPC] },
        minHolders: 3,
        holders: 2,
        holderIds: ['s-ana', 's-ben'],
        gap: 1,
        singlePointOfFailure: false,
      },
      {
        teamId: CODING,
        requirement: { kind: 'skill', skillId: ICD10, minLevel: 4 },
        minHolders: 2,
        holders: 1,
        holderIds: ['s-ana'],
        gap: 1,
        singlePointOfFailure: true,
      },
      {
        teamId: CODING,
        requirement: { kind: 'skill', skillId: ICD10, minLevel: 2 },
        minHolders: 2,
        holders: 3,
        holderIds: ['s-ana', 's-ben', 's-cy'],
        gap: 0,
        singlePointOfFailure: false,
      },
    ],
    singlePointsOfFailure: [
      {
        teamId: CODING,
        requirement: { kind: 'skill', skillId: ICD10, minLevel: 4 },
        staffId: 's-ana',
      },
    ],
    forecast: [
      {
        days: 30,
        date: '2025-07-01',
        staffReadyPct: 2 / 3,
        requirementsMetPct: 7 / 9,
        targetsMet: { met: 1, total: 3 },
        staffReady: { ready: 2, total: 3 },
        requirementsMet: { met: 7, total: 9 },
        lapsed: [],
      },
      {
        days: 60,
        date: '2025-07-31',
        staffReadyPct: 1 / 3,
        requirementsMetPct: 6 / 9,
        targetsMet: { met: 0, total: 3 },
        staffReady: { ready: 1, total: 3 },
        requirementsMet: { met: 6, total: 9 },
        lapsed: [
          { staffId: 's-ben', credentialId: 'c-1', credentialTypeId: CCS, expiresOn: '2025-07-15' },
        ],
      },
      {
        days: 90,
        date: '2025-08-30',
        staffReadyPct: 1 / 3,
        requirementsMetPct: 6 / 9,
        targetsMet: { met: 0, total: 3 },
        staffReady: { ready: 1, total: 3 },
        requirementsMet: { met: 6, total: 9 },
        lapsed: [],
      },
      {
        days: 180,
        date: '2025-11-28',
        staffReadyPct: 0,
        requirementsMetPct: 5 / 9,
        targetsMet: { met: 0, total: 3 },
        staffReady: { ready: 0, total: 3 },
        requirementsMet: { met: 5, total: 9 },
        lapsed: [],
      },
    ],
  };
}

/** A department whose teams exist but have no active staff and no targets: every R8 figure is null. */
function noActiveStaffFixture(): ReadinessResponse {
  return {
    asOf: '2025-06-01',
    staffReadyPct: null,
    requirementsMetPct: null,
    targetsMet: { met: 0, total: 0 },
    staffReady: { ready: 0, total: 0 },
    requirementsMet: { met: 0, total: 0 },
    teams: [
      {
        teamId: ROI,
        name: 'Release of Information',
        activeStaff: 0,
        staffReadyPct: null,
        requirementsMetPct: null,
        targetsMet: { met: 0, total: 0 },
        staffReady: { ready: 0, total: 0 },
        requirementsMet: { met: 0, total: 0 },
      },
    ],
    members: [],
    onLeave: [],
    targets: [],
    singlePointsOfFailure: [],
    forecast: [30, 60, 90, 180].map((days) => ({
      days,
      date: `2025-0${Math.min(9, 6 + days / 30)}-01`,
      staffReadyPct: null,
      requirementsMetPct: null,
      targetsMet: { met: 0, total: 0 },
      staffReady: { ready: 0, total: 0 },
      requirementsMet: { met: 0, total: 0 },
      lapsed: [],
    })),
  };
}

describe('OverviewPage', () => {
  let fixture: ComponentFixture<OverviewPage>;
  let page: HTMLElement;
  let http: HttpTestingController;

  /** A manager with a staff record by default: their calendar feeds are on My progress. */
  async function createPage(
    user: AuthUser = testUser('manager', { staffId: 'staff-manager' }),
    now = new Date(2025, 5, 1, 9, 0),
    /** the page's address query (`?surveyDate=`) */
    query: Record<string, string> = {},
  ): Promise<void> {
    sessionStorage.clear();
    storeSession(user);
    TestBed.configureTestingModule({
      imports: [OverviewPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        ...(Object.keys(query).length > 0
          ? [
              {
                provide: ActivatedRoute,
                useValue: { snapshot: { queryParamMap: convertToParamMap(query) } },
              },
            ]
          : []),
        // 09:00 UTC on 1 June 2025 by default: "today" is 2025-06-01 in Chicago too.
        { provide: CLOCK, useValue: () => now },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OverviewPage);
    page = fixture.nativeElement;
    await fixture.whenStable();
    flushCatalog();
    // The figures open on the department's day (Chicago: 04:00 on 1 June 2025).
    http.expectOne((request) => request.url === '/api/v1/department').flush(department());
    await fixture.whenStable();
  }

  function flushCatalog(): void {
    const skills: Page<Partial<Skill>> = {
      items: [{ id: ICD10, name: 'ICD-10-CM coding' }],
      total: 1,
    };
    const types: Page<Partial<CredentialType>> = {
      items: [
        { id: CCS, code: 'CCS' },
        { id: CPC, code: 'CPC' },
      ],
      total: 2,
    };
    http.expectOne((request) => request.url === '/api/v1/skills').flush(skills);
    http.expectOne((request) => request.url === '/api/v1/credential-types').flush(types);
  }

  /** The main readiness request on `asOf` (not the one 30 days earlier, nor the survey's). */
  function expectReadinessRequest(asOf: string): TestRequest {
    const request = http.expectOne(
      (candidate) =>
        candidate.url === '/api/v1/readiness' &&
        candidate.params.get('asOf') === asOf &&
        !candidate.params.has('surveyDate'),
    );
    expect(request.request.params.get('asOf')).toBe(asOf);
    return request;
  }

  /** Parts of the page loaded beside the readiness figures, which most tests do not look at. */
  const COMPARISON_DATES = ['2025-05-02', '2025-08-31'];
  function isSideRequest(request: { url: string; params: { get(name: string): string | null } }) {
    return (
      request.url === '/api/v1/expirations' ||
      request.url === '/api/v1/readiness/window' ||
      request.url === '/api/v1/readiness/snapshots' ||
      request.url === '/api/v1/reassessments-due' ||
      request.url === '/api/v1/ce-status' ||
      request.url === '/api/v1/ce-activities' ||
      (request.url === '/api/v1/readiness' &&
        COMPARISON_DATES.includes(request.params.get('asOf') ?? ''))
    );
  }

  /**
   * Answers a readiness request with `body`; the overview's one request (the summary form with
   * every member row) gets `body` in that form, with `previous` as its compared day.
   */
  async function respond(
    request: TestRequest,
    body: ReadinessResponse,
    previous?: ReadinessResponse,
  ): Promise<void> {
    request.flush(
      request.request.params.get('view') === 'summary' ? summaryOf(body, previous) : body,
    );
    await fixture.whenStable();
  }

  function summaryOf(body: ReadinessResponse, previous?: ReadinessResponse) {
    const { members, onLeave, ...rest } = body;
    const summary: ReadinessSummaryResponse = {
      ...rest,
      view: 'summary',
      activeStaff: members.length,
      notReadyStaff: members.filter((member) => !member.ready).length,
      onLeaveStaff: onLeave.length,
      people: [],
      onLeave,
      comparisons: previous
        ? [
            {
              asOf: previous.asOf,
              staffReadyPct: previous.staffReadyPct,
              requirementsMetPct: previous.requirementsMetPct,
              targetsMet: previous.targetsMet,
              staffReady: previous.staffReady,
              requirementsMet: previous.requirementsMet,
            },
          ]
        : [],
      comparisonTeams: previous ? [{ asOf: previous.asOf, teams: previous.teams }] : [],
      memberPage: { items: members, total: members.length, limit: 500, offset: 0 },
    };
    return summary;
  }

  /** Visible text with the pieces of separate elements kept apart, as a screen reader reads them. */
  function readable(element: Element | null): string {
    if (!element) {
      return '';
    }
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const pieces: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      pieces.push(node.textContent ?? '');
    }
    return pieces.join(' ').replace(/\s+/g, ' ').trim();
  }

  function text(selector: string): string {
    return readable(page.querySelector(selector));
  }

  function tableRows(tableSelector: string): string[][] {
    return Array.from(page.querySelectorAll(`${tableSelector} tr`)).map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => readable(cell)),
    );
  }

  afterEach(() => {
    http.match(isSideRequest);
    http.verify();
  });

  it("asks for readiness as of the department's today and shows a progress bar while loading", async () => {
    await createPage();

    const request = expectReadinessRequest('2025-06-01');
    const readinessBar = 'mat-progress-bar[aria-label="Loading readiness figures"]';
    expect(page.querySelector(readinessBar)).not.toBeNull();
    expect(page.querySelector<HTMLInputElement>('input[type="date"]')?.value).toBe('2025-06-01');

    await respond(request, readinessFixture());
    expect(page.querySelector(readinessBar)).toBeNull();
  });

  it("opens on the department's day while the browser is already on the next one", async () => {
    // 02:00 UTC on 2 June is still 21:00 on 1 June in Chicago, the department's zone.
    await createPage(undefined, new Date(Date.UTC(2025, 5, 2, 2, 0)));

    const request = expectReadinessRequest('2025-06-01');
    expect(page.querySelector<HTMLInputElement>('input[type="date"]')?.value).toBe('2025-06-01');
    await respond(request, readinessFixture());
    expect(text('#department-figures-heading')).toBe('Department figures as of 2025-06-01');
  });

  it('shows the department figures as percentages with counts', async () => {
    await createPage();
    await respond(expectReadinessRequest('2025-06-01'), readinessFixture());

    expect(text('h1')).toBe('Department overview');
    expect(text('[data-figure="staff-ready"]')).toBe('Staff ready 67% 2 of 3 active staff ready');
    expect(text('[data-figure="requirements-met"]')).toBe(
      'Requirements met 78% 7 of 9 requirements met',
    );
    expect(text('[data-figure="targets-met"]')).toBe(
      'Coverage targets met 1 of 3 33% of coverage targets met',
    );
    expect(page.textContent).toContain('1 on leave is not counted');
  });

  it('lists teams in a table, with "—" and the reason where a team has no active staff', async () => {
    await createPage();
    await respond(expectReadinessRequest('2025-06-01'), readinessFixture());

    expect(tableRows('him-team-readiness-table table')).toEqual([
      [
        'Team',
        'Coverage',
        'Active staff',
        'Staff ready',
        'Requirements met',
        'Coverage targets met',
      ],
      [
        'Coding',
        'Below target: 2 targets short',
        '3',
        '67% 2 of 3 active staff ready',
        '78% 7 of 9 requirements met',
        '1 of 3 33% of coverage targets met',
      ],
      [
        'Release of Information',
        'No coverage targets',
        '0',
        '— no active staff',
        '— no active staff',
        '— no coverage targets',
      ],
    ]);
  });

  it('shows "—" with "no active staff" for null department figures', async () => {
    await createPage();
    await respond(expectReadinessRequest('2025-06-01'), noActiveStaffFixture());

    expect(text('[data-figure="staff-ready"]')).toBe('Staff ready — no active staff');
    expect(text('[data-figure="requirements-met"]')).toBe('Requirements met — no active staff');
    expect(text('[data-figure="targets-met"]')).toBe('Coverage targets met — no coverage targets');
    expect(tableRows('him-readiness-forecast table')[1]).toEqual([
      'As of date',
      '2025-06-01',
      '—',
      '—',
      '—',
      '0',
    ]);
  });

  it('renders the forecast as an accessible chart and as a table', async () => {
    await createPage();
    await respond(expectReadinessRequest('2025-06-01'), readinessFixture());

    const canvas = page.querySelector('him-readiness-forecast canvas');
    expect(canvas?.getAttribute('role')).toBe('img');
    expect(canvas?.getAttribute('aria-label')).toContain('staff ready and requirements met');
    expect(text('him-readiness-forecast figcaption')).toContain(
      'Staff ready: 67% on 2025-06-01, 0% by 2025-11-28.',
    );

    expect(tableRows('him-readiness-forecast table')).toEqual([
      [
        'When',
        'Date',
        'Staff ready',
        'Requirements met',
        'Coverage targets met',
        'Credentials lapsed by then',
      ],
      ['As of date', '2025-06-01', '67%', '78%', '1 of 3', '0'],
      ['In 30 days', '2025-07-01', '67%', '78%', '1 of 3', '0'],
      ['In 60 days', '2025-07-31', '33%', '67%', '0 of 3', '1'],
      ['In 90 days', '2025-08-30', '33%', '67%', '0 of 3', '0'],
      ['In 180 days', '2025-11-28', '0%', '56%', '0 of 3', '0'],
    ]);
  });

  it('lists coverage gaps and single points of failure by name', async () => {
    await createPage();
    await respond(expectReadinessRequest('2025-06-01'), readinessFixture());

    const gaps = tableRows('table[aria-labelledby="coverage-gaps-heading"]');
    expect(gaps).toHaveLength(3);
    expect(gaps).toContainEqual([
      'Coding',
      'CCS or CPC credential',
      '2 of 3 needed',
      '1',
      'Ana Ruiz Ben Okafor',
    ]);
    expect(gaps).toContainEqual([
      'Coding',
      'ICD-10-CM coding at Expert (4) or above',
      '1 of 2 needed',
      '1',
      'Ana Ruiz',
    ]);

    expect(tableRows('table[aria-labelledby="single-points-heading"]')).toEqual([
      ['Team', 'Requirement', 'Only holder'],
      ['Coding', 'ICD-10-CM coding at Expert (4) or above', 'Ana Ruiz'],
    ]);
  });

  it('links each member named in the gaps and single points of failure to their profile', async () => {
    await createPage();
    await respond(expectReadinessRequest('2025-06-01'), readinessFixture());

    const links = (selector: string) =>
      Array.from(page.querySelectorAll<HTMLAnchorElement>(`${selector} a`)).map((link) => [
        link.textContent?.trim(),
        link.getAttribute('href'),
      ]);
    expect(links('table[aria-labelledby="coverage-gaps-heading"]')).toEqual([
      ['Ana Ruiz', '/staff/s-ana'],
      ['Ben Okafor', '/staff/s-ben'],
      ['Ana Ruiz', '/staff/s-ana'],
    ]);
    expect(links('table[aria-labelledby="single-points-heading"]')).toEqual([
      ['Ana Ruiz', '/staff/s-ana'],
    ]);
  });

  it('reloads when another as-of date is chosen', async () => {
    await createPage();
    await respond(expectReadinessRequest('2025-06-01'), readinessFixture());

    const dateInput = page.querySelector<HTMLInputElement>(
      'input[type="date"]',
    ) as HTMLInputElement;
    dateInput.value = '2025-09-30';
    dateInput.dispatchEvent(new Event('input'));
    dateInput.dispatchEvent(new Event('change'));
    await fixture.whenStable();

    await respond(expectReadinessRequest('2025-09-30'), readinessFixture('2025-09-30'));
    expect(text('#department-figures-heading')).toBe('Department figures as of 2025-09-30');
  });

  it('shows an error with a retry button, and retries', async () => {
    await createPage();
    expectReadinessRequest('2025-06-01').flush(
      { statusCode: 500 },
      { status: 500, statusText: 'Server Error' },
    );
    await fixture.whenStable();

    const alert = page.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Readiness figures could not be loaded');
    const retry = Array.from(alert?.querySelectorAll('button') ?? []).find((button) =>
      button.textContent?.includes('Try again'),
    );
    expect(retry).toBeDefined();

    retry?.click();
    await fixture.whenStable();
    await respond(expectReadinessRequest('2025-06-01'), readinessFixture());

    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(text('[data-figure="staff-ready"]')).toContain('67%');
  });

  it('says so when the department has no teams or staff yet', async () => {
    await createPage();
    await respond(expectReadinessRequest('2025-06-01'), {
      ...noActiveStaffFixture(),
      teams: [],
    });

    expect(text('.empty-panel h2')).toBe('No teams or active staff yet');
    expect(page.querySelector('him-headline-figures')).toBeNull();
  });

  it('has no calendar feed section for someone with a staff record (it is on My progress)', async () => {
    await createPage();
    await respond(expectReadinessRequest('2025-06-01'), readinessFixture());

    expect(page.querySelector('him-calendar-feeds')).toBeNull();
    http.expectNone((request) => request.url === '/api/v1/calendar-tokens');
  });

  it('offers calendar feeds at the bottom to an admin without a staff record', async () => {
    await createPage(testUser('admin'));
    await respond(expectReadinessRequest('2025-06-01'), readinessFixture());
    http
      .expectOne((request) => request.url === '/api/v1/calendar-tokens')
      .flush({ items: [], total: 0 });
    await fixture.whenStable();

    const section = page.querySelector('section[aria-labelledby="calendar-feed-heading"]');
    expect(page.lastElementChild).toBe(section);
    expect(section?.querySelector('h2')?.textContent?.trim()).toBe('Calendar feed');
    expect(section?.querySelector('him-calendar-feeds')).not.toBeNull();
    expect(readable(section)).toContain('You have no calendar feeds yet.');
    const create = Array.from(section?.querySelectorAll('button') ?? []).find((button) =>
      button.textContent?.includes('Create feed'),
    );
    expect(create?.disabled).toBe(false);
  });
  it("opens a manager's overview on their own teams, with a switch to the whole department", async () => {
    await createPage();

    const mine = expectReadinessRequest('2025-06-01');
    expect(mine.request.params.get('teams')).toBe('managed');
    await respond(mine, readinessFixture());
    expect(text('.teams-shown-note')).toBe(
      'Showing the teams you manage: Coding, Release of Information.',
    );

    const whole = Array.from(page.querySelectorAll<HTMLButtonElement>('.teams-shown button')).find(
      (button) => button.textContent?.includes('Whole department'),
    );
    whole?.click();
    await fixture.whenStable();
    const department = expectReadinessRequest('2025-06-01');
    expect(department.request.params.has('teams')).toBe(false);
    await respond(department, readinessFixture());
    expect(text('.teams-shown-note')).toBe('Showing every team of the department.');
  });

  it('shows an admin the whole department, without the switch', async () => {
    await createPage(testUser('admin', { staffId: 'staff-admin' }));

    const request = expectReadinessRequest('2025-06-01');
    expect(request.request.params.has('teams')).toBe(false);
    await respond(request, readinessFixture());
    expect(page.querySelector('.teams-shown')).toBeNull();
  });

  describe('for a director', () => {
    function expectSide(url: string): TestRequest {
      // The Act now band asks for every expiring credential (withinDays 3650) on its own.
      return http.expectOne(
        (request) =>
          request.url === `/api/v1/${url}` && request.params.get('withinDays') !== '3650',
      );
    }

    function previousFixture(): ReadinessResponse {
      const previous = readinessFixture('2025-05-02');
      return {
        ...previous,
        staffReadyPct: 1 / 3,
        targetsMet: { met: 2, total: 3 },
        teams: previous.teams.map((team) =>
          team.teamId === CODING
            ? {
                ...team,
                staffReadyPct: 1,
                staffReady: { ready: 3, total: 3 },
                targetsMet: { met: 1, total: 3 },
              }
            : team,
        ),
      };
    }

    async function setDate(selector: string, value: string): Promise<void> {
      const input = page.querySelector<HTMLInputElement>(selector) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('change'));
      await fixture.whenStable();
    }

    it('asks for everything it shows at once: readiness now and 30 days ago, expirations, CE status', async () => {
      await createPage();

      // the figures now and 30 days ago in one request (with every member row)
      const readiness = expectReadinessRequest('2025-06-01');
      expect(readiness.request.params.get('compare')).toBe('2025-05-02');
      expect(readiness.request.params.get('view')).toBe('summary');
      expect(readiness.request.params.get('members')).toBe('all');
      http.expectNone(
        (request) =>
          request.url === '/api/v1/readiness' && request.params.get('asOf') === '2025-05-02',
      );
      const expirations = expectSide('expirations');
      expect(expirations.request.params.get('asOf')).toBe('2025-06-01');
      expect(expirations.request.params.get('withinDays')).toBe('90');
      expect(expectSide('ce-status').request.params.get('asOf')).toBe('2025-06-01');
    });

    it('shows each figure’s change since 30 days ago in words, with an arrow, for the department and each team', async () => {
      await createPage();
      await respond(expectReadinessRequest('2025-06-01'), readinessFixture(), previousFixture());

      expect(text('[data-figure="staff-ready"] him-figure-change')).toBe(
        'Up 33 points since May 2',
      );
      expect(text('[data-figure="requirements-met"] him-figure-change')).toBe(
        'No change since May 2',
      );
      expect(text('[data-figure="targets-met"] him-figure-change')).toBe(
        'Down 33 points since May 2',
      );
      expect(
        page
          .querySelector('[data-figure="staff-ready"] him-figure-change svg')
          ?.getAttribute('aria-hidden'),
      ).toBe('true');
      expect(page.textContent).toContain('Changes are in percentage points since May 2');

      const coding = tableRows('him-team-readiness-table table')[1];
      expect(coding[3]).toBe('67% 2 of 3 active staff ready Down 33 points since May 2');
      expect(coding[5]).toBe('1 of 3 33% of coverage targets met No change since May 2');
      expect(page.querySelector('him-team-readiness-table a')?.getAttribute('href')).toBe(
        '/team-matrix?team=team-coding',
      );
    });

    it('lists who is not ready with what they miss, and the cards lead there', async () => {
      await createPage();
      await respond(expectReadinessRequest('2025-06-01'), readinessFixture());

      expect(tableRows('him-not-ready-members table')).toEqual([
        ['Member', 'Team', 'Requirements met', 'Missing'],
        ['Cy Lam', 'Coding', '1 of 3', 'CCS or CPC credential'],
      ]);
      expect(page.querySelector('him-not-ready-members a')?.getAttribute('href')).toBe(
        '/staff/s-cy',
      );

      const buttons = Array.from(page.querySelectorAll<HTMLButtonElement>('.figure-link'));
      buttons.find((button) => button.textContent?.includes('See who is not ready'))?.click();
      expect(document.activeElement?.id).toBe('not-ready-heading');
      buttons.find((button) => button.textContent?.includes('See coverage gaps'))?.click();
      expect(document.activeElement?.id).toBe('coverage-gaps-heading');
    });

    it('forecasts a survey date: sends surveyDate, shows the figures then and who will have lapsed', async () => {
      await createPage();
      await respond(expectReadinessRequest('2025-06-01'), readinessFixture());

      await setDate('input[data-testid="survey-date"]', '2025-07-15');
      const request = http.expectOne(
        (candidate) => candidate.url === '/api/v1/readiness' && candidate.params.has('surveyDate'),
      );
      expect(request.request.params.get('asOf')).toBe('2025-06-01');
      expect(request.request.params.get('surveyDate')).toBe('2025-07-15');
      const body = readinessFixture();
      body.forecast.push({
        days: 44,
        date: '2025-07-15',
        staffReadyPct: 1 / 3,
        requirementsMetPct: 6 / 9,
        targetsMet: { met: 0, total: 3 },
        staffReady: { ready: 1, total: 3 },
        requirementsMet: { met: 6, total: 9 },
        lapsed: [
          { staffId: 's-ben', credentialId: 'c-1', credentialTypeId: CCS, expiresOn: '2025-07-15' },
        ],
      });
      await respond(request, body);

      expect(text('#survey-heading')).toBe('By the survey on 2025-07-15');
      expect(text('him-survey-readiness dl')).toBe(
        'Staff ready 33% Requirements met 67% Coverage targets met 0 of 3',
      );
      expect(tableRows('him-survey-readiness table')).toEqual([
        ['Member', 'Team', 'Credential', 'Expires on'],
        ['Ben Okafor', 'Coding', 'CCS', '2025-07-15'],
      ]);
      expect(page.querySelector('him-survey-readiness a')?.getAttribute('href')).toBe(
        '/staff/s-ben',
      );
    });

    it('asks for a survey date kept in the address in the same request as the figures', async () => {
      await createPage(undefined, undefined, { surveyDate: '2025-07-15' });

      const requests = http.match((request) => request.url === '/api/v1/readiness');
      expect(requests).toHaveLength(1);
      const [request] = requests;
      expect(request.request.params.get('asOf')).toBe('2025-06-01');
      expect(request.request.params.get('surveyDate')).toBe('2025-07-15');
      expect(request.request.params.get('compare')).toBe('2025-05-02');
      const body = readinessFixture();
      body.forecast.push({
        days: 44,
        date: '2025-07-15',
        staffReadyPct: 1 / 3,
        requirementsMetPct: 6 / 9,
        targetsMet: { met: 0, total: 3 },
        staffReady: { ready: 1, total: 3 },
        requirementsMet: { met: 6, total: 9 },
        lapsed: [],
        membersNoLongerReady: [],
        targetsFallingShort: [],
      });
      await respond(request, body);

      expect(text('#survey-heading')).toBe('By the survey on 2025-07-15');
      expect(text('him-survey-readiness dl')).toBe(
        'Staff ready 33% Requirements met 67% Coverage targets met 0 of 3',
      );
      // the survey date is not one of the forecast's horizons
      const horizons = tableRows('him-readiness-forecast table').map((row) => row[0]);
      expect(horizons).toContain('In 30 days');
      expect(horizons).not.toContain('In 44 days');
    });

    it('refuses a survey date before the as-of date without asking the API', async () => {
      await createPage();
      await respond(expectReadinessRequest('2025-06-01'), readinessFixture());

      await setDate('input[data-testid="survey-date"]', '2025-05-01');

      http.expectNone((request) => request.params.has('surveyDate'));
      expect(text('.field-message')).toBe('Choose a survey date on or after the as-of date.');
      expect(page.querySelector('#survey-heading')).toBeNull();
    });

    it('lists credentials expiring in the next 90 days, soonest first, verification in words', async () => {
      await createPage();
      await respond(expectReadinessRequest('2025-06-01'), readinessFixture());
      expectSide('expirations').flush([
        {
          credentialId: 'c-2',
          staffId: 's-ana',
          staffName: 'Ana Ruiz',
          teamId: CODING,
          credentialTypeId: CPC,
          credentialTypeCode: 'CPC',
          number: null,
          expiresOn: '2025-08-01',
          daysLeft: 61,
          verified: true,
        },
        {
          credentialId: 'c-1',
          staffId: 's-ben',
          staffName: 'Ben Okafor',
          teamId: CODING,
          credentialTypeId: CCS,
          credentialTypeCode: 'CCS',
          number: '123',
          expiresOn: '2025-06-15',
          daysLeft: 14,
          verified: false,
        },
      ]);
      await fixture.whenStable();

      expect(text('#expiring-heading')).toBe('Expiring in the next 90 days');
      expect(tableRows('him-expiring-credentials table')).toEqual([
        ['Member', 'Team', 'Credential', 'Expires on', 'Days left', 'Verification'],
        ['Ben Okafor', 'Coding', 'CCS 123', '2025-06-15', '14 days', 'Not verified'],
        ['Ana Ruiz', 'Coding', 'CPC', '2025-08-01', '61 days', 'Verified'],
      ]);
      expect(page.querySelector('him-expiring-credentials a')?.getAttribute('href')).toBe(
        '/staff/s-ben',
      );
    });

    it('lists only the CE groups behind or at risk, at risk first, with the status in words', async () => {
      await createPage();
      await respond(expectReadinessRequest('2025-06-01'), readinessFixture());
      const group = (staffId: string, status: string, cycleEnd: string) => ({
        staffId,
        issuingBody: 'AHIMA',
        credentialIds: ['c'],
        credentialTypeCodes: ['CCS'],
        cycleStart: '2024-01-01',
        cycleEnd,
        required: 20,
        earned: 6,
        pending: 0,
        remaining: 14,
        pace: 10,
        status,
        minimums: [],
        countedActivityIds: [],
      });
      expectSide('ce-status').flush([
        group('s-ana', 'met', '2025-12-31'),
        group('s-ben', 'behind', '2025-12-31'),
        group('s-cy', 'at-risk', '2025-07-31'),
        group('s-dee', 'on-track', '2025-12-31'),
      ]);
      await fixture.whenStable();

      expect(tableRows('him-ce-risks table')).toEqual([
        ['Member', 'Issuing body', 'Credentials', 'Earned', 'Pace', 'Cycle ends', 'Status'],
        [
          'Cy Lam',
          'AHIMA',
          'CCS',
          '6 of 20 hours',
          '10 hours expected by now',
          '2025-07-31',
          'At risk',
        ],
        [
          'Ben Okafor',
          'AHIMA',
          'CCS',
          '6 of 20 hours',
          '10 hours expected by now',
          '2025-12-31',
          'Behind',
        ],
      ]);
    });

    it('shows an error for a part that fails, and keeps the rest', async () => {
      await createPage();
      await respond(expectReadinessRequest('2025-06-01'), readinessFixture());
      expectSide('expirations').flush({}, { status: 500, statusText: 'Server Error' });
      await fixture.whenStable();

      expect(text('section[aria-labelledby="expiring-heading"] [role="alert"]')).toContain(
        'Expiring credentials could not be loaded',
      );
      expect(text('[data-figure="staff-ready"]')).toContain('67%');
    });
  });
});
