import type { ReadinessResponse } from '@him/contracts';
import {
  CODING_TEAM,
  department,
  INPATIENT_CODER_ROLE,
  page as pageOf,
  ROI_TEAM,
  staff,
} from '../../testing/fixtures';
import {
  type AdminPageTest,
  button,
  chooseOptions,
  closeAdminPage,
  expectApi,
  failWith,
  fieldErrorsOf,
  openDialog,
  openDialogBy,
  openLoadedAdminPage,
  readable,
  snackBarText,
  typeIntoField,
} from './admin-spec-setup';
import { StaffDirectoryPage } from './staff-directory-page';

describe('StaffDirectoryPage', () => {
  let page: AdminPageTest;

  const ANA = staff({ id: 'staff-2', name: 'Ana Ruiz', email: 'ana@hospital.test' });
  const LEFT = staff({ id: 'staff-3', name: 'Bo Left', status: 'terminated' });

  /** Miguel is not ready (1 of 2), Ana is ready; Bo is terminated and not counted (R1). */
  function readiness(): Partial<ReadinessResponse> {
    const member = { teamId: 'team-coding', roleId: 'role-inpatient-coder', total: 2 };
    return {
      asOf: '2026-05-01',
      members: [
        {
          ...member,
          staffId: 'staff-1',
          name: 'Miguel Álvarez',
          met: 1,
          ready: false,
          missing: [],
        },
        { ...member, staffId: 'staff-2', name: 'Ana Ruiz', met: 2, ready: true, missing: [] },
      ],
    };
  }

  async function openLoaded(role: 'admin' | 'manager' = 'manager', members = [staff()]) {
    page = await openLoadedAdminPage(
      StaffDirectoryPage,
      {
        staff: members,
        teams: [CODING_TEAM, ROI_TEAM],
        roles: [INPATIENT_CODER_ROLE],
        department: department(),
      },
      role,
    );
    expectApi(page.http, 'readiness').flush(readiness());
    await page.settle();
  }

  afterEach(() => closeAdminPage(page));

  it('lists members with a link to their profile', async () => {
    await openLoaded();
    const row = page.root.querySelector('tr.mat-mdc-row');
    expect(readable(row)).toContain(
      'Miguel Álvarez Coding Medical coder, inpatient Active Not ready: 1 of 2 met E10166',
    );
    expect(row?.querySelector('a')?.getAttribute('href')).toBe('/staff/staff-1');
    // a manager may not delete records
    expect(readable(row)).not.toContain('Delete');
  });

  it('shows readiness in words and filters to the members not ready', async () => {
    await openLoaded('manager', [staff(), ANA, LEFT]);
    const rows = () =>
      [...page.root.querySelectorAll('tr.mat-mdc-row')].map((row) => readable(row));
    expect(rows().map((row) => /Ready|Not ready: \d of \d met|Not counted/.exec(row)?.[0])).toEqual(
      ['Not ready: 1 of 2 met', 'Ready', 'Not counted'],
    );
    page.root
      .querySelector<HTMLElement>('[formcontrolname="readiness"] .mat-mdc-select-trigger')
      ?.click();
    await page.settle();
    [...document.querySelectorAll<HTMLElement>('mat-option')]
      .find((option) => readable(option) === 'Not ready')
      ?.click();
    await page.settle();
    await new Promise((resolve) => setTimeout(resolve, 350));
    expectApi(page.http, 'staff').flush(pageOf([staff(), ANA, LEFT]));
    await page.settle();
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toContain('Miguel Álvarez');
  });

  it('an admin deletes a record created by mistake; a refusal says to terminate', async () => {
    await openLoaded('admin', [staff(), ANA]);
    button(page.root, 'Delete').click();
    await page.settle();
    const dialog = document.querySelector<HTMLElement>('mat-dialog-container');
    expect(readable(dialog?.querySelector('h2') ?? null)).toBe('Delete Miguel Álvarez?');
    button(dialog as HTMLElement, 'Delete staff record').click();
    await page.settle();
    failWith(expectApi(page.http, 'staff/staff-1', 'DELETE'), 409, [
      'Miguel Álvarez has 2 credentials: only a record created by mistake, with nothing on it, can be deleted. Set the status to terminated instead; the history stays.',
    ]);
    await page.settle();
    expect(readable(page.root.querySelector('.action-error'))).toContain(
      'Set the status to terminated instead',
    );
  });

  it('filters by search text once typing pauses', async () => {
    await openLoaded();
    typeIntoField(page.root, 'q', 'miguel');
    await new Promise((resolve) => setTimeout(resolve, 350));
    const request = expectApi(page.http, 'staff');
    expect(request.request.params.get('q')).toBe('miguel');
    request.flush(pageOf([]));
    await page.settle();
    expect(readable(page.root.querySelector('.empty-panel'))).toBe(
      'No member matches these filters.',
    );
  });

  it('adds a member and edits one with the version', async () => {
    await openLoaded();
    const dialog = await openDialogBy(page, 'Add member');
    typeIntoField(dialog, 'name', 'Ana Ruiz');
    typeIntoField(dialog, 'email', 'ana@hospital.test');
    typeIntoField(dialog, 'hireDate', '2026-05-01');
    await chooseOptions(page, 'teamId', 'Release of Information');
    await chooseOptions(page, 'roleId', 'Medical coder, inpatient');
    button(dialog, 'Add member').click();
    const post = expectApi(page.http, 'staff', 'POST');
    expect(post.request.body).toEqual({
      name: 'Ana Ruiz',
      email: 'ana@hospital.test',
      employeeId: null,
      teamId: ROI_TEAM.id,
      roleId: INPATIENT_CODER_ROLE.id,
      status: 'active',
      hireDate: '2026-05-01',
    });
    failWith(post, 409, ['email: a staff member with this email already exists']);
    await page.settle();
    expect(fieldErrorsOf(dialog, 'email')).toEqual([
      'A staff member with this email already exists.',
    ]);
    button(dialog, 'Cancel').click();
    await page.settle();

    await openDialogBy(page, 'Edit');
    typeIntoField(openDialog(), 'employeeId', 'E20001');
    button(openDialog(), 'Save changes').click();
    const patch = expectApi(page.http, 'staff/staff-1', 'PATCH');
    expect(patch.request.body).toEqual({ version: 1, employeeId: 'E20001' });
    patch.flush(staff({ employeeId: 'E20001', version: 2 }));
    await page.settle();
    expect(snackBarText()).toContain('Miguel Álvarez saved.');
    expectApi(page.http, 'staff').flush(pageOf([staff()]));
  });
});
