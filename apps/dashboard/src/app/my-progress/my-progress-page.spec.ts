import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { CeActivity, CeGroup, Department } from '@him/contracts';
import { storeSession, testUser } from '../../testing/auth-session';
import {
  AHIMA_RULE,
  assessment,
  CCS_TYPE,
  CPC_TYPE,
  ceActivity,
  ceGroup,
  credential,
  department,
  HIPAA_SKILL,
  ICD10_SKILL,
  INPATIENT_CODER_ROLE,
  NCRA_RULE,
  page,
  staff,
} from '../../testing/fixtures';
import {
  button,
  expectApi,
  failWith,
  fieldErrors,
  pageTestProviders,
  readable,
  TEST_TODAY,
  typeInto,
} from '../../testing/page-testing';
import { MyProgressPage } from './my-progress-page';

const ME = 'staff-1';

interface Answers {
  department?: Partial<Department>;
  ceStatus?: CeGroup[];
  credentials?: ReturnType<typeof credential>[];
  activities?: CeActivity[];
}

describe('MyProgressPage', () => {
  let fixture: ComponentFixture<MyProgressPage>;
  let root: HTMLElement;
  let http: HttpTestingController;

  async function openPage(answers: Answers = {}): Promise<void> {
    sessionStorage.clear();
    storeSession(testUser('staff'));
    TestBed.configureTestingModule({ imports: [MyProgressPage], providers: pageTestProviders() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MyProgressPage);
    root = fixture.nativeElement;
    await fixture.whenStable();

    expectApi(http, 'department').flush(department(answers.department));
    const status = expectApi(http, 'ce-status');
    expect(status.request.params.get('staffId')).toBe(ME);
    status.flush(answers.ceStatus ?? [ceGroup()]);
    expectApi(http, `staff/${ME}/credentials`).flush(
      page(
        answers.credentials ?? [
          credential(),
          credential({
            id: 'cred-cpc',
            credentialTypeId: CPC_TYPE.id,
            number: null,
            issuedOn: '2017-11-23',
            expiresOn: '2026-06-13',
            verification: null,
          }),
          credential({
            id: 'cred-old',
            credentialTypeId: CPC_TYPE.id,
            issuedOn: '2014-01-01',
            expiresOn: '2016-01-01',
          }),
        ],
      ),
    );
    expectApi(http, 'credential-types').flush(page([CCS_TYPE, CPC_TYPE]));
    expectApi(http, `staff/${ME}/ce-activities`).flush(
      page(
        answers.activities ?? [
          ceActivity(),
          ceActivity({
            id: 'activity-2',
            title: 'Sepsis webinar',
            completedOn: '2026-05-02',
            status: 'rejected',
            reviewNote: 'Not CE-approved',
          }),
        ],
      ),
    );
    expectApi(http, 'ce-rules').flush(page([AHIMA_RULE, NCRA_RULE]));
    expectApi(http, 'skills').flush(page([ICD10_SKILL, HIPAA_SKILL]));
    expectApi(http, `staff/${ME}/assessments`).flush(
      page([assessment({ source: 'self', level: 2, note: 'After the refresher' })]),
    );
    expectApi(http, 'calendar-tokens').flush(page([]));
    await fixture.whenStable();
    // "Am I ready?" at the top: the member's readiness, record, role and the requirement names.
    expectApi(http, `staff/${ME}/readiness`).flush({
      asOf: TEST_TODAY,
      staffId: ME,
      readiness: {
        staffId: ME,
        name: 'Miguel Álvarez',
        teamId: 'team-coding',
        roleId: INPATIENT_CODER_ROLE.id,
        met: 2,
        total: 3,
        ready: false,
        missing: [INPATIENT_CODER_ROLE.requirements[2]],
      },
    });
    expectApi(http, `staff/${ME}`).flush(staff({ id: ME }));
    expectApi(http, 'roles').flush(page([INPATIENT_CODER_ROLE]));
    for (const request of http.match((r) => r.url === '/api/v1/credential-types')) {
      request.flush(page([CCS_TYPE, CPC_TYPE]));
    }
    for (const request of http.match((r) => r.url === '/api/v1/skills')) {
      request.flush(page([ICD10_SKILL, HIPAA_SKILL]));
    }
    await fixture.whenStable();
  }

  function section(headingId: string): HTMLElement {
    return root.querySelector<HTMLElement>(
      `section[aria-labelledby="${headingId}"]`,
    ) as HTMLElement;
  }

  function logForm(): HTMLFormElement {
    return root.querySelector('him-ce-activity-form form') as HTMLFormElement;
  }

  function logInput(name: string): HTMLInputElement {
    return logForm().querySelector(`[formcontrolname="${name}"]`) as HTMLInputElement;
  }

  afterEach(() => {
    // the reassessments due load on their own (their own component)
    http.match((request) => request.url === '/api/v1/reassessments-due');
    http.verify();
  });

  it('says at the top, before CE, whether I am ready: the requirements met and missing', async () => {
    await openPage();
    const headings = [...root.querySelectorAll('h2')].map((h) => readable(h));
    expect(headings.slice(0, 2)).toEqual(['Am I ready?', 'Continuing education']);
    expect(readable(section('my-readiness-heading'))).toContain(
      'Not ready As of 2026-06-01 (Medical coder, inpatient): 2 of 3 requirements met: not ready.',
    );
    const rows = [...section('my-readiness-heading').querySelectorAll('li')].map((li) =>
      readable(li),
    );
    expect(rows[0]).toMatch(/^Missing HIPAA privacy/);
    expect(rows.slice(1).every((row) => row.startsWith('Met'))).toBe(true);
  });

  it('shows each CE group with a progress bar, hours and pending in words, pace, status and minimums', async () => {
    await openPage();

    const card = section('ce-progress-heading').querySelector('him-ce-group-card');
    const text = readable(card);
    expect(text).toContain('AHIMA: CCS');
    expect(text).toContain('16 of 20 hours, 3.5 pending');
    expect(text).toContain('Pace today: 14.96 h');
    expect(text).toContain('4 hours still needed');
    expect(text).toContain('On track');
    expect(text).toContain('Cycle: 2025-09-20 to 2027-09-19 (475 days left)');
    expect(text).toContain('HIIM domains: 16 of 16 h Met');
    expect(text).toContain('AHIMA or component association provided: 5 of 8 h Not met yet');

    const bar = card?.querySelector('mat-progress-bar');
    expect(bar?.getAttribute('role')).toBe('progressbar');
    expect(bar?.getAttribute('aria-valuenow')).toBe('80');
    expect(bar?.getAttribute('aria-valuetext')).toBe('16 of 20 hours, 3.5 pending');
    expect(bar?.getAttribute('aria-label')).toBe('AHIMA: CCS approved CE hours');
  });

  it.each<[CeGroup['status'], string]>([
    ['met', 'Met'],
    ['on-track', 'On track'],
    ['behind', 'Behind'],
    ['at-risk', 'At risk'],
  ])('says the %s status in words next to its icon', async (status, words) => {
    await openPage({ ceStatus: [ceGroup({ status })] });

    const chip = section('ce-progress-heading').querySelector('him-status-chip');
    expect(readable(chip)).toBe(words);
    expect(chip?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('shows own credentials with status chips: current, expiring in N days, unverified, expired', async () => {
    await openPage();

    const items = Array.from(section('credentials-heading').querySelectorAll('li.record')).map(
      (item) => readable(item),
    );
    expect(items).toHaveLength(3);
    expect(items[0]).toContain(
      'CPC — Certified Professional Coder (AAPC) Expiring in 12 days Unverified',
    );
    expect(items[0]).toContain('Number: Not recorded');
    expect(items[0]).toContain('Verification: Not verified');
    expect(items[1]).toContain('CCS — Certified Coding Specialist (AHIMA) Current');
    expect(items[1]).toContain('Verification: Primary source, 2025-09-27');
    expect(items[2]).toContain('Expired');
    // Editing credentials is for managers (the member only adds one newly earned); evidence
    // opens on request, without asking the server.
    const buttons = Array.from(section('credentials-heading').querySelectorAll('button'));
    expect(buttons.map((candidate) => readable(candidate))).toEqual([
      'Add evidence',
      'Add evidence',
      'Add evidence',
      'Add a credential you earned',
    ]);
    expect(buttons[0].getAttribute('aria-label')).toBe('Add evidence for CPC');
    expect(buttons[0].getAttribute('aria-expanded')).toBe('false');
    expect(readable(section('credentials-heading'))).toContain('No evidence attached');
  });

  it('lists own CE activities with their review status in words', async () => {
    await openPage();

    const items = Array.from(section('activities-heading').querySelectorAll('li.record')).map(
      (item) => readable(item),
    );
    expect(items[0]).toContain('Sepsis webinar Rejected');
    expect(items[0]).toContain("Reviewer's note: Not CE-approved");
    expect(items[1]).toContain('Coding Clinic Q1 Approved');
    expect(items[1]).toContain('AHA Central Office · 2026-03-06 · 1.5 hours');
  });

  it('attaches a certificate to a CE activity, and the record then says it has one', async () => {
    await openPage({
      activities: [ceActivity({ id: 'activity-1', status: 'submitted', hasEvidence: false })],
    });
    const record = section('activities-heading').querySelector('li.record') as HTMLElement;
    expect(readable(record)).toContain('No certificate attached');

    const toggle = button(record, 'Add certificate');
    expect(toggle.getAttribute('aria-label')).toBe('Add certificate for Coding Clinic Q1');
    toggle.click();
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-controls')).toBe(
      record.querySelector('him-evidence-upload')?.id,
    );
    expectApi(http, 'ce-activities/activity-1/evidence').flush(page([]));
    await fixture.whenStable();
    expect(readable(record)).toContain('No files attached yet.');

    const input = record.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File(['%PDF-1.4 certificate'], 'certificate.pdf', {
      type: 'application/pdf',
    });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    const upload = expectApi(http, 'ce-activities/activity-1/evidence', 'POST');
    expect(((upload.request.body as FormData).get('file') as File).name).toBe('certificate.pdf');
    upload.flush({
      id: 'ev-1',
      ownerKind: 'ce-activity',
      ownerId: 'activity-1',
      staffId: ME,
      originalName: 'certificate.pdf',
      contentType: 'application/pdf',
      sizeBytes: 20,
      sha256: 'ab'.repeat(32),
      uploadedByUserId: 'user-staff',
      uploadedAt: '2026-06-01T15:00:00.000Z',
      canDelete: true,
    });
    await fixture.whenStable();
    expect(readable(record)).toContain('certificate.pdf PDF · 20 bytes');

    button(record, 'Hide certificate').click();
    await fixture.whenStable();
    expect(readable(record)).toContain('Certificate attached');
    expect(readable(button(record, 'Show certificate'))).toBe('Show certificate');
    expect(record.querySelector('him-evidence-upload')).toBeNull();
  });

  it('ends with the calendar feeds of the signed-in member', async () => {
    await openPage();

    const sections = root.querySelectorAll('section.page-section');
    const last = sections[sections.length - 1];
    expect(readable(last.querySelector('h2'))).toBe('Calendar feed');
    expect(last.querySelector('him-calendar-feeds')).not.toBeNull();
    expect(readable(last)).toContain('You have no calendar feeds yet.');
  });

  it('says so when nothing is due, no credential is on record and nothing is logged', async () => {
    await openPage({ ceStatus: [], credentials: [], activities: [] });

    expect(readable(section('ce-progress-heading'))).toContain('No continuing education is due');
    expect(readable(section('credentials-heading'))).toContain('No credentials on record');
    expect(readable(section('activities-heading'))).toContain(
      'You have not logged any CE activities yet.',
    );
  });

  it('shows an error with a retry for CE progress that could not be loaded, and retries', async () => {
    sessionStorage.clear();
    storeSession(testUser('staff'));
    TestBed.configureTestingModule({ imports: [MyProgressPage], providers: pageTestProviders() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MyProgressPage);
    root = fixture.nativeElement;
    await fixture.whenStable();
    failWith(expectApi(http, 'ce-status'), 500);
    http
      .match(() => true)
      .forEach((request) =>
        request.flush(request.request.url === '/api/v1/reassessments-due' ? [] : page([])),
      );
    await fixture.whenStable();

    const alert = section('ce-progress-heading').querySelector('[role="alert"]');
    expect(readable(alert)).toContain('Your CE progress could not be loaded');
    expect(readable(alert)).toContain(
      'The server had a problem loading your CE progress (error 500)',
    );

    button(alert as HTMLElement, 'Try again').click();
    await fixture.whenStable();
    expectApi(http, 'ce-status').flush([ceGroup()]);
    await fixture.whenStable();
    expect(section('ce-progress-heading').querySelector('[role="alert"]')).toBeNull();
    expect(readable(section('ce-progress-heading'))).toContain('16 of 20 hours');
    http.match(() => true).forEach((request) => request.flush(page([])));
  });

  it('offers the rule categories as checkboxes and own credentials in force in the log form', async () => {
    await openPage();
    const loader = TestbedHarnessEnvironment.loader(fixture);

    const boxes = await loader.getAllHarnesses(
      MatCheckboxHarness.with({ ancestor: 'him-ce-activity-form' }),
    );
    expect(await Promise.all(boxes.map((box) => box.getLabelText()))).toEqual([
      'HIIM domains (AHIMA: at least 80% of required hours)',
      'AHIMA or component association provided (AHIMA: at least 40% of required hours)',
      'ODS Category A (NCRA: at least 4 hours)',
    ]);
    expect(logInput('completedOn').value).toBe(TEST_TODAY);
    expect(logInput('completedOn').getAttribute('max')).toBe(TEST_TODAY);

    const select = await loader.getHarness(
      MatSelectHarness.with({ ancestor: 'him-ce-activity-form' }),
    );
    await select.open();
    const options = await select.getOptions();
    // The expired CPC is not offered.
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual([
      'CCS (AHIMA)',
      'CPC (AAPC)',
    ]);
  });

  it('logs an activity: it is listed as submitted and the pending hours move', async () => {
    await openPage();
    const loader = TestbedHarnessEnvironment.loader(fixture);

    typeInto(logInput('title'), '  Coding Clinic Q2  ');
    typeInto(logInput('provider'), 'AHA Central Office');
    typeInto(logInput('hours'), '2');
    const boxes = await loader.getAllHarnesses(
      MatCheckboxHarness.with({ ancestor: 'him-ce-activity-form' }),
    );
    await boxes[0].check();
    const select = await loader.getHarness(
      MatSelectHarness.with({ ancestor: 'him-ce-activity-form' }),
    );
    await select.clickOptions({ text: 'CCS (AHIMA)' });
    button(logForm(), 'Log activity').click();
    await fixture.whenStable();

    const post = expectApi(http, `staff/${ME}/ce-activities`, 'POST');
    expect(post.request.body).toEqual({
      title: 'Coding Clinic Q2',
      provider: 'AHA Central Office',
      completedOn: TEST_TODAY,
      hours: 2,
      categories: ['hiim-domain'],
      credentialIds: ['cred-ccs'],
    });
    post.flush(
      ceActivity({
        id: 'activity-new',
        title: 'Coding Clinic Q2',
        completedOn: TEST_TODAY,
        hours: 2,
        credentialIds: ['cred-ccs'],
        status: 'submitted',
        reviewedAt: null,
        reviewedByUserId: null,
        version: 1,
      }),
    );
    await fixture.whenStable();

    // The CE status is asked again, and now counts the new hours as pending.
    expectApi(http, 'ce-status').flush([ceGroup({ pending: 5.5 })]);
    await fixture.whenStable();

    const first = section('activities-heading').querySelector('li.record');
    expect(readable(first)).toContain('Coding Clinic Q2 Submitted — awaiting review');
    expect(readable(first)).toContain('For: CCS');
    expect(readable(section('ce-progress-heading'))).toContain('16 of 20 hours, 5.5 pending');
    expect(readable(logForm().querySelector('[role="status"]'))).toBe(
      'Logged “Coding Clinic Q2”: submitted, awaiting review.',
    );
    // Ready for the next entry.
    expect(logInput('title').value).toBe('');
    expect(logInput('completedOn').value).toBe(TEST_TODAY);
    expect(document.activeElement).toBe(logInput('title'));
  });

  it('adds other categories typed into the chip field as slugs', async () => {
    await openPage();

    const chipInput = logForm().querySelector('mat-chip-grid input') as HTMLInputElement;
    chipInput.value = 'Coding Update';
    chipInput.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13 }));
    await fixture.whenStable();
    expect(readable(logForm().querySelector('mat-chip-grid'))).toContain('Coding update');
    // Leaving the field makes the chip grid write its chips' values back to the form, as in a browser.
    chipInput.dispatchEvent(new Event('blur'));
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();

    typeInto(logInput('title'), 'Update day');
    typeInto(logInput('provider'), 'ILHIMA');
    typeInto(logInput('hours'), '1.25');
    button(logForm(), 'Log activity').click();
    await fixture.whenStable();

    const post = expectApi(http, `staff/${ME}/ce-activities`, 'POST');
    expect(post.request.body.categories).toEqual(['coding-update']);
    expect(post.request.body.credentialIds).toBeUndefined();
    post.flush(ceActivity({ id: 'x', status: 'submitted' }));
    await fixture.whenStable();
    expectApi(http, 'ce-status').flush([ceGroup()]);
  });

  it('checks the form before sending: required fields, hours, a date in the future', async () => {
    await openPage();

    typeInto(logInput('hours'), '0');
    typeInto(logInput('completedOn'), '2026-06-02');
    button(logForm(), 'Log activity').click();
    await fixture.whenStable();

    expect(fieldErrors(logInput('title'))).toEqual(["Enter the activity's title."]);
    expect(fieldErrors(logInput('provider'))).toEqual(['Enter the provider.']);
    expect(fieldErrors(logInput('hours'))).toEqual(['Hours must be more than 0.']);
    expect(fieldErrors(logInput('completedOn'))).toEqual([
      `The date cannot be in the future (today is ${TEST_TODAY}).`,
    ]);

    typeInto(logInput('hours'), '1.255');
    await fixture.whenStable();
    expect(fieldErrors(logInput('hours'))).toEqual(['Use at most two decimals, for example 1.25.']);
  });

  it("shows the API's validation lines at the field they name, and the others above the form", async () => {
    await openPage();

    typeInto(logInput('title'), 'Webinar');
    typeInto(logInput('provider'), 'AHIMA');
    typeInto(logInput('hours'), '1');
    button(logForm(), 'Log activity').click();
    await fixture.whenStable();
    failWith(expectApi(http, `staff/${ME}/ce-activities`, 'POST'), 400, [
      'hours must not be less than 0.01',
      'completedOn must not be in the future (today is 2026-05-31)',
      'the activity could not be matched to a cycle',
    ]);
    await fixture.whenStable();

    expect(fieldErrors(logInput('hours'))).toEqual(['Must not be less than 0.01.']);
    expect(fieldErrors(logInput('completedOn'))).toEqual([
      'Must not be in the future (today is 2026-05-31)',
    ]);
    expect(readable(logForm().querySelector('.form-alert[role="alert"]'))).toBe(
      'The activity could not be matched to a cycle.',
    );

    // Editing the field clears its server message.
    typeInto(logInput('hours'), '1.5');
    await fixture.whenStable();
    expect(fieldErrors(logInput('hours'))).toEqual([]);
  });

  it('records a self-assessment with a level chosen by its name', async () => {
    await openPage();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const form = section('self-assessment-heading');

    expect(readable(form.querySelector('him-assessment-history'))).toContain(
      'ICD-10-CM coding: Working (2)',
    );
    expect(readable(form.querySelector('him-assessment-history'))).toContain(
      '2026-02-01 · Self-assessment',
    );

    const skill = await loader.getHarness(
      MatSelectHarness.with({ ancestor: 'him-assessment-form' }),
    );
    await skill.clickOptions({ text: 'HIPAA privacy' });
    const levels = await loader.getHarness(MatRadioGroupHarness);
    expect(
      await Promise.all((await levels.getRadioButtons()).map((radio) => radio.getLabelText())),
    ).toEqual(['0 — None', '1 — Awareness', '2 — Working', '3 — Proficient', '4 — Expert']);
    await levels.checkRadioButton({ label: '3 — Proficient' });
    button(form, 'Save self-assessment').click();
    await fixture.whenStable();

    const post = expectApi(http, `staff/${ME}/assessments`, 'POST');
    expect(post.request.body).toEqual({
      skillId: HIPAA_SKILL.id,
      level: 3,
      assessedOn: TEST_TODAY,
      source: 'self',
    });
    post.flush(
      assessment({
        id: 'a-new',
        skillId: HIPAA_SKILL.id,
        level: 3,
        assessedOn: TEST_TODAY,
        source: 'self',
      }),
    );
    await fixture.whenStable();

    expect(readable(form.querySelector('him-assessment-history li'))).toContain(
      'HIPAA privacy: Proficient (3)',
    );
  });

  it('asks for a skill and a level before saving a self-assessment', async () => {
    await openPage();
    const form = section('self-assessment-heading');

    button(form, 'Save self-assessment').click();
    await fixture.whenStable();

    expect(readable(form)).toContain('Choose a skill.');
    expect(readable(form)).toContain('Choose a level.');
  });

  /** Chooses `file` in the log form's certificate input, as the file picker does. */
  async function chooseCertificate(file: File): Promise<void> {
    const input = logForm().querySelector('[data-testid="certificate-file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  function fillActivity(title: string): void {
    typeInto(logInput('title'), title);
    typeInto(logInput('provider'), 'AHIMA');
    typeInto(logInput('hours'), '1');
  }

  it('sends the certificate with the activity in one submit, and resets without errors', async () => {
    await openPage();
    const hint = readable(logForm().querySelector('[data-testid="certificate-hint"]'));
    expect(hint).toBe(
      'A PDF, or a photo or scan (PNG or JPEG), at most 10 MB. It is sent with the activity.',
    );
    const input = logForm().querySelector('[data-testid="certificate-file"]') as HTMLInputElement;
    expect(input.accept).toContain('application/pdf');
    const photo = logForm().querySelector('[data-testid="certificate-photo"]') as HTMLInputElement;
    expect(photo.getAttribute('capture')).toBe('environment');

    fillActivity('Coding Clinic Q3');
    await chooseCertificate(new File(['%PDF-1.4'], 'certificate.pdf', { type: 'application/pdf' }));
    expect(readable(logForm())).toContain('certificate.pdf');
    button(logForm(), 'Log activity').click();
    await fixture.whenStable();

    expectApi(http, `staff/${ME}/ce-activities`, 'POST').flush(
      ceActivity({
        id: 'activity-new',
        title: 'Coding Clinic Q3',
        status: 'submitted',
        version: 1,
      }),
    );
    await fixture.whenStable();
    const upload = expectApi(http, 'ce-activities/activity-new/evidence', 'POST');
    expect((upload.request.body as FormData).get('file')).toBeInstanceOf(File);
    upload.flush({
      id: 'file-1',
      ownerKind: 'ce-activity',
      ownerId: 'activity-new',
      staffId: ME,
      originalName: 'certificate.pdf',
      contentType: 'application/pdf',
      sizeBytes: 8,
      sha256: 'ab',
      uploadedByUserId: 'user-staff',
      uploadedAt: '2026-06-01T10:00:00.000Z',
      canDelete: true,
    });
    await fixture.whenStable();
    expectApi(http, 'ce-status').flush([ceGroup()]);
    await fixture.whenStable();

    expect(readable(logForm().querySelector('[role="status"]'))).toBe(
      'Logged “Coding Clinic Q3” with its certificate: submitted, awaiting review.',
    );
    const logged = Array.from(section('activities-heading').querySelectorAll('li.record')).find(
      (item) => readable(item).startsWith('Coding Clinic Q3'),
    );
    expect(readable(logged)).toContain('Certificate attached');
    // resetForm(): empty, and no "Enter the activity's title." after the submit
    expect(logInput('title').value).toBe('');
    expect(logForm().querySelectorAll('mat-error')).toHaveLength(0);
    expect(logForm().classList).not.toContain('ng-submitted');
    expect(readable(logForm())).not.toContain('certificate.pdf');
  });

  it('refuses a certificate over the limit or of another kind before anything is sent', async () => {
    await openPage({ department: { evidenceMaxBytes: 1024 } });
    expect(readable(logForm().querySelector('[data-testid="certificate-hint"]'))).toContain(
      'at most 1 KB',
    );
    await chooseCertificate(new File(['x'.repeat(2048)], 'scan.png', { type: 'image/png' }));
    expect(readable(logForm())).toContain('“scan.png” is 2 KB; a certificate may be at most 1 KB.');
    await chooseCertificate(new File(['hello'], 'notes.docx', { type: 'application/msword' }));
    expect(readable(logForm())).toContain('“notes.docx” is not a PDF, PNG or JPEG.');
    fillActivity('Coding Clinic Q4');
    button(logForm(), 'Log activity').click();
    await fixture.whenStable();
    expect(http.match((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('offers Edit and Withdraw only for activities awaiting review, and sends PATCH and DELETE', async () => {
    await openPage({
      activities: [
        ceActivity({ id: 'activity-open', title: 'Open webinar', status: 'submitted', version: 1 }),
        ceActivity({ id: 'activity-done', title: 'Approved webinar', status: 'approved' }),
      ],
    });
    const activities = section('activities-heading');
    const labels = Array.from(activities.querySelectorAll('button[aria-label]')).map((b) =>
      b.getAttribute('aria-label'),
    );
    expect(labels).toContain('Edit Open webinar');
    expect(labels).toContain('Withdraw Open webinar');
    expect(labels).not.toContain('Edit Approved webinar');
    expect(labels).not.toContain('Withdraw Approved webinar');

    activities.querySelector<HTMLButtonElement>('button[aria-label="Edit Open webinar"]')?.click();
    await fixture.whenStable();
    expect(logInput('title').value).toBe('Open webinar');
    expect(logInput('completedOn').value).toBe('2026-03-06');
    typeInto(logInput('hours'), '2.5');
    button(logForm(), 'Save changes').click();
    await fixture.whenStable();
    const patch = expectApi(http, 'ce-activities/activity-open', 'PATCH');
    expect(patch.request.body).toEqual({
      title: 'Open webinar',
      provider: 'AHA Central Office',
      completedOn: '2026-03-06',
      hours: 2.5,
      categories: ['hiim-domain'],
      credentialIds: [],
      version: 1,
    });
    patch.flush(
      ceActivity({
        id: 'activity-open',
        title: 'Open webinar',
        status: 'submitted',
        hours: 2.5,
        version: 2,
      }),
    );
    await fixture.whenStable();
    expectApi(http, 'ce-status').flush([ceGroup()]);
    await fixture.whenStable();
    expect(readable(activities.querySelector('li.record'))).toContain('2.5 hours');
    expect(readable(logForm().querySelector('[role="status"]'))).toBe(
      'Saved “Open webinar”: submitted, awaiting review.',
    );
    expect(button(logForm(), 'Log activity')).toBeTruthy();

    activities
      .querySelector<HTMLButtonElement>('button[aria-label="Withdraw Open webinar"]')
      ?.click();
    await fixture.whenStable();
    expect(readable(activities)).toContain('Withdraw “Open webinar”?');
    button(activities, 'Withdraw activity').click();
    await fixture.whenStable();
    expectApi(http, 'ce-activities/activity-open', 'DELETE').flush(null);
    await fixture.whenStable();
    expectApi(http, 'ce-status').flush([ceGroup()]);
    await fixture.whenStable();
    expect(readable(activities)).not.toContain('Open webinar');
  });

  it('says why a withdrawal was refused once the activity was reviewed', async () => {
    await openPage({
      activities: [
        ceActivity({ id: 'activity-open', title: 'Open webinar', status: 'submitted', version: 1 }),
      ],
    });
    const activities = section('activities-heading');
    activities
      .querySelector<HTMLButtonElement>('button[aria-label="Withdraw Open webinar"]')
      ?.click();
    await fixture.whenStable();
    button(activities, 'Withdraw activity').click();
    await fixture.whenStable();
    failWith(expectApi(http, 'ce-activities/activity-open', 'DELETE'), 409, [
      "status: the activity is approved; only a reviewer of the member's team may delete it now",
    ]);
    await fixture.whenStable();
    expect(readable(activities.querySelector('[role="alert"]'))).toContain(
      'the activity is approved',
    );
    expectApi(http, `staff/${ME}/ce-activities`).flush(
      page([ceActivity({ id: 'activity-open', title: 'Open webinar', status: 'approved' })]),
    );
  });

  it('adds a credential the member earned, unverified', async () => {
    await openPage();
    const credentials = section('credentials-heading');
    button(credentials, 'Add a credential you earned').click();
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const select = await loader.getHarness(
      MatSelectHarness.with({ ancestor: 'him-own-credential-form' }),
    );
    await select.clickOptions({ text: /^CPC/ });
    const form = credentials.querySelector('him-own-credential-form form') as HTMLFormElement;
    const field = (name: string) =>
      form.querySelector(`[formcontrolname="${name}"]`) as HTMLInputElement;
    typeInto(field('number'), ' 01234 ');
    typeInto(field('issuedOn'), '2026-05-20');
    typeInto(field('expiresOn'), '2027-05-31');
    button(form, 'Add credential').click();
    await fixture.whenStable();
    const post = expectApi(http, `staff/${ME}/credentials/self-reported`, 'POST');
    expect(post.request.body).toEqual({
      credentialTypeId: CPC_TYPE.id,
      number: '01234',
      issuedOn: '2026-05-20',
      expiresOn: '2027-05-31',
    });
    post.flush(
      credential({
        id: 'cred-new',
        credentialTypeId: CPC_TYPE.id,
        number: '01234',
        issuedOn: '2026-05-20',
        expiresOn: '2027-05-31',
        verification: null,
      }),
    );
    await fixture.whenStable();
    expect(readable(credentials)).toContain(
      'Added CPC: it shows as unverified until your manager verifies it.',
    );
    expect(readable(credentials.querySelector('li'))).toContain('Unverified');
  });

  it("names the team's managers to ask where the department's managers add credentials", async () => {
    await openPage({ department: { staffMayAddCredentials: false } });
    expectApi(http, `staff/${ME}/team-managers`).flush([
      { staffId: 'staff-9', name: 'Denise Carter', email: 'manager@example.org' },
    ]);
    await fixture.whenStable();
    const credentials = section('credentials-heading');
    expect(readable(credentials.querySelector('[data-testid="ask-whom"]'))).toBe(
      "In your department, managers add credentials. When you earn a new one, ask Denise Carter (your team's manager) to add it, with a copy of the certificate.",
    );
    expect(readable(credentials)).not.toContain('Add a credential you earned');
  });
});
