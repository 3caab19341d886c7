import type { User } from '@him/contracts';
import { department } from '../../testing/fixtures';
import {
  type AdminPageTest,
  button,
  closeAdminPage,
  expectApi,
  failWith,
  fieldErrors,
  openLoadedAdminPage,
  readable,
  snackBarText,
  typeInto,
  typeIntoField,
} from './admin-spec-setup';
import { DepartmentSettingsPage } from './department-settings';

const ADMIN_ACCOUNT: User = {
  id: 'user-admin',
  email: 'director@hospital.test',
  role: 'admin',
  staffId: null,
  active: true,
  version: 1,
};

describe('DepartmentSettingsPage', () => {
  let page: AdminPageTest;

  async function openLoaded(): Promise<void> {
    page = await openLoadedAdminPage(DepartmentSettingsPage, {
      department: department(),
      users: [ADMIN_ACCOUNT, { ...ADMIN_ACCOUNT, id: 'user-staff', role: 'staff' }],
    });
  }

  afterEach(() => closeAdminPage(page));

  it('shows the settings, the R4 explanation and the reminder days as chips', async () => {
    await openLoaded();

    const name = page.root.querySelector('[formcontrolname="name"]') as HTMLInputElement;
    expect(name.value).toBe('Riverside HIM');
    expect(readable(page.root.querySelector('#r4-explained'))).toContain(
      'only once it has been verified',
    );
    expect(
      Array.from(page.root.querySelectorAll('mat-chip-row')).map((chip) => readable(chip)),
    ).toEqual(['90 days ✕', '60 days ✕', '30 days ✕', '7 days ✕']);
  });

  it('sends only the changed settings with the version, and says so', async () => {
    await openLoaded();
    typeIntoField(page.root, 'expiryWarningDays', '60');
    (page.root.querySelector('button[aria-label="Remove 7 days"]') as HTMLButtonElement).click();
    page.root.querySelector<HTMLButtonElement>('mat-slide-toggle button')?.click();
    await page.settle();
    button(page.root, 'Save settings').click();

    const patch = expectApi(page.http, 'department', 'PATCH');
    expect(patch.request.body).toEqual({
      version: 1,
      requireVerification: true,
      expiryWarningDays: 60,
      reminderLeadDays: [90, 60, 30],
    });
    patch.flush(
      department({
        version: 2,
        expiryWarningDays: 60,
        requireVerification: true,
        reminderLeadDays: [90, 60, 30],
      }),
    );
    await page.settle();
    expect(snackBarText()).toContain('Department settings saved.');
  });

  it("puts the API's time zone message at the field", async () => {
    await openLoaded();
    const timeZone = page.root.querySelector('[formcontrolname="timeZone"]') as HTMLInputElement;
    typeInto(timeZone, 'Mars/Olympus');
    button(page.root, 'Save settings').click();
    const patch = expectApi(page.http, 'department', 'PATCH');
    expect(patch.request.body).toEqual({ version: 1, timeZone: 'Mars/Olympus' });
    failWith(patch, 400, ['timeZone must be an IANA time zone such as America/Chicago']);
    await page.settle();

    expect(fieldErrors(timeZone)).toEqual(['Must be an IANA time zone such as America/Chicago.']);
  });

  it('switches password sign-in off with a break-glass admin chosen among the active admins', async () => {
    await openLoaded();
    expect(readable(page.root)).toContain('Break-glass admin');
    const toggles = page.root.querySelectorAll<HTMLButtonElement>('mat-slide-toggle button');
    toggles[1].click();
    await page.settle();
    button(page.root, 'Save settings').click();

    const patch = expectApi(page.http, 'department', 'PATCH');
    expect(patch.request.body).toEqual({ version: 1, passwordSignIn: false });
    failWith(patch, 400, [
      'breakGlassUserId is required when password sign-in is off: an admin who can still sign in with a password if the identity provider is down',
    ]);
    await page.settle();
    expect(readable(page.root)).toContain('an admin who can still sign in with a password');
  });

  it('lets the admin switch off staff adding their own credentials', async () => {
    await openLoaded();
    expect(readable(page.root.querySelector('#staff-add-explained'))).toContain(
      'which manager to ask',
    );
    page.root
      .querySelector<HTMLButtonElement>(
        'mat-slide-toggle[formcontrolname="staffMayAddCredentials"] button',
      )
      ?.click();
    await page.settle();
    button(page.root, 'Save settings').click();
    const patch = expectApi(page.http, 'department', 'PATCH');
    expect(patch.request.body).toEqual({ version: 1, staffMayAddCredentials: false });
    patch.flush(department({ version: 2, staffMayAddCredentials: false }));
    await page.settle();
    expect(snackBarText()).toContain('Department settings saved.');
  });
});
