import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import type { SkillsMatrixResponse } from '@him/contracts';
import { storeSession, testUser } from '../../testing/auth-session';
import {
  CCS_TYPE,
  CODING_TEAM,
  CPC_TYPE,
  credential,
  department,
  HIPAA_SKILL,
  ICD10_SKILL,
  INPATIENT_CODER_ROLE,
  page,
  RHIT_TYPE,
  ROI_TEAM,
} from '../../testing/fixtures';
import {
  button,
  expectApi,
  failWith,
  pageTestProviders,
  readable,
  TEST_TODAY,
} from '../../testing/page-testing';
import { TeamMatrixPage } from './team-matrix-page';

function matrix(teamId = CODING_TEAM.id): SkillsMatrixResponse {
  const cells = (icd: number, hipaa: number, cpt: number) => [
    {
      skillId: ICD10_SKILL.id,
      level: icd,
      requiredLevel: 3,
      source: 'assessment-manager' as const,
    },
    {
      skillId: HIPAA_SKILL.id,
      level: hipaa,
      requiredLevel: 2,
      source: 'assessment-manager' as const,
    },
    { skillId: 'skill-cpt', level: cpt, requiredLevel: null, source: 'none' as const },
  ];
  return {
    asOf: TEST_TODAY,
    skills: [
      { id: ICD10_SKILL.id, name: 'ICD-10-CM coding', category: 'technical' },
      { id: HIPAA_SKILL.id, name: 'HIPAA privacy', category: 'regulatory' },
      { id: 'skill-cpt', name: 'CPT coding', category: 'technical' },
    ],
    rows: [
      {
        staffId: 'staff-ana',
        name: 'Ana Ruiz',
        teamId,
        roleId: INPATIENT_CODER_ROLE.id,
        status: 'active',
        cells: cells(4, 2, 1),
      },
      {
        staffId: 'staff-ben',
        name: 'Ben Okafor',
        teamId,
        roleId: INPATIENT_CODER_ROLE.id,
        status: 'leave',
        cells: cells(2, 1, 0),
      },
    ],
  };
}

