import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import { CCS_TYPE, HIPAA_SKILL, ICD10_SKILL, page as pageOf } from '../../testing/fixtures';
import {
  button,
  expectApi,
  failWith,
  fieldErrors,
  readable,
  typeInto,
} from '../../testing/page-testing';
import { type AdminPageTest, openAdminPage, openDialog, removeOverlays } from './admin-spec-setup';
import { CredentialTypesPage } from './credential-types-page';

const CCS = { ...CCS_TYPE, evidencesSkills: [{ skillId: ICD10_SKILL.id, level: 3 }] };

describe('CredentialTypesPage', () => {
  let page: AdminPageTest;

  async function openLoaded(): Promise<void> {
    page = await openAdminPage(CredentialTypesPage);
    expectApi(page.http, 'credential-types').flush(pageOf([CCS]));
    expectApi(page.http, 'skills').flush(pageOf([ICD10_SKILL, HIPAA_SKILL]));
    await page.settle();
  }

  afterEach(() => {
    page.http.verify();
    removeOverlays();
  });

  it('lists the types with their evidenced skills in words', async () => {
    await openLoaded();
    expect(readable(page.root.querySelector('tr.mat-mdc-row'))).toContain(
      'CCS Certified Coding Specialist AHIMA 20 ICD-10-CM coding: Proficient',
    );
  });

  it('creates a type with a (skill, level) row', async () => {
    await openLoaded();
    button(page.root, 'Add credential type').click();
    await page.settle();
    const dialog = openDialog();
    typeInto(dialog.querySelector('[formcontrolname="code"]') as HTMLInputElement, 'CDIP');
    typeInto(
      dialog.querySelector('[formcontrolname="name"]') as HTMLInputElement,
      'Clinical Documentation Integrity Practitioner',
    );
    typeInto(dialog.querySelector('[formcontrolname="issuingBody"]') as HTMLInputElement, 'AHIMA');
    typeInto(dialog.querySelector('[formcontrolname="baseCeus"]') as HTMLInputElement, '30');
    button(dialog, 'Add a skill').click();
    await page.settle();
    const loader = TestbedHarnessEnvironment.documentRootLoader(page.harness.fixture);
    const skill = await loader.getHarness(
      MatSelectHarness.with({ selector: '[formcontrolname="skillId"]' }),
    );
    await skill.open();
    await skill.clickOptions({ text: 'HIPAA privacy' });
    button(dialog, 'Add credential type').click();

    const post = expectApi(page.http, 'credential-types', 'POST');
    expect(post.request.body).toEqual({
      code: 'CDIP',
      name: 'Clinical Documentation Integrity Practitioner',
      issuingBody: 'AHIMA',
      baseCeus: 30,
      evidencesSkills: [{ skillId: HIPAA_SKILL.id, level: 3 }],
    });
    failWith(post, 400, ['evidencesSkills.0.skillId must be a skill of the department']);
    await page.settle();
    expect(fieldErrors(dialog.querySelector('[formcontrolname="skillId"]') as HTMLElement)).toEqual(
      ['Must be a skill of the department.'],
    );
  });

  it('edits with the version and only the changed fields', async () => {
    await openLoaded();
    button(page.root, 'Edit').click();
    await page.settle();
    typeInto(openDialog().querySelector('[formcontrolname="baseCeus"]') as HTMLInputElement, '24');
    button(openDialog(), 'Remove').click();
    button(openDialog(), 'Save changes').click();

    const patch = expectApi(page.http, `credential-types/${CCS.id}`, 'PATCH');
    expect(patch.request.body).toEqual({ version: 1, baseCeus: 24, evidencesSkills: [] });
    patch.flush({ ...CCS, baseCeus: 24, evidencesSkills: [], version: 2 });
    await page.settle();
    expectApi(page.http, 'credential-types').flush(pageOf([CCS]));
  });
});
