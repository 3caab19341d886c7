import { CCS_TYPE, HIPAA_SKILL, ICD10_SKILL, page as pageOf } from '../../testing/fixtures';
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
  typeIntoField,
} from './admin-spec-setup';
import { CredentialTypesPage } from './credential-types-page';

const CCS = { ...CCS_TYPE, evidencesSkills: [{ skillId: ICD10_SKILL.id, level: 3 }] };

describe('CredentialTypesPage', () => {
  let page: AdminPageTest;

  async function openLoaded(): Promise<void> {
    page = await openLoadedAdminPage(CredentialTypesPage, {
      'credential-types': [CCS],
      skills: [ICD10_SKILL, HIPAA_SKILL],
    });
  }

  afterEach(() => closeAdminPage(page));

  it('lists the types with their evidenced skills in words', async () => {
    await openLoaded();
    expect(readable(page.root.querySelector('tr.mat-mdc-row'))).toContain(
      'CCS Certified Coding Specialist AHIMA 20 ICD-10-CM coding: Proficient',
    );
  });

  it('creates a type with a (skill, level) row', async () => {
    await openLoaded();
    const dialog = await openDialogBy(page, 'Add credential type');
    typeIntoField(dialog, 'code', 'CDIP');
    typeIntoField(dialog, 'name', 'Clinical Documentation Integrity Practitioner');
    typeIntoField(dialog, 'issuingBody', 'AHIMA');
    typeIntoField(dialog, 'baseCeus', '30');
    button(dialog, 'Add a skill').click();
    await page.settle();
    await chooseOptions(page, 'skillId', 'HIPAA privacy');
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
    expect(fieldErrorsOf(dialog, 'skillId')).toEqual(['Must be a skill of the department.']);
  });

  it('edits with the version and only the changed fields', async () => {
    await openLoaded();
    await openDialogBy(page, 'Edit');
    typeIntoField(openDialog(), 'baseCeus', '24');
    button(openDialog(), 'Remove').click();
    button(openDialog(), 'Save changes').click();

    const patch = expectApi(page.http, `credential-types/${CCS.id}`, 'PATCH');
    expect(patch.request.body).toEqual({ version: 1, baseCeus: 24, evidencesSkills: [] });
    patch.flush({ ...CCS, baseCeus: 24, evidencesSkills: [], version: 2 });
    await page.settle();
    expectApi(page.http, 'credential-types').flush(pageOf([CCS]));
  });
});
