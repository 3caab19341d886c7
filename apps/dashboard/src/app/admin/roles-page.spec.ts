import {
  CCS_TYPE,
  CPC_TYPE,
  HIPAA_SKILL,
  ICD10_SKILL,
  INPATIENT_CODER_ROLE,
} from '../../testing/fixtures';
import {
  type AdminPageTest,
  button,
  chooseOptions,
  closeAdminPage,
  closeSelect,
  expectApi,
  failWith,
  fieldErrorsOf,
  openDialog,
  openDialogBy,
  openLoadedAdminPage,
  readable,
  typeIntoField,
} from './admin-spec-setup';
import { RolesPage } from './roles-page';

describe('RolesPage', () => {
  let page: AdminPageTest;

  async function openLoaded(): Promise<void> {
    page = await openLoadedAdminPage(RolesPage, {
      roles: [INPATIENT_CODER_ROLE],
      skills: [ICD10_SKILL, HIPAA_SKILL],
      'credential-types': [CCS_TYPE, CPC_TYPE],
    });
  }

  afterEach(() => closeAdminPage(page));

  it('lists the requirements in words', async () => {
    await openLoaded();
    expect(Array.from(page.root.querySelectorAll('td li')).map((item) => readable(item))).toEqual([
      'CCS or CPC',
      'ICD-10-CM coding at Proficient',
      'HIPAA privacy at Working',
    ]);
  });

  it('creates a role with a credential requirement and puts a 400 line at its row', async () => {
    await openLoaded();
    const dialog = await openDialogBy(page, 'Add role');
    typeIntoField(dialog, 'name', 'ROI specialist');
    button(dialog, 'Add a requirement').click();
    await page.settle();
    await chooseOptions(page, 'kind', 'Credential');
    await chooseOptions(page, 'anyOf', /^CCS/, /^CPC/);
    await closeSelect(page);
    button(dialog, 'Add role').click();

    const post = expectApi(page.http, 'roles', 'POST');
    expect(post.request.body).toEqual({
      name: 'ROI specialist',
      description: null,
      requirements: [{ kind: 'credential', anyOf: [CCS_TYPE.id, CPC_TYPE.id] }],
    });
    failWith(post, 400, ['requirements.0.anyOf must name credential types of the department']);
    await page.settle();
    expect(fieldErrorsOf(dialog, 'anyOf')).toEqual([
      'Must name credential types of the department.',
    ]);
  });

  it('edits with the version and the full requirement list when it changed', async () => {
    await openLoaded();
    await openDialogBy(page, 'Edit');
    openDialog().querySelector<HTMLButtonElement>('[aria-label="Remove requirement 3"]')?.click();
    await page.settle();
    button(openDialog(), 'Save changes').click();

    const patch = expectApi(page.http, `roles/${INPATIENT_CODER_ROLE.id}`, 'PATCH');
    expect(patch.request.body).toEqual({
      version: 1,
      requirements: INPATIENT_CODER_ROLE.requirements.slice(0, 2),
    });
    failWith(patch, 409, ['version: role was changed by someone else; reload and try again']);
    await page.settle();
    expect(readable(openDialog().querySelector('[role="alert"]'))).toContain('Reload');
  });

  it('shows why a role in use cannot be deleted', async () => {
    await openLoaded();
    await openDialogBy(page, 'Delete');
    button(openDialog(), 'Delete role').click();
    await page.settle();
    failWith(expectApi(page.http, `roles/${INPATIENT_CODER_ROLE.id}`, 'DELETE'), 409, [
      'role is held by 4 staff members',
    ]);
    await page.settle();
    expect(readable(page.root.querySelector('.action-error'))).toBe(
      'Role is held by 4 staff members.',
    );
  });
});
