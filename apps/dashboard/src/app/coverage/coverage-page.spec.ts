import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type {
  ReadinessResponse,
  ReadinessSummaryResponse,
  Role,
  SkillsMatrixResponse,
  Team,
} from '@him/contracts';
import { department } from '../../testing/fixtures';
import { CLOCK } from '../core/clock';
import { CoveragePage } from './coverage-page';
import {
  coverageChartSeries,
  coverageTargetRows,
  roleSkillHeatmap,
  wrapLabel,
} from './coverage-view';
import { requirementCatalogOf } from '../core/catalog/requirement-catalog';

jest.mock('chart.js', () => {
  class MockChart {
    static register = jest.fn();
    static instances: MockChart[] = [];
    update = jest.fn();
    destroy = jest.fn();
    constructor(
      public canvas: unknown,
      public config: unknown,
    ) {
      MockChart.instances.push(this);
    }
  }
  return { Chart: MockChart };
});

const CODING = 'team-coding';
const ROI = 'team-roi';
const CODER = 'role-coder';
const LEAD = 'role-lead';
const ICD = 'skill-icd';
const CPT = 'skill-cpt';
const CCS = 'type-ccs';

const teams: Partial<Team>[] = [
  { id: ROI, name: 'Release of Information', coverageTargets: [] },
  { id: CODING, name: 'Coding', coverageTargets: [] },
];
const roles: Partial<Role>[] = [
  {
    id: CODER,
    name: 'Coder',
    requirements: [
      { kind: 'skill', skillId: ICD, minLevel: 2 },
      { kind: 'credential', anyOf: [CCS] },
    ],
  },
  {
    id: LEAD,
    name: 'Lead coder',
    requirements: [
      { kind: 'skill', skillId: ICD, minLevel: 4 },
      { kind: 'skill', skillId: CPT, minLevel: 3 },
    ],
  },
];

function readiness(): ReadinessResponse {
  return {
    asOf: '2025-06-01',
    staffReadyPct: 0.5,
    requirementsMetPct: 0.5,
    targetsMet: { met: 1, total: 2 },
    staffReady: { ready: 1, total: 2 },
    requirementsMet: { met: 1, total: 2 },
    teams: [
      {
        teamId: CODING,
        name: 'Coding',
        activeStaff: 3,
        staffReadyPct: 0.5,
        requirementsMetPct: 0.5,
        targetsMet: { met: 1, total: 2 },
        staffReady: { ready: 1, total: 2 },
        requirementsMet: { met: 1, total: 2 },
      },
    ],
    members: [
      { staffId: 's-ana', name: 'Ana Ruiz', teamId: CODING, roleId: LEAD, met: 3, total: 3, ready: true, missing: [] },
      { staffId: 's-ben', name: 'Ben Okafor', teamId: CODING, roleId: CODER, met: 2, total: 2, ready: true, missing: [] },
    ],
    onLeave: [],
    targets: [
      {
        teamId: CODING,
        requirement: { kind: 'credential', anyOf: [CCS] },
        minHolders: 3,
        holders: 2,
        holderIds: ['s-ana', 's-ben'],
        gap: 1,
        singlePointOfFailure: false,
      },
      {
        teamId: CODING,
        requirement: { kind: 'skill', skillId: ICD, minLevel: 4 },
        minHolders: 1,
        holders: 1,
        holderIds: ['s-ana'],
        gap: 0,
        singlePointOfFailure: true,
      },
    ],
    singlePointsOfFailure: [],
    forecast: [],
  };
}

