import { HttpTestingController } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { storeSession, testUser } from '../../testing/auth-session';
import { HIPAA_SKILL, ICD10_SKILL, page } from '../../testing/fixtures';
import {
  button,
  expectApi,
  failWith,
  fieldErrors,
  pageTestProviders,
  readable,
  typeInto,
} from '../../testing/page-testing';
import { SkillsPage } from './skills-page';

describe('SkillsPage', () => {
  let harness: RouterTestingHarness;
  let root: HTMLElement;
  let http: HttpTestingController;

  async function openPage(): Promise<void> {
    sessionStorage.clear();
    storeSession(testUser('admin'));
    TestBed.configureTestingModule({
      providers: pageTestProviders([{ path: 'skills', component: SkillsPage }]),
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create('/skills');
    root = harness.routeNativeElement as HTMLElement;
    expectApi(http, 'skills').flush(page([ICD10_SKILL, HIPAA_SKILL]));
    await harness.fixture.whenStable();
  }

  function dialog(): HTMLElement {
    return document.querySelector('mat-dialog-container') as HTMLElement;
  }

  function snackBarText(): string {
    return readable(document.querySelector('mat-snack-bar-container'));
  }

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => overlay.remove());
  });

  it('lists the skills with their category and description', async () => {
    await openPage();

    const rows = Array.from(root.querySelectorAll('tr.mat-mdc-row')).map((row) => readable(row));
    expect(rows[0]).toContain('ICD-10-CM coding Technical —');
    expect(rows[1]).toContain('HIPAA privacy Regulatory');
  });

  it('adds a skill and reloads the list', async () => {
    await openPage();
    button(root, 'Add skill').click();
    await harness.fixture.whenStable();

    typeInto(
      dialog().querySelector('[formcontrolname="name"]') as HTMLInputElement,
      ' Abstracting ',
    );
    const loader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    const category = await loader.getHarness(
      MatSelectHarness.with({ ancestor: 'mat-dialog-container' }),
    );
    await category.open();
    await category.clickOptions({ text: 'Soft' });
    button(dialog(), 'Add skill').click();

    const post = expectApi(http, 'skills', 'POST');
    expect(post.request.body).toEqual({ name: 'Abstracting', category: 'soft', description: null });
    post.flush({ ...HIPAA_SKILL, id: 'skill-new', name: 'Abstracting', category: 'soft' });
    await harness.fixture.whenStable();

    expect(dialog()).toBeNull();
    expect(snackBarText()).toContain('Skill Abstracting added.');
    expectApi(http, 'skills').flush(page([ICD10_SKILL]));
  });

  it('edits only the changed fields with the version read, and shows a 400 line at its field', async () => {
    await openPage();
    button(root, 'Edit').click();
    await harness.fixture.whenStable();

    const name = dialog().querySelector('[formcontrolname="name"]') as HTMLInputElement;
    typeInto(name, 'ICD-10-CM');
    button(dialog(), 'Save changes').click();
    const patch = expectApi(http, `skills/${ICD10_SKILL.id}`, 'PATCH');
    expect(patch.request.body).toEqual({ version: 1, name: 'ICD-10-CM' });
    failWith(patch, 400, ['name must be unique in the department']);
    await harness.fixture.whenStable();

    expect(fieldErrors(name)).toEqual(['Must be unique in the department.']);
    expect(button(dialog(), 'Save changes').disabled).toBe(false);
  });

  it('offers a reload when someone else changed the skill (409 on version)', async () => {
    await openPage();
    button(root, 'Edit').click();
    await harness.fixture.whenStable();
    typeInto(dialog().querySelector('[formcontrolname="description"]') as HTMLTextAreaElement, 'x');
    button(dialog(), 'Save changes').click();
    failWith(expectApi(http, `skills/${ICD10_SKILL.id}`, 'PATCH'), 409, [
      'version: skill was changed by someone else; reload and try again',
    ]);
    await harness.fixture.whenStable();

    expect(readable(dialog().querySelector('[role="alert"]'))).toContain(
      'Reload to see the latest version',
    );
    button(dialog(), 'Reload').click();
    await harness.fixture.whenStable();
    expectApi(http, 'skills').flush(page([ICD10_SKILL]));
  });

  it('asks before deleting and shows where a skill in use is used (409)', async () => {
    await openPage();
    button(root, 'Delete').click();
    await harness.fixture.whenStable();

    expect(readable(dialog().querySelector('h2'))).toBe('Delete skill ICD-10-CM coding?');
    button(dialog(), 'Delete skill').click();
    await harness.fixture.whenStable();
    failWith(expectApi(http, `skills/${ICD10_SKILL.id}`, 'DELETE'), 409, [
      'skill is in use by role Medical coder, inpatient',
    ]);
    await harness.fixture.whenStable();

    expect(readable(root.querySelector('.action-error'))).toBe(
      'Skill is in use by role Medical coder, inpatient.',
    );
  });

  it('deletes a skill once confirmed and reloads', async () => {
    await openPage();
    button(root, 'Delete').click();
    await harness.fixture.whenStable();
    button(dialog(), 'Delete skill').click();
    await harness.fixture.whenStable();
    expectApi(http, `skills/${ICD10_SKILL.id}`, 'DELETE').flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    await harness.fixture.whenStable();

    expect(snackBarText()).toContain('Skill ICD-10-CM coding deleted.');
    expectApi(http, 'skills').flush(page([HIPAA_SKILL]));
  });
});
