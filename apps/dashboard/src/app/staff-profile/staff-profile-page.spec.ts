import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { RouterTestingHarness } from '@angular/router/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { AuditEvent, Credential, ReadinessResponse, StaffDetail } from '@him/contracts';
import { storeSession, testUser } from '../../testing/auth-session';
import {
  assessment,
  CCS_TYPE,
  CODING_TEAM,
  CPC_TYPE,
  ceActivity,
  ceGroup,
  credential,
  department,
  HIPAA_SKILL,
  ICD10_SKILL,
  INPATIENT_CODER_ROLE,
  page,
  staff,
  staffDetail,
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
import { SAVE_FILE } from '../core/save-file';
import { StaffProfilePage } from './staff-profile-page';

const MEMBER = 'staff-1';

function readiness(overrides: Partial<ReadinessResponse> = {}): ReadinessResponse {
  return {
    asOf: TEST_TODAY,
    staffReadyPct: 0,
    requirementsMetPct: 2 / 3,
    targetsMet: { met: 0, total: 0 },
    staffReady: { ready: 0, total: 1 },
    requirementsMet: { met: 2, total: 3 },
    teams: [],
    members: [
      {
        staffId: MEMBER,
        name: 'Miguel Álvarez',
        teamId: CODING_TEAM.id,
        roleId: INPATIENT_CODER_ROLE.id,
        met: 2,
        total: 3,
        ready: false,
        missing: [{ kind: 'skill', skillId: HIPAA_SKILL.id, minLevel: 2 }],
      },
    ],
    onLeave: [],
    targets: [],
    singlePointsOfFailure: [],
    forecast: [],
    ...overrides,
  };
}

function auditEvent(overrides: Partial<AuditEvent>): AuditEvent {
  return {
    id: 'event-1',
    at: '2026-05-20T14:30:00.000Z',
    userId: 'user-manager',
    userEmail: 'manager@hospital.test',
    action: 'update',
    entity: 'credential',
    entityId: 'cred-ccs',
    before: null,
    after: null,
    note: null,
    ...overrides,
  };
}

describe('StaffProfilePage', () => {
  let harness: RouterTestingHarness;
  let root: HTMLElement;
  let http: HttpTestingController;

  let saveFile: jest.Mock;

  async function openProfile(staffId = MEMBER): Promise<void> {
    sessionStorage.clear();
    storeSession(testUser('manager', { staffId: 'staff-manager' }));
    saveFile = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        ...pageTestProviders([{ path: 'staff/:id', component: StaffProfilePage }]),
        { provide: SAVE_FILE, useValue: saveFile },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create(`/staff/${staffId}`);
    root = harness.routeNativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  async function answerCatalogAndSettings(): Promise<void> {
    expectApi(http, 'skills').flush(page([ICD10_SKILL, HIPAA_SKILL]));
    expectApi(http, 'credential-types').flush(page([CCS_TYPE, CPC_TYPE]));
    expectApi(http, 'roles').flush(page([INPATIENT_CODER_ROLE]));
    expectApi(http, 'teams').flush(page([CODING_TEAM]));
    expectApi(http, 'department').flush(department());
  }

  async function answerMember(
    options: { member?: StaffDetail; credentials?: Credential[]; audit?: AuditEvent[] } = {},
  ): Promise<void> {
    expectApi(http, `staff/${MEMBER}`).flush(options.member ?? staffDetail());
    expectApi(http, `staff/${MEMBER}/credentials`).flush(
      page(options.credentials ?? [credential()]),
    );
    expectApi(http, 'ce-status').flush([ceGroup()]);
    expectApi(http, `staff/${MEMBER}/assessments`).flush(
      page([
        assessment(),
        assessment({ id: 'a-2', assessedOn: '2026-04-10', skillId: HIPAA_SKILL.id, level: 1 }),
      ]),
    );
    expectApi(http, `staff/${MEMBER}/ce-activities`).flush(
      page([ceActivity({ status: 'submitted' })]),
    );
    await settle();
    const readinessRequest = expectApi(http, 'readiness');
    expect(readinessRequest.request.params.get('teamId')).toBe(CODING_TEAM.id);
    readinessRequest.flush(readiness());
    answerAudit(options.audit ?? []);
    await settle();
  }

  function answerAudit(events: AuditEvent[]): void {
    const request = expectApi(http, 'audit');
    expect(request.request.params.get('staffId')).toBe(MEMBER);
    request.flush(page([...events].sort((a, b) => (a.at < b.at ? 1 : -1))));
  }

  async function openLoadedProfile(
    options: Parameters<typeof answerMember>[0] = {},
  ): Promise<void> {
    await openProfile();
    await answerCatalogAndSettings();
    await answerMember(options);
  }

  function section(headingId: string): HTMLElement {
    return root.querySelector<HTMLElement>(
      `section[aria-labelledby="${headingId}"]`,
    ) as HTMLElement;
  }

  function dialog(): HTMLElement {
    return document.querySelector('mat-dialog-container') as HTMLElement;
  }

  afterEach(() => {
    // the reassessments due load on their own (their own component)
    http.match((request) => request.url === '/api/v1/reassessments-due');
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => overlay.remove());
  });

  it("shows the member's role, team and status, and names the tab after them", async () => {
    await openLoadedProfile();

    expect(readable(root.querySelector('h1'))).toBe('Miguel Álvarez');
    const facts = readable(root.querySelector('.profile-facts'));
    expect(facts).toContain('Role Medical coder, inpatient');
    expect(facts).toContain('Team Coding');
    expect(facts).toContain('Status Active');
    expect(facts).toContain('Employee id E10166');
    expect(TestBed.inject(Title).getTitle()).toBe('Miguel Álvarez · Staff profile · HIM Readiness');
  });

  it('lists the role requirements met and missing, by name, missing first', async () => {
    await openLoadedProfile();

    const requirements = section('requirements-heading');
    expect(readable(requirements.querySelector('[data-testid="requirements-summary"]'))).toBe(
      `As of ${TEST_TODAY}: 2 of 3 requirements met: not ready.`,
    );
    expect(
      Array.from(requirements.querySelectorAll('.requirement-list li')).map((item) =>
        readable(item),
      ),
    ).toEqual([
      'Missing HIPAA privacy at Working (2) or above',
      'Met CCS or CPC credential',
      'Met ICD-10-CM coding at Proficient (3) or above',
    ]);
  });

  it('explains that a member on leave is not evaluated', async () => {
    await openProfile();
    await answerCatalogAndSettings();
    expectApi(http, `staff/${MEMBER}`).flush(staffDetail({ status: 'leave' }));
    expectApi(http, `staff/${MEMBER}/credentials`).flush(page([]));
    expectApi(http, 'ce-status').flush([]);
    expectApi(http, `staff/${MEMBER}/assessments`).flush(page([]));
    expectApi(http, `staff/${MEMBER}/ce-activities`).flush(page([]));
    await settle();
    expectApi(http, 'readiness').flush(readiness({ members: [] }));
    answerAudit([]);
    await settle();

    expect(readable(section('requirements-heading'))).toContain(
      'On leave: readiness counts active staff only.',
    );
    expect(readable(section('requirements-heading'))).toContain(
      'Not evaluated CCS or CPC credential',
    );
    expect(readable(section('credentials-heading'))).toContain('No credentials on record.');
    expect(readable(section('ce-heading'))).toContain('No CE is due');
    expect(readable(section('assessments-heading'))).toContain(
      'No skill assessments recorded yet.',
    );
    expect(readable(section('audit-heading'))).toContain('No changes recorded yet.');
  });

  it('shows the assessments newest first and the CE groups with the shared progress card', async () => {
    await openLoadedProfile();

    const history = Array.from(
      section('assessments-heading').querySelectorAll('him-assessment-history li'),
    ).map((item) => readable(item));
    expect(history).toEqual([
      'HIPAA privacy: Awareness (1) 2026-04-10 · Manager assessment',
      'ICD-10-CM coding: Proficient (3) 2026-02-01 · Manager assessment',
    ]);
    expect(readable(section('ce-heading').querySelector('him-ce-group-card'))).toContain(
      '16 of 20 hours, 3.5 pending',
    );
  });

  it.each([
    [404, ['staff member not found']],
    [400, ['id must be a UUID']],
    [403, ['forbidden']],
  ])('shows the not-found page when the member answers %s', async (status, message) => {
    await openProfile('no-such-member');
    await answerCatalogAndSettings();
    failWith(expectApi(http, 'staff/no-such-member'), status, message);
    http.match(() => true).forEach((request) => failWith(request, status, message));
    await settle();

    expect(readable(root.querySelector('h1'))).toBe('Page not found');
    expect(root.querySelector('section')).toBeNull();
    expect(TestBed.inject(Title).getTitle()).toBe('Page not found · HIM Readiness');
  });

  it('shows an error with a retry when the member cannot be loaded for another reason', async () => {
    await openProfile();
    await answerCatalogAndSettings();
    failWith(expectApi(http, `staff/${MEMBER}`), 503);
    expectApi(http, 'ce-status').flush([]);
    http.match(() => true).forEach((request) => request.flush(page([])));
    await settle();
    answerAudit([]);

    expect(readable(root.querySelector('[role="alert"]'))).toContain(
      'This staff member could not be loaded',
    );
    button(root, 'Try again').click();
    await settle();
    expectApi(http, `staff/${MEMBER}`).flush(staffDetail());
    await settle();
    expectApi(http, 'readiness').flush(readiness());
    await settle();
    expect(readable(root.querySelector('h1'))).toBe('Miguel Álvarez');
  });

  it("opens a credential's evidence, deletes a file, and the record and audit trail follow", async () => {
    await openLoadedProfile({ credentials: [credential({ hasEvidence: true })] });
    const record = section('credentials-heading').querySelector('li.record') as HTMLElement;
    expect(readable(record)).toContain('Evidence attached');

    button(record, 'Show evidence').click();
    await settle();
    expectApi(http, 'credentials/cred-ccs/evidence').flush(
      page([
        {
          id: 'ev-1',
          ownerKind: 'credential',
          ownerId: 'cred-ccs',
          staffId: MEMBER,
          originalName: 'CCS wallet card.png',
          contentType: 'image/png',
          sizeBytes: 2048,
          sha256: 'ab'.repeat(32),
          uploadedByUserId: 'user-staff',
          uploadedAt: '2026-05-20T14:30:00.000Z',
          canDelete: true,
        },
      ]),
    );
    await settle();
    expect(readable(record.querySelector('him-evidence-upload'))).toContain(
      'Evidence for CCS CCS wallet card.png PNG image · 2 KB',
    );

    button(record, 'Delete').click();
    await settle();
    button(record, 'Delete file').click();
    await settle();
    expectApi(http, 'evidence/ev-1', 'DELETE').flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    await settle();
    answerAudit([
      auditEvent({
        id: 'event-ev',
        action: 'delete',
        entity: 'evidence_file',
        entityId: 'ev-1',
        before: { staffId: MEMBER, originalName: 'CCS wallet card.png' },
      }),
    ]);
    await settle();

    button(record, 'Hide evidence').click();
    await settle();
    expect(readable(record)).toContain('No evidence attached');
    expect(readable(section('audit-heading'))).toContain('Evidence file deleted');
  });

  it("offers a reviewer of the member's team Approve and Reject on activities awaiting review", async () => {
    await openLoadedProfile();
    const activities = section('activities-heading');
    button(activities, 'Approve');
    button(activities, 'Reject');
    expect(activities.querySelector('[data-testid="reviewed-elsewhere"]')).toBeNull();
  });

  it('offers a manager of another team no review, and says who reviews', async () => {
    await openLoadedProfile({
      member: staffDetail({}, { reviewCe: false, approveCeAtOnce: false }),
    });
    const activities = section('activities-heading');
    const labels = [...activities.querySelectorAll('button')].map((b) => readable(b));
    expect(labels).not.toContain('Approve');
    expect(labels).not.toContain('Reject');
    expect(readable(activities.querySelector('[data-testid="reviewed-elsewhere"]'))).toBe(
      "The managers of Coding review this member's CE activities.",
    );
  });

  it('offers no credential or assessment changes the API would refuse', async () => {
    await openLoadedProfile({
      member: staffDetail(
        {},
        { addCredential: false, addAssessment: false, uploadEvidence: false },
      ),
    });
    const labels = [...root.querySelectorAll('button')].map((b) => readable(b));
    expect(labels).not.toContain('Add credential');
    expect(labels).not.toContain('Add assessment');
    expect(labels.some((label) => /^(Edit|Revoke)\b/.test(label))).toBe(false);
    expect(section('assessments-heading').querySelector('him-assessment-form')).toBeNull();
  });

  it('hides the verification fields from whoever may not verify (their own credential)', async () => {
    await openLoadedProfile({ member: staffDetail({}, { verifyCredential: false }) });
    button(section('credentials-heading'), 'Add credential').click();
    await settle();
    expect(dialog().querySelector('[formcontrolname="verificationMethod"]')).toBeNull();
    expect(readable(dialog().querySelector('[data-testid="no-verification"]'))).toContain(
      'nobody verifies their own credential',
    );
  });

  it('adds a credential in a dialog and reloads what depends on it', async () => {
    await openLoadedProfile();
    const loader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);

    button(section('credentials-heading'), 'Add credential').click();
    await settle();
    expect(readable(dialog().querySelector('h2'))).toBe('Add a credential for Miguel Álvarez');
    const type = await loader.getHarness(
      MatSelectHarness.with({ ancestor: 'mat-dialog-container' }),
    );
    await type.clickOptions({ text: /^CPC/ });
    typeInto(
      dialog().querySelector('[formcontrolname="number"]') as HTMLInputElement,
      ' 12967239 ',
    );
    typeInto(
      dialog().querySelector('[formcontrolname="issuedOn"]') as HTMLInputElement,
      '2026-04-23',
    );
    typeInto(
      dialog().querySelector('[formcontrolname="expiresOn"]') as HTMLInputElement,
      '2028-04-22',
    );
    button(dialog(), 'Add credential').click();
    await settle();

    const post = expectApi(http, `staff/${MEMBER}/credentials`, 'POST');
    expect(post.request.body).toEqual({
      credentialTypeId: CPC_TYPE.id,
      number: '12967239',
      issuedOn: '2026-04-23',
      expiresOn: '2028-04-22',
      verification: null,
    });
    post.flush(credential({ id: 'cred-new', credentialTypeId: CPC_TYPE.id }));
    await settle();

    expect(dialog()).toBeNull();
    expectApi(http, `staff/${MEMBER}/credentials`).flush(
      page([credential(), credential({ id: 'cred-new', credentialTypeId: CPC_TYPE.id })]),
    );
    expectApi(http, 'ce-status').flush([ceGroup()]);
    expectApi(http, 'readiness').flush(readiness());
    await settle();
    answerAudit([]);
    await settle();
    expect(section('credentials-heading').querySelectorAll('li.record')).toHaveLength(2);
  });

  it('checks the credential form and shows API lines at their fields', async () => {
    await openLoadedProfile();

    button(section('credentials-heading'), 'Add credential').click();
    await settle();
    button(dialog(), 'Add credential').click();
    await settle();
    const issuedOn = dialog().querySelector('[formcontrolname="issuedOn"]') as HTMLInputElement;
    expect(fieldErrors(issuedOn)).toEqual(['Enter the date it was issued.']);

    const loader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    const type = await loader.getHarness(
      MatSelectHarness.with({ ancestor: 'mat-dialog-container' }),
    );
    await type.clickOptions({ text: /^CCS/ });
    typeInto(issuedOn, '2026-04-23');
    const expiresOn = dialog().querySelector('[formcontrolname="expiresOn"]') as HTMLInputElement;
    typeInto(expiresOn, '2026-01-01');
    await settle();
    expect(fieldErrors(expiresOn)).toEqual(['The expiry date must be on or after the issue date.']);
    typeInto(expiresOn, '2028-01-01');
    button(dialog(), 'Add credential').click();
    await settle();
    failWith(expectApi(http, `staff/${MEMBER}/credentials`, 'POST'), 409, [
      'number: a credential of this type with this number already exists',
    ]);
    await settle();
    expect(
      fieldErrors(dialog().querySelector('[formcontrolname="number"]') as HTMLElement),
    ).toEqual(['A credential of this type with this number already exists.']);
    button(dialog(), 'Cancel').click();
    await settle();
  });

  it('edits a credential with the version it read, and on a stale version offers a reload', async () => {
    await openLoadedProfile();

    button(section('credentials-heading'), 'Edit').click();
    await settle();
    expect(readable(dialog().querySelector('h2'))).toBe('Edit credential of Miguel Álvarez');
    typeInto(
      dialog().querySelector('[formcontrolname="expiresOn"]') as HTMLInputElement,
      '2029-09-19',
    );
    typeInto(
      dialog().querySelector('[formcontrolname="note"]') as HTMLInputElement,
      'Renewed early',
    );
    button(dialog(), 'Save changes').click();
    await settle();

    const patch = expectApi(http, 'credentials/cred-ccs', 'PATCH');
    // Only what changed, with the version read.
    expect(patch.request.body).toEqual({
      expiresOn: '2029-09-19',
      version: 1,
      note: 'Renewed early',
    });
    failWith(patch, 409, [
      'version: credential was changed by someone else (you sent version 1, it is now 2); reload and try again',
    ]);
    await settle();

    expect(readable(dialog().querySelector('[role="alert"]'))).toContain(
      'Someone else changed this record after you opened it',
    );
    button(dialog(), 'Reload credentials').click();
    await settle();
    expect(dialog()).toBeNull();
    expectApi(http, `staff/${MEMBER}/credentials`).flush(
      page([credential({ version: 2, expiresOn: '2028-09-19' })]),
    );
    expectApi(http, 'ce-status').flush([ceGroup()]);
    expectApi(http, 'readiness').flush(readiness());
    await settle();
    answerAudit([]);
    await settle();
    expect(readable(section('credentials-heading'))).toContain('Expires: 2028-09-19');
  });

  it('records the source of a verification with the credential', async () => {
    await openLoadedProfile();

    button(section('credentials-heading'), 'Edit').click();
    await settle();
    const reference = dialog().querySelector(
      '[formcontrolname="verificationReference"]',
    ) as HTMLInputElement;
    expect(reference).not.toBeNull();
    typeInto(reference, ' https://www.ahima.org/verify 88213 ');
    button(dialog(), 'Save changes').click();
    await settle();

    const patch = expectApi(http, 'credentials/cred-ccs', 'PATCH');
    expect(patch.request.body).toEqual({
      verification: expect.objectContaining({ reference: 'https://www.ahima.org/verify 88213' }),
      version: 1,
    });
    failWith(patch, 400, [
      'verification.reference must be shorter than or equal to 500 characters',
    ]);
    await settle();
    // the server's message lands on the field it names, in the form's words
    expect(fieldErrors(reference)).toEqual(['Must be shorter than or equal to 500 characters.']);
  });

  it('downloads the member file as a PDF named by the API, and says so when it fails', async () => {
    await openLoadedProfile();

    const fileButton = root.querySelector('[data-testid="member-file"]') as HTMLButtonElement;
    expect(readable(fileButton)).toBe('Member file');
    fileButton.click();
    await settle();
    const request = expectApi(http, `staff/${MEMBER}/file.pdf`);
    expect(request.request.responseType).toBe('blob');
    expect(request.request.params.get('asOf')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    request.flush(new Blob(['%PDF-1.3'], { type: 'application/pdf' }), {
      headers: {
        'Content-Disposition': 'attachment; filename="member-file-miguel-alvarez-e10166.pdf"',
      },
    });
    await settle();
    expect(saveFile).toHaveBeenCalledTimes(1);
    expect(saveFile.mock.calls[0][1]).toBe('member-file-miguel-alvarez-e10166.pdf');

    fileButton.click();
    await settle();
    // a refused download's body is a Blob too: its JSON is read back for the message
    expectApi(http, `staff/${MEMBER}/file.pdf`).flush(
      new Blob(
        [
          JSON.stringify({
            statusCode: 404,
            error: 'Not Found',
            message: ['staff member not found'],
          }),
        ],
        {
          type: 'application/json',
        },
      ),
      { status: 404, statusText: 'Not Found' },
    );
    // reading the Blob back is asynchronous
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settle();
    expect(readable(root.querySelector('.member-file-error'))).toBe(
      'The member file could not be found.',
    );
  });

  it('revokes a credential with a reason', async () => {
    await openLoadedProfile();

    button(section('credentials-heading'), 'Revoke').click();
    await settle();
    expect(readable(dialog().querySelector('h2'))).toBe('Revoke CCS of Miguel Álvarez?');
    button(dialog(), 'Revoke credential').click();
    await settle();
    expect(readable(dialog())).toContain('Say why the credential is revoked.');

    typeInto(
      dialog().querySelector('[formcontrolname="reason"]') as HTMLTextAreaElement,
      'Lapsed: not renewed',
    );
    button(dialog(), 'Revoke credential').click();
    await settle();
    const revoke = expectApi(http, 'credentials/cred-ccs', 'DELETE');
    expect(revoke.request.params.get('reason')).toBe('Lapsed: not renewed');
    revoke.flush(credential({ revokedOn: TEST_TODAY, revokedReason: 'Lapsed: not renewed' }));
    await settle();

    expectApi(http, `staff/${MEMBER}/credentials`).flush(
      page([
        credential({ revokedOn: TEST_TODAY, revokedReason: 'Lapsed: not renewed', version: 2 }),
      ]),
    );
    expectApi(http, 'ce-status').flush([]);
    expectApi(http, 'readiness').flush(readiness());
    await settle();
    answerAudit([]);
    await settle();
    const item = readable(section('credentials-heading').querySelector('li.record'));
    expect(item).toContain('Revoked');
    expect(item).toContain(`Revoked: ${TEST_TODAY}: Lapsed: not renewed`);
    // A revoked credential keeps its history (evidence too) and cannot be edited.
    const buttons = Array.from(
      section('credentials-heading').querySelectorAll('li.record button'),
    ).map((candidate) => readable(candidate));
    expect(buttons).toEqual(['Show evidence']);
  });

  it("adds a manager's assessment and reloads the requirements", async () => {
    await openLoadedProfile();
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const form = section('assessments-heading');

    const skill = await loader.getHarness(
      MatSelectHarness.with({ ancestor: 'him-assessment-form' }),
    );
    await skill.clickOptions({ text: 'HIPAA privacy' });
    await (
      await loader.getHarness(MatRadioGroupHarness)
    ).checkRadioButton({ label: '2 — Working' });
    typeInto(form.querySelector('textarea') as HTMLTextAreaElement, 'Shadowed ROI desk');
    button(form, 'Add assessment').click();
    await settle();

    const post = expectApi(http, `staff/${MEMBER}/assessments`, 'POST');
    expect(post.request.body).toEqual({
      skillId: HIPAA_SKILL.id,
      level: 2,
      assessedOn: TEST_TODAY,
      source: 'manager',
      note: 'Shadowed ROI desk',
    });
    post.flush(
      assessment({ id: 'a-3', skillId: HIPAA_SKILL.id, level: 2, assessedOn: TEST_TODAY }),
    );
    await settle();
    expectApi(http, 'readiness').flush(
      readiness({ members: [{ ...readiness().members[0], met: 3, ready: true, missing: [] }] }),
    );
    await settle();

    expect(readable(form.querySelector('him-assessment-history li'))).toBe(
      `HIPAA privacy: Working (2) ${TEST_TODAY} · Manager assessment`,
    );
    expect(readable(section('requirements-heading'))).toContain('3 of 3 requirements met: ready.');
  });

  it('shows the server refusing a future assessment date at the date field', async () => {
    await openLoadedProfile();
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const form = section('assessments-heading');

    const skill = await loader.getHarness(
      MatSelectHarness.with({ ancestor: 'him-assessment-form' }),
    );
    await skill.clickOptions({ text: 'ICD-10-CM coding' });
    await (await loader.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: '4 — Expert' });
    button(form, 'Add assessment').click();
    await settle();
    failWith(expectApi(http, `staff/${MEMBER}/assessments`, 'POST'), 400, [
      'assessedOn must not be in the future (today is 2026-05-31)',
    ]);
    await settle();

    expect(fieldErrors(form.querySelector('input[type="date"]') as HTMLElement)).toEqual([
      'Must not be in the future (today is 2026-05-31)',
    ]);
  });

  it('shows the audit trail of the staff record and their credentials, newest first, with what changed', async () => {
    await openLoadedProfile({
      audit: [
        auditEvent({
          id: 'e-1',
          at: '2026-05-20T14:30:00.000Z',
          before: credential(),
          after: credential({ expiresOn: '2029-09-19', version: 2 }),
          note: 'Renewed early',
        }),
        auditEvent({
          id: 'e-2',
          at: '2026-05-21T09:00:00.000Z',
          entity: 'staff',
          entityId: MEMBER,
          before: staff(),
          after: staff({ status: 'leave', version: 2 }),
        }),
      ],
    });

    const events = Array.from(
      section('audit-heading').querySelectorAll('him-audit-trail > ul > li'),
    ).map((item) => readable(item));
    expect(events).toEqual([
      'Staff record changed May 21, 2026, 4:00 AM · by manager@hospital.test status: active → leave',
      'CCS credential changed May 20, 2026, 9:30 AM · by manager@hospital.test expires on: 2027-09-19 → 2029-09-19 Why: Renewed early',
    ]);
  });
});