describe('TeamMatrixPage', () => {
  let harness: RouterTestingHarness;
  let root: HTMLElement;
  let http: HttpTestingController;

  async function openMatrix(url = '/team-matrix'): Promise<void> {
    sessionStorage.clear();
    storeSession(testUser('manager', { staffId: 'staff-manager' }));
    TestBed.configureTestingModule({
      providers: pageTestProviders([{ path: 'team-matrix', component: TeamMatrixPage }]),
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create(url);
    root = harness.routeNativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  async function answerCatalog(): Promise<void> {
    expectApi(http, 'teams').flush(page([ROI_TEAM, CODING_TEAM]));
    expectApi(http, 'roles').flush(page([INPATIENT_CODER_ROLE]));
    expectApi(http, 'credential-types').flush(page([CCS_TYPE, CPC_TYPE, RHIT_TYPE]));
    expectApi(http, 'department').flush(department());
    await settle();
  }

  /** The team's credentials: Ana holds CCS and an unverified RHIT, Ben an expired CPC. */
  function teamCredentials(teamId: string, body: SkillsMatrixResponse) {
    return body.rows.length === 0 || teamId !== CODING_TEAM.id
      ? []
      : [
          credential({ id: 'c-ana-ccs', staffId: 'staff-ana' }),
          credential({
            id: 'c-ben-cpc',
            staffId: 'staff-ben',
            credentialTypeId: CPC_TYPE.id,
            expiresOn: '2026-01-01',
          }),
          credential({
            id: 'c-ana-rhit',
            staffId: 'staff-ana',
            credentialTypeId: RHIT_TYPE.id,
            expiresOn: '2026-07-01',
            verification: null,
          }),
        ];
  }

  /** The team's skills matrix and its credentials, asked for together: one request each. */
  async function answerTeam(teamId = CODING_TEAM.id, body = matrix(teamId)): Promise<void> {
    const request = expectApi(http, 'skills-matrix');
    expect(request.request.params.get('teamId')).toBe(teamId);
    const credentials = expectApi(http, 'credentials');
    expect(credentials.request.params.get('teamId')).toBe(teamId);
    expect(credentials.request.params.get('limit')).toBe('500');
    expect(credentials.request.params.get('offset')).toBe('0');
    request.flush(body);
    const items = teamCredentials(teamId, body);
    credentials.flush({ items, total: items.length });
    await settle();
    http.expectNone((candidate) => /\/staff\/[^/]+\/credentials$/.test(candidate.url));
  }

  function tableRows(testId: string): string[][] {
    return Array.from(root.querySelectorAll(`[data-testid="${testId}"] tr`)).map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => readable(cell)),
    );
  }

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => overlay.remove());
  });

  it('opens the team the manager manages and keeps it in the address', async () => {
    await openMatrix();
    await answerCatalog();
    await answerTeam();

    expect(TestBed.inject(Router).url).toBe(`/team-matrix?team=${CODING_TEAM.id}`);
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    expect(await (await loader.getHarness(MatSelectHarness)).getValueText()).toBe('Coding');
  });

  it('shows levels against requirements, marking those below in words and colour', async () => {
    await openMatrix();
    await answerCatalog();
    await answerTeam();

    expect(tableRows('skills-matrix')).toEqual([
      ['Member', 'ICD-10-CM coding', 'HIPAA privacy'],
      ['Ana Ruiz', '4 meets 3', '2 meets 2'],
      ['Ben Okafor On leave', 'Gap 2 / 3 needed', 'Gap 1 / 2 needed'],
    ]);
    const below = root.querySelectorAll('[data-testid="skills-matrix"] td.below');
    expect(below).toHaveLength(2);
    expect(below[0].querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(readable(root.querySelector('[data-testid="skills-summary"]'))).toBe(
      '2 skill levels are below requirement, for 1 member.',
    );
    expect(root.querySelector('[data-testid="skills-matrix"] tbody a')?.getAttribute('href')).toBe(
      '/staff/staff-ana',
    );
  });

  it('shows every skill when asked, not only the required ones', async () => {
    await openMatrix();
    await answerCatalog();
    await answerTeam();
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);

    await (await loader.getHarness(MatCheckboxHarness)).uncheck();

    expect(tableRows('skills-matrix')[0]).toEqual([
      'Member',
      'ICD-10-CM coding',
      'HIPAA privacy',
      'CPT coding',
    ]);
    expect(tableRows('skills-matrix')[1][3]).toBe('1');
  });

  it("shows members x credentials with status chips and the role's missing credentials", async () => {
    await openMatrix();
    await answerCatalog();
    await answerTeam();

    expect(tableRows('credentials-matrix')).toEqual([
      ['Member', 'Required, missing', 'CCS', 'CPC', 'RHIT'],
      ['Ana Ruiz', 'Nothing', 'Current', 'None', 'Expiring in 30 days Unverified'],
      // an either/or requirement is one chip, not one per credential type
      // both of its types are gaps: either would meet it
      ['Ben Okafor On leave', 'CCS or CPC — missing', 'Gap Missing', 'Gap Expired', 'None'],
    ]);
  });

  it('filters the skills by category and to those with a gap, keeping both in the address', async () => {
    await openMatrix(`/team-matrix?team=${CODING_TEAM.id}&skillCategory=regulatory`);
    await answerCatalog();
    await answerTeam();
    expect(tableRows('skills-matrix')[0]).toEqual(['Member', 'HIPAA privacy']);
    // the summary counts the team's gaps, whatever the filter hides
    expect(readable(root.querySelector('[data-testid="skills-summary"]'))).toBe(
      '2 skill levels are below requirement, for 1 member.',
    );

    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const categories = await loader.getHarness(
      MatSelectHarness.with({ selector: '[data-testid="category-filter"]' }),
    );
    await categories.clickOptions({ text: 'All categories' });
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/team-matrix?team=${CODING_TEAM.id}`);
    await (await loader.getHarness(MatCheckboxHarness)).uncheck();
    await settle();
    expect(tableRows('skills-matrix')[0]).toEqual([
      'Member',
      'ICD-10-CM coding',
      'HIPAA privacy',
      'CPT coding',
    ]);

    await (
      await loader.getHarness(MatSlideToggleHarness.with({ label: 'Only skills with a gap' }))
    ).check();
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/team-matrix?team=${CODING_TEAM.id}&skillGaps=1`);
    // nobody needs CPT, so it has no gap
    expect(tableRows('skills-matrix')[0]).toEqual(['Member', 'ICD-10-CM coding', 'HIPAA privacy']);
  });

  it('shows only the credential types with a gap when asked in the address', async () => {
    await openMatrix(`/team-matrix?team=${CODING_TEAM.id}&credentialGaps=1`);
    await answerCatalog();
    await answerTeam();
    // Ben's role needs CCS or CPC and his CPC has expired; nobody needs RHIT
    expect(tableRows('credentials-matrix')[0]).toEqual([
      'Member',
      'Required, missing',
      'CCS',
      'CPC',
    ]);
    const gaps = root.querySelectorAll('[data-testid="credentials-matrix"] td.below');
    expect(gaps).toHaveLength(2);
    expect(readable(gaps[0].querySelector('[data-testid="gap-marker"]'))).toBe('Gap');
  });

  it('switches team from the selector and loads that team', async () => {
    await openMatrix();
    await answerCatalog();
    await answerTeam();
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);

    await (
      await loader.getHarness(MatSelectHarness)
    ).clickOptions({ text: 'Release of Information' });
    await settle();

    await answerTeam(ROI_TEAM.id, { ...matrix(ROI_TEAM.id), rows: [] });
    expect(TestBed.inject(Router).url).toBe(`/team-matrix?team=${ROI_TEAM.id}`);
    expect(readable(root)).toContain('Release of Information has no members yet.');
  });

  it('opens the team named in the address', async () => {
    await openMatrix(`/team-matrix?team=${ROI_TEAM.id}`);
    await answerCatalog();

    await answerTeam(ROI_TEAM.id, { ...matrix(ROI_TEAM.id), rows: [] });
    expect(readable(root)).toContain('Release of Information has no members yet.');
  });

  it('says so when the department has no teams', async () => {
    await openMatrix();
    expectApi(http, 'teams').flush(page([]));
    expectApi(http, 'roles').flush(page([]));
    expectApi(http, 'credential-types').flush(page([]));
    expectApi(http, 'department').flush(department());
    await settle();

    expect(readable(root)).toContain('No teams are set up in this department yet.');
  });

  it('shows an error with a retry when the matrix cannot be loaded', async () => {
    await openMatrix();
    await answerCatalog();
    failWith(expectApi(http, 'skills-matrix'), 500);
    await settle();

    const alert = root.querySelector('[role="alert"]');
    expect(readable(alert)).toContain("The team's skills could not be loaded");
    button(alert as HTMLElement, 'Try again').click();
    await settle();
    await answerTeam();
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it("pages through a team's credentials when there are more than one page holds", async () => {
    await openMatrix();
    await answerCatalog();
    expectApi(http, 'skills-matrix').flush(matrix());
    const first = expectApi(http, 'credentials');
    // 500 on the first page, of 501: only Ben's CPC is on the second.
    const filler = Array.from({ length: 500 }, (_, n) =>
      credential({ id: `c-old-${n}`, staffId: 'staff-ana', revokedOn: '2020-01-01' }),
    );
    first.flush({ items: filler, total: 501 });
    await settle();
    const second = expectApi(http, 'credentials');
    expect(second.request.params.get('offset')).toBe('500');
    second.flush({
      items: [
        credential({
          id: 'c-ben-cpc',
          staffId: 'staff-ben',
          credentialTypeId: CPC_TYPE.id,
          expiresOn: '2026-01-01',
        }),
      ],
      total: 501,
    });
    await settle();

    expect(tableRows('credentials-matrix')[2]).toEqual([
      'Ben Okafor On leave',
      'CCS or CPC — missing',
      'Gap Missing',
      'Gap Expired',
    ]);
  });

  it('shows nothing of the previous team while the next one loads', async () => {
    await openMatrix();
    await answerCatalog();
    await answerTeam();
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);

    await (
      await loader.getHarness(MatSelectHarness)
    ).clickOptions({ text: 'Release of Information' });
    await settle();

    expect(root.querySelector('[data-testid="skills-matrix"]')).toBeNull();
    expect(root.querySelector('[data-testid="credentials-matrix"]')).toBeNull();
    await answerTeam(ROI_TEAM.id, { ...matrix(ROI_TEAM.id), rows: [] });
  });

  it("shows an error with a retry when the team's credentials cannot be loaded", async () => {
    await openMatrix();
    await answerCatalog();
    expectApi(http, 'skills-matrix').flush(matrix());
    failWith(expectApi(http, 'credentials'), 500);
    await settle();

    expect(root.querySelector('[data-testid="skills-matrix"]')).not.toBeNull();
    const alert = root.querySelector('[role="alert"]');
    expect(readable(alert)).toContain("The team's credentials could not be loaded");
    button(alert as HTMLElement, 'Try again').click();
    await settle();
    const items = teamCredentials(CODING_TEAM.id, matrix());
    expectApi(http, 'credentials').flush({ items, total: items.length });
    await settle();
    expect(tableRows('credentials-matrix')[1]).toEqual([
      'Ana Ruiz',
      'Nothing',
      'Current',
      'None',
      'Expiring in 30 days Unverified',
    ]);
  });
});
