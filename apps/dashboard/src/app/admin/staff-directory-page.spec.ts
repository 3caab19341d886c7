import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import {
  CODING_TEAM,
  INPATIENT_CODER_ROLE,
  page as pageOf,
  ROI_TEAM,
  staff,
} from '../../testing/fixtures';
import {
  button,
  expectApi,
  failWith,
  fieldErrors,
  readable,
  typeInto,
} from '../../testing/page-testing';
import {
  type AdminPageTest,
  openAdminPage,
  openDialog,
  removeOverlays,
  snackBarText,
} from './admin-spec-setup';
import { StaffDirectoryPage } from './staff-directory-page';

describe('StaffDirectoryPage', () => {
  let page: AdminPageTest;

  async function openLoaded(): Promise<void> {
    page = await openAdminPage(StaffDirectoryPage, 'manager');
    expectApi(page.http, 'staff').flush(pageOf([staff()]));
    expectApi(page.http, 'teams').flush(pageOf([CODING_TEAM, ROI_TEAM]));
    expectApi(page.http, 'roles').flush(pageOf([INPATIENT_CODER_ROLE]));
    await page.settle();
  }

  afterEach(() => {
    page.http.verify();
    removeOverlays();
  });

  it('lists members with a link to their profile', async () => {
    await openLoaded();
    const row = page.root.querySelector('tr.mat-mdc-row');
    expect(readable(row)).toContain('Miguel Álvarez Coding Medical coder, inpatient Active E10166');
    expect(row?.querySelector('a')?.getAttribute('href')).toBe('/staff/staff-1');
  });

  it('filters by search text once typing pauses', async () => {
    await openLoaded();
    typeInto(page.root.querySelector('[formcontrolname="q"]') as HTMLInputElement, 'miguel');
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
    button(page.root, 'Add member').click();
    await page.settle();
    const dialog = openDialog();
    typeInto(dialog.querySelector('[formcontrolname="name"]') as HTMLInputElement, 'Ana Ruiz');
    typeInto(
      dialog.querySelector('[formcontrolname="email"]') as HTMLInputElement,
      'ana@hospital.test',
    );
    typeInto(
      dialog.querySelector('[formcontrolname="hireDate"]') as HTMLInputElement,
      '2026-05-01',
    );
    const loader = TestbedHarnessEnvironment.documentRootLoader(page.harness.fixture);
    const team = await loader.getHarness(
      MatSelectHarness.with({ selector: 'mat-dialog-container [formcontrolname="teamId"]' }),
    );
    await team.open();
    await team.clickOptions({ text: 'Release of Information' });
    const role = await loader.getHarness(
      MatSelectHarness.with({ selector: 'mat-dialog-container [formcontrolname="roleId"]' }),
    );
    await role.open();
    await role.clickOptions({ text: 'Medical coder, inpatient' });
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
    expect(fieldErrors(dialog.querySelector('[formcontrolname="email"]') as HTMLElement)).toEqual([
      'A staff member with this email already exists.',
    ]);
    button(dialog, 'Cancel').click();
    await page.settle();

    button(page.root, 'Edit').click();
    await page.settle();
    typeInto(
      openDialog().querySelector('[formcontrolname="employeeId"]') as HTMLInputElement,
      'E20001',
    );
    button(openDialog(), 'Save changes').click();
    const patch = expectApi(page.http, 'staff/staff-1', 'PATCH');
    expect(patch.request.body).toEqual({ version: 1, employeeId: 'E20001' });
    patch.flush(staff({ employeeId: 'E20001', version: 2 }));
    await page.settle();
    expect(snackBarText()).toContain('Miguel Álvarez saved.');
    expectApi(page.http, 'staff').flush(pageOf([staff()]));
  });
});