function matrix(): SkillsMatrixResponse {
  const row = (staffId: string, roleId: string, status: 'active' | 'leave', icd: number, cpt: number) => ({
    staffId,
    name: staffId,
    teamId: CODING,
    roleId,
    status,
    cells: [
      { skillId: ICD, level: icd, requiredLevel: null, source: 'assessment-manager' as const },
      { skillId: CPT, level: cpt, requiredLevel: null, source: 'assessment-manager' as const },
    ],
  });
  return {
    asOf: '2025-06-01',
    skills: [
      { id: ICD, name: 'ICD-10-CM', category: 'technical' },
      { id: CPT, name: 'CPT', category: 'technical' },
      { id: 'skill-soft', name: 'Empathy', category: 'soft' },
    ],
    rows: [
      row('s-ana', LEAD, 'active', 4, 3),
      row('s-ben', CODER, 'active', 3, 1),
      row('s-cy', CODER, 'active', 1, 0),
      row('s-dee', CODER, 'leave', 4, 4),
    ],
  };
}

describe('coverage view', () => {
  const names = requirementCatalogOf(
    [{ id: ICD, name: 'ICD-10-CM' }],
    [{ id: CCS, code: 'CCS' }],
  );

  it('stacks holders up to the minimum, the gap, and holders above it, labelled "short by"', () => {
    const rows = coverageTargetRows(readiness(), names);
    expect(coverageChartSeries(rows)).toEqual({
      labels: [
        ['Coding', 'CCS credential', 'short by 1'],
        ['Coding', 'ICD-10-CM at Expert (4) or', 'above', '1 of 1: met'],
      ],
      holdersUpToMinimum: [2, 1],
      gap: [1, 0],
      holdersAboveMinimum: [0, 0],
    });
  });

  it('on a phone, wraps each label to short lines: the requirement on two at most, cut with "…"', () => {
    const rows = coverageTargetRows(readiness(), names);
    expect(coverageChartSeries(rows, 16).labels).toEqual([
      ['Coding', 'CCS credential', 'short by 1'],
      ['Coding', 'ICD-10-CM at', 'Expert (4) or…', '1 of 1: met'],
    ]);
    for (const line of coverageChartSeries(rows, 16).labels.flat()) {
      expect(line.length).toBeLessThanOrEqual(16);
    }
  });

  it('wraps label text between words, cuts a word longer than a line, and marks what is left out', () => {
    expect(wrapLabel('Release of Information', 12, 2)).toEqual(['Release of', 'Information']);
    expect(wrapLabel('Cardiopulmonary resuscitation', 10, 3)).toEqual([
      'Cardiopulm',
      'onary',
      'resuscita…',
    ]);
    expect(wrapLabel('Health Information Management', 10, 1)).toEqual(['Health…']);
    expect(wrapLabel('  CCS  ', 10, 2)).toEqual(['CCS']);
  });

  it('names the holders from the summary form as from the full form', () => {
    const { members, onLeave, ...rest } = readiness();
    const summary: ReadinessSummaryResponse = {
      ...rest,
      view: 'summary',
      activeStaff: members.length,
      notReadyStaff: members.filter((member) => !member.ready).length,
      onLeaveStaff: onLeave.length,
      people: members.map(({ staffId, name, teamId }) => ({ staffId, name, teamId })),
      comparisons: [],
    };
    const holders = (rows: ReturnType<typeof coverageTargetRows>) =>
      rows.map((row) => row.holderMembers.map((member) => member.name));
    expect(holders(coverageTargetRows(summary, names))).toEqual(
      holders(coverageTargetRows(readiness(), names)),
    );
    expect(holders(coverageTargetRows(summary, names)).flat()).not.toContain('Unknown staff member');
  });

  it('counts active members of a role at the level that role requires', () => {
    const heatmap = roleSkillHeatmap(matrix(), roles as Role[]);
    expect(heatmap.skills.map((skill) => skill.name)).toEqual(['ICD-10-CM', 'CPT']);
    const coder = heatmap.rows.find((row) => row.id === CODER);
    // Ben (3) meets ICD-10-CM at 2, Cy (1) does not; Dee is on leave.
    expect(coder?.cells.map((cell) => cell.text)).toEqual([
      '1 of 2 at ≥ Working (2)',
      'Not required',
    ]);
  });
});

