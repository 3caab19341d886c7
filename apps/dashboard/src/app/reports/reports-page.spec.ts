import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { UserRole } from '@him/contracts';
import { storeSession, testUser } from '../../testing/auth-session';
import {
  CODING_TEAM,
  department,
  INPATIENT_CODER_ROLE,
  page,
  ROI_TEAM,
  staff,
} from '../../testing/fixtures';
import {
  button,
  expectApi,
  pageTestProviders,
  readable,
  TEST_TODAY,
} from '../../testing/page-testing';
import { ReportsPage } from './reports-page';
import { SAVE_FILE } from '../core/save-file';

const PDF_NAME = 'compliance-riverside-department-2026-06-01.pdf';

describe('ReportsPage', () => {
  let harness: RouterTestingHarness;
  let root: HTMLElement;
  let http: HttpTestingController;
  let saveFile: jest.Mock;

  async function openReports(role: UserRole): Promise<void> {
    sessionStorage.clear();
    storeSession(testUser(role, role === 'manager' ? { staffId: 'staff-manager' } : {}));
    saveFile = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        ...pageTestProviders([{ path: 'reports', component: ReportsPage }]),
        { provide: SAVE_FILE, useValue: saveFile },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create('/reports');
    root = harness.routeNativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  async function answerDepartmentAndCatalog(): Promise<void> {
    expectApi(http, 'department').flush(department());
    expectApi(http, 'teams').flush(page([ROI_TEAM, CODING_TEAM]));
    expectApi(http, 'roles').flush(page([INPATIENT_CODER_ROLE]));
    await settle();
  }

  /** Waits (a few real milliseconds at a time) until the error panel shows `text`. */
  async function alertShown(text = ''): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
      await settle();
      const alert = root.querySelector('[role="alert"]');
      if (alert && readable(alert).includes(text)) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  function reportRequest(): TestRequest {
    return expectApi(http, 'reports/compliance');
  }

  async function answerWithFile(request: TestRequest, fileName = PDF_NAME): Promise<void> {
    request.flush(new Blob(['%PDF-1.3'], { type: 'application/pdf' }), {
      headers: { 'Content-Disposition': `attachment; filename="${fileName}"` },
    });
    await settle();
  }

  async function download(): Promise<void> {
    button(root, 'Download report').click();
    await settle();
  }

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => overlay.remove());
  });

  it("downloads the department's report as of the department's today, as a PDF on letter paper", async () => {
    await openReports('manager');
    await answerDepartmentAndCatalog();

    expect(readable(root.querySelector('h1'))).toBe('Compliance report');
    expect((root.querySelector('[data-testid="as-of"]') as HTMLInputElement).value).toBe(
      TEST_TODAY,
    );
    await download();

    const request = reportRequest();
    expect(request.request.responseType).toBe('blob');
    expect(request.request.params.keys().sort()).toEqual(['asOf', 'format', 'paper']);
    expect(request.request.params.get('asOf')).toBe(TEST_TODAY);
    expect(request.request.params.get('format')).toBe('pdf');
    expect(request.request.params.get('paper')).toBe('letter');
    expect(button(root, 'Preparing the report').disabled).toBe(true);
    expect(root.querySelector('mat-progress-bar')).not.toBeNull();

    await answerWithFile(request);
    expect(saveFile).toHaveBeenCalledTimes(1);
    const [blob, name] = saveFile.mock.calls[0];
    expect(blob).toBeInstanceOf(Blob);
    expect(name).toBe(PDF_NAME);
    expect(readable(root.querySelector('[role="status"]'))).toBe(`Downloaded ${PDF_NAME}.`);
    expect(button(root, 'Download report').disabled).toBe(false);
  });

  it('asks for one team as an Excel workbook, and says what is missing before asking', async () => {
    await openReports('admin');
    await answerDepartmentAndCatalog();
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);

    await (
      await loader.getHarness(MatRadioGroupHarness.with({ selector: '[data-testid="scope"]' }))
    ).checkRadioButton({
      label: 'One team',
    });
    await (
      await loader.getHarness(MatRadioGroupHarness.with({ selector: '[data-testid="format"]' }))
    ).checkRadioButton({
      label: /Excel/,
    });
    await download();
    // no team chosen yet: no request, an error under the field
    expect(readable(root.querySelector('mat-error'))).toBe('Choose a team.');

    const teamSelect = await loader.getHarness(
      MatSelectHarness.with({ selector: '[data-testid="team"]' }),
    );
    await teamSelect.open();
    expect((await teamSelect.getOptions()).length).toBe(2);
    await teamSelect.clickOptions({ text: 'Coding' });
    expect(root.querySelector('[data-testid="paper"]')).toBeNull();
    await download();

    const request = reportRequest();
    expect(request.request.params.get('teamId')).toBe(CODING_TEAM.id);
    expect(request.request.params.get('format')).toBe('xlsx');
    expect(request.request.params.has('paper')).toBe(false);
    await answerWithFile(request, 'compliance-riverside-team-coding-2026-06-01.xlsx');
    expect(saveFile.mock.calls[0][1]).toBe('compliance-riverside-team-coding-2026-06-01.xlsx');
  });

  it('finds a member by name and asks for their report as of a survey day', async () => {
    await openReports('manager');
    await answerDepartmentAndCatalog();
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    await (
      await loader.getHarness(MatRadioGroupHarness.with({ selector: '[data-testid="scope"]' }))
    ).checkRadioButton({
      label: 'One member',
    });

    const memberField = await loader.getHarness(
      MatAutocompleteHarness.with({ selector: '[data-testid="member"]' }),
    );
    await memberField.enterText('ana');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const search = expectApi(http, 'staff');
    expect(search.request.params.get('q')).toBe('ana');
    search.flush(page([staff({ id: 'staff-ana', name: 'Ana Ruiz', employeeId: 'E1' })]));
    await settle();
    // the panel shows new options a turn after they render (MatAutocompleteTrigger's delay(0))
    await new Promise((resolve) => setTimeout(resolve, 0));
    await settle();
    await memberField.selectOption({ text: /Ana Ruiz/ });
    expect(await memberField.getValue()).toBe('Ana Ruiz');

    const asOf = root.querySelector('[data-testid="as-of"]') as HTMLInputElement;
    asOf.value = '2026-09-15';
    asOf.dispatchEvent(new Event('input'));
    await download();

    const request = reportRequest();
    expect(request.request.params.get('staffId')).toBe('staff-ana');
    expect(request.request.params.get('asOf')).toBe('2026-09-15');
    await answerWithFile(request);
  });

  it("shows the API's message when the report is refused, and lets the user try again", async () => {
    await openReports('manager');
    await answerDepartmentAndCatalog();
    await download();

    const request = reportRequest();
    request.flush(
      new Blob(
        [
          JSON.stringify({
            statusCode: 400,
            error: 'Bad Request',
            message: ['asOf must be between 1900-01-01 and 2999-12-31'],
          }),
        ],
        {
          type: 'application/json',
        },
      ),
      { status: 400, statusText: 'Bad Request' },
    );
    // the Blob body is read back asynchronously
    await alertShown();
    expect(readable(root.querySelector('[role="alert"]'))).toBe(
      'The report could not be downloaded. asOf must be between 1900-01-01 and 2999-12-31',
    );
    expect(saveFile).not.toHaveBeenCalled();

    await download();
    reportRequest().flush(
      new Blob(['{"statusCode":404,"error":"Not Found","message":["team not found"]}']),
      {
        status: 404,
        statusText: 'Not Found',
      },
    );
    await alertShown('could not be found');
    expect(readable(root.querySelector('[role="alert"]'))).toContain(
      'The report could not be found.',
    );
  });

  it('gives staff their own report: no scope to choose', async () => {
    await openReports('staff');
    expectApi(http, 'department').flush(department());
    await settle();

    expect(readable(root.querySelector('h1'))).toBe('My compliance report');
    expect(root.querySelector('[data-testid="scope"]')).toBeNull();
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    await (
      await loader.getHarness(MatRadioGroupHarness.with({ selector: '[data-testid="format"]' }))
    ).checkRadioButton({
      label: /CSV/,
    });
    await download();

    const request = reportRequest();
    expect(request.request.params.keys().sort()).toEqual(['asOf', 'format']);
    expect(request.request.params.get('format')).toBe('csv');
    await answerWithFile(request, 'compliance-riverside-member-sam-2026-06-01.csv');
    expect(saveFile).toHaveBeenCalledTimes(1);
  });

  it('labels every control for assistive technology', async () => {
    await openReports('manager');
    await answerDepartmentAndCatalog();
    const groups = Array.from(root.querySelectorAll('mat-radio-group'));
    expect(
      groups.map((g) => readable(root.querySelector(`#${g.getAttribute('aria-labelledby')}`))),
    ).toEqual(['Who the report covers', 'Format']);
    expect(
      readable(
        root.querySelector(
          'label[for="' + (root.querySelector('[data-testid="as-of"]') as HTMLElement).id + '"]',
        ),
      ),
    ).toContain('As of');
  });
});
