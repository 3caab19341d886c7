import {
  CODING_TEAM,
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

  async function openLoaded(): Promise<void> {
    page = await openLoadedAdminPage(
      StaffDirectoryPage,
      { staff: [staff()], teams: [CODING_TEAM, ROI_TEAM], roles: [INPATIENT_CODER_ROLE] },
      'manager',
    );
  }

  afterEach(() => closeAdminPage(page));

  it('lists members with a link to their profile', async () => {
    await openLoaded();
    const row = page.root.querySelector('tr.mat-mdc-row');
    expect(readable(row)).toContain('Miguel Álvarez Coding Medical coder, inpatient Active E10166');
    expect(row?.querySelector('a')?.getAttribute('href')).toBe('/staff/staff-1');
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
