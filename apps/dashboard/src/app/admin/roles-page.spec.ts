import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import {
  CCS_TYPE,
  CPC_TYPE,
  HIPAA_SKILL,
  ICD10_SKILL,
  INPATIENT_CODER_ROLE,
  page as pageOf,
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
  closeSelect,
  openAdminPage,
  openDialog,
  removeOverlays,
} from './admin-spec-setup';
import { RolesPage } from './roles-page';

describe('RolesPage', () => {
  let page: AdminPageTest;

  async function openLoaded(): Promise<void> {
    page = await openAdminPage(RolesPage);
    expectApi(page.http, 'roles').flush(pageOf([INPATIENT_CODER_ROLE]));
    expectApi(page.http, 'skills').flush(pageOf([ICD10_SKILL, HIPAA_SKILL]));
    expectApi(page.http, 'credential-types').flush(pageOf([CCS_TYPE, CPC_TYPE]));
    await page.settle();
  }

  afterEach(() => {
    page.http.verify();
    removeOverlays();
  });

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
    button(page.root, 'Add role').click();
    await page.settle();
    const dialog = openDialog();
    typeInto(
      dialog.querySelector('[formcontrolname="name"]') as HTMLInputElement,
      'ROI specialist',
    );
    button(dialog, 'Add a requirement').click();
    await page.settle();
    const loader = TestbedHarnessEnvironment.documentRootLoader(page.harness.fixture);
    const kind = await loader.getHarness(
      MatSelectHarness.with({ selector: '[formcontrolname="kind"]' }),
    );
    await kind.open();
    await kind.clickOptions({ text: 'Credential' });
    const anyOf = await loader.getHarness(
      MatSelectHarness.with({ selector: '[formcontrolname="anyOf"]' }),
    );
    await anyOf.open();
    await anyOf.clickOptions({ text: /^CCS/ });
    await anyOf.clickOptions({ text: /^CPC/ });
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
    expect(fieldErrors(dialog.querySelector('[formcontrolname="anyOf"]') as HTMLElement)).toEqual([
      'Must name credential types of the department.',
    ]);
  });

  it('edits with the version and the full requirement list when it changed', async () => {
    await openLoaded();
    button(page.root, 'Edit').click();
    await page.settle();
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
    button(page.root, 'Delete').click();
    await page.settle();
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
