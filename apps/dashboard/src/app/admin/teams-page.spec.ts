import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import {
  CCS_TYPE,
  CODING_TEAM,
  CPC_TYPE,
  ICD10_SKILL,
  page as pageOf,
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
  closeSelect,
  openAdminPage,
  openDialog,
  removeOverlays,
  snackBarText,
} from './admin-spec-setup';
import { TeamsPage } from './teams-page';

const TEAM = {
  ...CODING_TEAM,
  coverageTargets: [
    {
      requirement: { kind: 'credential' as const, anyOf: [CCS_TYPE.id, CPC_TYPE.id] },
      minHolders: 2,
    },
  ],
};
const MANAGER = staff({ id: 'staff-manager', name: 'Dana Whitfield' });

describe('TeamsPage', () => {
  let page: AdminPageTest;

  async function openLoaded(): Promise<void> {
    page = await openAdminPage(TeamsPage);
    expectApi(page.http, 'teams').flush(pageOf([TEAM]));
    expectApi(page.http, 'skills').flush(pageOf([ICD10_SKILL]));
    expectApi(page.http, 'credential-types').flush(pageOf([CCS_TYPE, CPC_TYPE]));
    expectApi(page.http, 'staff').flush(pageOf([MANAGER, staff()]));
    await page.settle();
  }

  afterEach(() => {
    page.http.verify();
    removeOverlays();
  });

  it('lists managers and coverage targets in words', async () => {
    await openLoaded();
    expect(readable(page.root.querySelector('tr.mat-mdc-row'))).toContain(
      'Coding Dana Whitfield ≥ 2 holding CCS or CPC',
    );
  });

  it('creates a team with managers and a skill coverage target', async () => {
    await openLoaded();
    button(page.root, 'Add team').click();
    await page.settle();
    const dialog = openDialog();
    typeInto(dialog.querySelector('[formcontrolname="name"]') as HTMLInputElement, 'CDI');
    const loader = TestbedHarnessEnvironment.documentRootLoader(page.harness.fixture);
    const managers = await loader.getHarness(
      MatSelectHarness.with({ selector: '[formcontrolname="managerStaffIds"]' }),
    );
    await managers.open();
    await managers.clickOptions({ text: 'Dana Whitfield' });
    await closeSelect(page);
    button(dialog, 'Add a coverage target').click();
    await page.settle();
    const skill = await loader.getHarness(
      MatSelectHarness.with({ selector: '[formcontrolname="skillId"]' }),
    );
    await skill.open();
    await skill.clickOptions({ text: 'ICD-10-CM coding' });
    typeInto(dialog.querySelector('[formcontrolname="minHolders"]') as HTMLInputElement, '3');
    button(dialog, 'Add team').click();

    const post = expectApi(page.http, 'teams', 'POST');
    expect(post.request.body).toEqual({
      name: 'CDI',
      managerStaffIds: ['staff-manager'],
      coverageTargets: [
        { requirement: { kind: 'skill', skillId: ICD10_SKILL.id, minLevel: 3 }, minHolders: 3 },
      ],
    });
    failWith(post, 400, ['coverageTargets.0.minHolders must not be greater than 50']);
    await page.settle();
    expect(
      fieldErrors(dialog.querySelector('[formcontrolname="minHolders"]') as HTMLElement),
    ).toEqual(['Must not be greater than 50.']);
  });

  it('edits the name only, with the version', async () => {
    await openLoaded();
    button(page.root, 'Edit').click();
    await page.settle();
    typeInto(
      openDialog().querySelector('[formcontrolname="name"]') as HTMLInputElement,
      'Coding (inpatient)',
    );
    button(openDialog(), 'Save changes').click();
    const patch = expectApi(page.http, `teams/${TEAM.id}`, 'PATCH');
    expect(patch.request.body).toEqual({ version: 1, name: 'Coding (inpatient)' });
    patch.flush({ ...TEAM, name: 'Coding (inpatient)', version: 2 });
    await page.settle();
    expect(snackBarText()).toContain('Team Coding (inpatient) saved.');
    expectApi(page.http, 'teams').flush(pageOf([TEAM]));
  });
});
