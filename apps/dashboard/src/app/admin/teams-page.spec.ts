import {
  CCS_TYPE,
  CODING_TEAM,
  CPC_TYPE,
  ICD10_SKILL,
  page as pageOf,
  staff,
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
  snackBarText,
  typeIntoField,
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
    page = await openLoadedAdminPage(TeamsPage, {
      teams: [TEAM],
      skills: [ICD10_SKILL],
      'credential-types': [CCS_TYPE, CPC_TYPE],
      staff: [MANAGER, staff()],
    });
  }

  afterEach(() => closeAdminPage(page));

  it('lists managers and coverage targets in words', async () => {
    await openLoaded();
    expect(readable(page.root.querySelector('tr.mat-mdc-row'))).toContain(
      'Coding Dana Whitfield ≥ 2 holding CCS or CPC',
    );
  });

  it('creates a team with managers and a skill coverage target', async () => {
    await openLoaded();
    const dialog = await openDialogBy(page, 'Add team');
    typeIntoField(dialog, 'name', 'CDI');
    await chooseOptions(page, 'managerStaffIds', 'Dana Whitfield');
    await closeSelect(page);
    button(dialog, 'Add a coverage target').click();
    await page.settle();
    await chooseOptions(page, 'skillId', 'ICD-10-CM coding');
    typeIntoField(dialog, 'minHolders', '3');
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
    expect(fieldErrorsOf(dialog, 'minHolders')).toEqual(['Must not be greater than 50.']);
  });

  it('edits the name only, with the version', async () => {
    await openLoaded();
    await openDialogBy(page, 'Edit');
    typeIntoField(openDialog(), 'name', 'Coding (inpatient)');
    button(openDialog(), 'Save changes').click();
    const patch = expectApi(page.http, `teams/${TEAM.id}`, 'PATCH');
    expect(patch.request.body).toEqual({ version: 1, name: 'Coding (inpatient)' });
    patch.flush({ ...TEAM, name: 'Coding (inpatient)', version: 2 });
    await page.settle();
    expect(snackBarText()).toContain('Team Coding (inpatient) saved.');
    expectApi(page.http, 'teams').flush(pageOf([TEAM]));
  });
});
