import type { User } from '@him/contracts';
import { page as pageOf, staff } from '../../testing/fixtures';
import {
  type AdminPageTest,
  button,
  chooseOptions,
  closeAdminPage,
  expectApi,
  failWith,
  fieldErrors,
  fieldErrorsOf,
  openDialog,
  openDialogBy,
  openLoadedAdminPage,
  readable,
  rowTexts,
  snackBarText,
  typeInto,
  typeIntoField,
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
    page = await openLoadedAdminPage(UsersPage, { users: [ADMIN, CODER], staff: [staff()] });
  }

  afterEach(() => closeAdminPage(page));

  it('lists accounts with role, linked member and whether active', async () => {
    await openLoaded();
    const rows = rowTexts(page.root);
    expect(rows[0]).toContain('admin@hospital.test Administrator Not linked Active');
    expect(rows[1]).toContain('miguel@hospital.test Staff Miguel Álvarez Active');
  });

  it('adds an account, checking the password length first', async () => {
    await openLoaded();
    const dialog = await openDialogBy(page, 'Add account');
    typeIntoField(dialog, 'email', 'new@hospital.test');
    const password = dialog.querySelector('[formcontrolname="password"]') as HTMLInputElement;
    typeInto(password, 'short');
    button(dialog, 'Add account').click();
    await page.settle();
    expect(fieldErrors(password)).toEqual(['At least 12 characters.']);

    typeInto(password, 'a long passphrase');
    await chooseOptions(page, 'staffId', /Miguel/);
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
    expect(fieldErrorsOf(dialog, 'email')).toEqual(['Must be an email.']);
  });

  it('shows the 409 when an admin tries to demote themselves', async () => {
    await openLoaded();
    await openDialogBy(page, 'Edit');
    await chooseOptions(page, 'role', 'Manager');
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
    typeIntoField(openDialog(), 'password', 'a brand new secret');
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