describe('CoveragePage', () => {
  let fixture: ComponentFixture<CoveragePage>;
  let page: HTMLElement;
  let http: HttpTestingController;

  async function createPage(now = new Date(2025, 5, 1, 9, 0)): Promise<void> {
    TestBed.configureTestingModule({
      imports: [CoveragePage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: CLOCK, useValue: () => now },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CoveragePage);
    page = fixture.nativeElement;
    await fixture.whenStable();
    const list = (url: string, items: unknown[]) =>
      http.expectOne((request) => request.url === `/api/v1/${url}`).flush({ items, total: items.length });
    list('teams', teams);
    list('roles', roles);
    list('skills', [
      { id: ICD, name: 'ICD-10-CM' },
      { id: CPT, name: 'CPT' },
    ]);
    list('credential-types', [{ id: CCS, code: 'CCS' }]);
    // The figures are for the department's day (Chicago: 04:00 on 1 June 2025).
    http.expectOne((request) => request.url === '/api/v1/department').flush(department());
    await fixture.whenStable();
  }

  async function flushFigures(teamId: string | null = null): Promise<void> {
    const readinessRequest = http.expectOne((request) => request.url === '/api/v1/readiness');
    const matrixRequest = http.expectOne((request) => request.url === '/api/v1/skills-matrix');
    expect(readinessRequest.request.params.get('teamId')).toBe(teamId);
    expect(matrixRequest.request.params.get('teamId')).toBe(teamId);
    expect(readinessRequest.request.params.get('asOf')).toBe('2025-06-01');
    // the coverage page needs no member rows: the summary form
    expect(readinessRequest.request.params.get('view')).toBe('summary');
    readinessRequest.flush(readiness());
    matrixRequest.flush(matrix());
    await fixture.whenStable();
  }

  /** Text with the pieces of separate elements kept apart. */
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

  function tableRows(selector: string): string[][] {
    return Array.from(page.querySelectorAll(`${selector} tr`)).map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => readable(cell)),
    );
  }

  afterEach(() => http.verify());

  it("shows the department's day while the browser is already on the next one", async () => {
    // 02:00 UTC on 2 June is still 21:00 on 1 June in Chicago, the department's zone.
    await createPage(new Date(Date.UTC(2025, 5, 2, 2, 0)));
    await flushFigures();
    expect(page.querySelector<HTMLInputElement>('input[type="date"]')?.value).toBe('2025-06-01');
    expect(readable(page.querySelector('.page-intro'))).toContain('as of 2025-06-01');
  });

  it('draws the coverage targets as an accessible bar chart and always shows the table', async () => {
    await createPage();
    await flushFigures();

    const canvas = page.querySelector('him-coverage-chart canvas');
    expect(canvas?.getAttribute('role')).toBe('img');
    expect(canvas?.getAttribute('aria-label')).toContain('striped part of a bar is the gap');
    expect(readable(page.querySelector('him-coverage-chart figcaption'))).toBe(
      '1 of 2 targets are short: Coding, CCS credential: short by 1.',
    );
    expect(tableRows('him-coverage-chart table')).toEqual([
      ['Team', 'Requirement', 'Minimum', 'Holders', 'Gap', 'Single point of failure', 'Holders by name'],
      ['Coding', 'CCS credential', '3', '2', 'Short by 1', 'No', 'Ana Ruiz Ben Okafor'],
      ['Coding', 'ICD-10-CM at Expert (4) or above', '1', '1', 'Met', 'Yes', 'Ana Ruiz'],
    ]);
    expect(page.querySelector('him-coverage-chart table a')?.getAttribute('href')).toBe(
      '/staff/s-ana',
    );
  });

  it('shows role x skill and team x skill heatmaps with counts in text and scoped headers', async () => {
    await createPage();
    await flushFigures();

    const roleTable = page.querySelector('[data-testid="role-heatmap"] table');
    expect(readable(roleTable?.querySelector('caption') ?? null)).toContain(
      'how many active members of the role',
    );
    expect(
      Array.from(roleTable?.querySelectorAll('thead th') ?? []).map((th) => th.getAttribute('scope')),
    ).toEqual(['col', 'col', 'col']);
    expect(roleTable?.querySelector('tbody th')?.getAttribute('scope')).toBe('row');
    expect(tableRows('[data-testid="role-heatmap"] table')).toEqual([
      ['Role', 'ICD-10-CM', 'CPT'],
      ['Coder 2 active', 'Gap: 1 short 1 1 of 2 at ≥ Working (2)', 'Not required'],
      ['Lead coder 1 active', '1 1 of 1 at ≥ Expert (4)', '1 1 of 1 at ≥ Proficient (3)'],
    ]);
    // Coding's roles require ICD-10-CM at 4 (Lead coder) and CPT at 3: only Ana meets both.
    expect(tableRows('[data-testid="team-heatmap"] table')).toEqual([
      ['Team', 'ICD-10-CM', 'CPT'],
      [
        'Coding 3 active',
        'Gap: 2 short 1 1 of 3 at ≥ Expert (4)',
        'Gap: 2 short 1 1 of 3 at ≥ Proficient (3)',
      ],
      ['Release of Information 0 active', 'Not required', 'Not required'],
    ]);
    // a gap is loud and marked, a met cell quiet
    const roleCells = page.querySelectorAll('[data-testid="role-heatmap"] td');
    expect(roleCells[0].className).toContain('heat--gap-most');
    expect(roleCells[0].querySelector('[data-testid="gap-marker"] svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(roleCells[2].className).toContain('heat--met');
    expect(roleCells[2].querySelector('[data-testid="gap-marker"]')).toBeNull();
  });

  it('narrows a heatmap to the skills with a gap', async () => {
    await createPage();
    await flushFigures();
    const roleHeatmap = '[data-testid="role-heatmap"]';
    const toggle = page.querySelector<HTMLElement>(`${roleHeatmap} [data-testid="gap-filter"] button`);
    toggle?.click();
    await fixture.whenStable();
    // the role heatmap's only gap is Coder's ICD-10-CM; the team heatmap keeps both skills
    expect(tableRows(`${roleHeatmap} table`)[0]).toEqual(['Role', 'ICD-10-CM']);
    expect(tableRows('[data-testid="team-heatmap"] table')[0]).toEqual(['Team', 'ICD-10-CM', 'CPT']);
  });

  it('reloads for a team, narrows the heatmaps to a role, and reloads for another date', async () => {
    await createPage();
    await flushFigures();

    const component = fixture.componentInstance as unknown as {
      showTeam(id: string | null): void;
      showRole(id: string | null): void;
    };
    component.showTeam(CODING);
    await fixture.whenStable();
    await flushFigures(CODING);
    expect(tableRows('[data-testid="team-heatmap"] table').map((row) => row[0])).toEqual([
      'Team',
      'Coding 3 active',
    ]);

    component.showRole(LEAD);
    await fixture.whenStable();
    http.expectNone((request) => request.url === '/api/v1/readiness');
    expect(tableRows('[data-testid="role-heatmap"] table').map((row) => row[0])).toEqual([
      'Role',
      'Lead coder 1 active',
    ]);

    const input = page.querySelector<HTMLInputElement>('input[data-testid="as-of"]') as HTMLInputElement;
    input.value = '2025-03-01';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    const request = http.expectOne((candidate) => candidate.url === '/api/v1/readiness');
    expect(request.request.params.get('asOf')).toBe('2025-03-01');
    expect(request.request.params.get('teamId')).toBe(CODING);
    request.flush(readiness());
    http.expectOne((candidate) => candidate.url === '/api/v1/skills-matrix').flush(matrix());
  });
});
