import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { User } from '@him/contracts';
import { page as pageOf, staff } from '../../testing/fixtures';
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
import { UsersPage } from './users-page';

const ADMIN: User = {
  id: 'user-admin',
  email: 'admin@hospital.test',
  role: 'admin',
  staffId: null,
  active: true,
  version: 3,
};
const CODER: User = {
  id: 'user-coder',
  email: 'miguel@hospital.test',
  role: 'staff',
  staffId: 'staff-1',
  active: true,
  version: 1,
};

describe('UsersPage', () => {
  let page: AdminPageTest;

  async function openLoaded(): Promise<void> {
    page = await openAdminPage(UsersPage);
    expectApi(page.http, 'users').flush(pageOf([ADMIN, CODER]));
    expectApi(page.http, 'staff').flush(pageOf([staff()]));
    await page.settle();
  }

  afterEach(() => {
    page.http.verify();
    removeOverlays();
  });

  it('lists accounts with role, linked member and whether active', async () => {
    await openLoaded();
    const rows = Array.from(page.root.querySelectorAll('tr.mat-mdc-row')).map((row) =>
      readable(row),
    );
    expect(rows[0]).toContain('admin@hospital.test Administrator Not linked Active');
    expect(rows[1]).toContain('miguel@hospital.test Staff Miguel Álvarez Active');
  });

  it('adds an account, checking the password length first', async () => {
    await openLoaded();
    button(page.root, 'Add account').click();
    await page.settle();
    const dialog = openDialog();
    typeInto(
      dialog.querySelector('[formcontrolname="email"]') as HTMLInputElement,
      'new@hospital.test',
    );
    const password = dialog.querySelector('[formcontrolname="password"]') as HTMLInputElement;
    typeInto(password, 'short');
    button(dialog, 'Add account').click();
    await page.settle();
    expect(fieldErrors(password)).toEqual(['At least 12 characters.']);

    typeInto(password, 'a long passphrase');
    const loader = TestbedHarnessEnvironment.documentRootLoader(page.harness.fixture);
    const member = await loader.getHarness(
      MatSelectHarness.with({ selector: '[formcontrolname="staffId"]' }),
    );
    await member.open();
    await member.clickOptions({ text: /Miguel/ });
    button(dialog, 'Add account').click();
    const post = expectApi(page.http, 'users', 'POST');
    expect(post.request.body).toEqual({
      email: 'new@hospital.test',
      role: 'staff',
      staffId: 'staff-1',
      password: 'a long passphrase',
    });
    failWith(post, 400, ['email must be an email']);
    await page.settle();
    expect(fieldErrors(dialog.querySelector('[formcontrolname="email"]') as HTMLElement)).toEqual([
      'Must be an email.',
    ]);
  });

  it('shows the 409 when an admin tries to demote themselves', async () => {
    await openLoaded();
    button(page.root, 'Edit').click();
    await page.settle();
    const loader = TestbedHarnessEnvironment.documentRootLoader(page.harness.fixture);
    const role = await loader.getHarness(
      MatSelectHarness.with({ selector: '[formcontrolname="role"]' }),
    );
    await role.open();
    await role.clickOptions({ text: 'Manager' });
    button(openDialog(), 'Save changes').click();

    const patch = expectApi(page.http, `users/${ADMIN.id}`, 'PATCH');
    expect(patch.request.body).toEqual({ version: 3, role: 'manager' });
    failWith(patch, 409, ['an admin cannot change their own role or deactivate themselves']);
    await page.settle();
    expect(readable(openDialog().querySelector('[role="alert"]'))).toBe(
      'An admin cannot change their own role or deactivate themselves.',
    );
  });

  it('deactivates an account and resets its password', async () => {
    await openLoaded();
    page.root.querySelectorAll<HTMLButtonElement>('button[aria-label^="Edit"]')[1].click();
    await page.settle();
    (openDialog().querySelector('mat-checkbox input') as HTMLInputElement).click();
    typeInto(
      openDialog().querySelector('[formcontrolname="password"]') as HTMLInputElement,
      'a brand new secret',
    );
    button(openDialog(), 'Save changes').click();
    const patch = expectApi(page.http, `users/${CODER.id}`, 'PATCH');
    expect(patch.request.body).toEqual({
      version: 1,
      active: false,
      password: 'a brand new secret',
    });
    patch.flush({ ...CODER, active: false, version: 2 });
    await page.settle();
    expect(snackBarText()).toContain('Account miguel@hospital.test saved.');
    expectApi(page.http, 'users').flush(pageOf([ADMIN, CODER]));
  });
});
