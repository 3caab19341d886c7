import type { Page } from 'playwright-core';
import {
  apiGet,
  apiLogin,
  apiPost,
  asUser,
  baseUrl,
  daysAgo,
  DIRECTOR,
  expectNoAxeViolations,
  mainHeading,
  MANAGER,
  screenshot,
  useBrowser,
} from './support/helpers';

interface Member {
  id: string;
  name: string;
  teamId: string;
}

/**
 * The profile offers a manager only what the API accepts of them (GET /staff/:id → can): the
 * CE review only for the teams they manage, no verification of their own credential and no
 * manager assessment of their own skills. Credentials and assessments of any member they
 * write, as API.md has it, and the API agrees.
 */
describe("a manager on members' profiles", () => {
  const browser = useBrowser();
  let managerToken: string;
  let me: string;
  let ownTeamMember: Member;
  let otherTeamMember: Member;
  const stamp = Date.now();
  const ownTitle = `Own-team webinar ${stamp}`;
  const otherTitle = `Other-team webinar ${stamp}`;

  beforeAll(async () => {
    managerToken = await apiLogin(MANAGER);
    me = (await apiGet<{ staffId: string }>(managerToken, 'auth/me')).staffId;
    const teams = await apiGet<{ items: { id: string; managerStaffIds: string[] }[] }>(
      managerToken,
      'teams?limit=500',
    );
    const managed = new Set(
      teams.items.filter((team) => team.managerStaffIds.includes(me)).map((team) => team.id),
    );
    const staff = await apiGet<{ items: (Member & { status: string })[] }>(
      managerToken,
      'staff?limit=500&status=active',
    );
    const own = staff.items.find((m) => managed.has(m.teamId) && m.id !== me);
    const other = staff.items.find((m) => !managed.has(m.teamId));
    if (!own || !other)
      throw new Error('the demo needs members inside and outside the managed teams');
    ownTeamMember = own;
    otherTeamMember = other;
    // Awaiting review, logged by the director for each.
    const director = await apiLogin(DIRECTOR);
    for (const [member, title] of [
      [own, ownTitle],
      [other, otherTitle],
    ] as const) {
      await apiPost(director, `staff/${member.id}/ce-activities`, {
        title,
        provider: 'AHIMA',
        completedOn: daysAgo(3),
        hours: 1,
      });
    }
  });

  async function openProfile(page: Page, member: { id: string; name: string }) {
    await page.goto(`/staff/${member.id}`);
    await expect(mainHeading(page).innerText()).resolves.toBe(member.name);
    const activities = page.getByRole('region', { name: 'CE activities', exact: true });
    await activities.getByRole('listitem').first().waitFor();
    await page.waitForLoadState('networkidle');
    return {
      activities,
      credentials: page.getByRole('region', { name: 'Credentials', exact: true }),
      assessments: page.getByRole('region', { name: 'Skill assessments', exact: true }),
    };
  }

  async function canOf(memberId: string) {
    return (await apiGet<{ can: Record<string, boolean> }>(managerToken, `staff/${memberId}`)).can;
  }

  /** The status of the manager's review of the member's activity with this title. */
  async function reviewStatus(memberId: string, title: string): Promise<number> {
    const log = await apiGet<{ items: { id: string; title: string; version: number }[] }>(
      managerToken,
      `staff/${memberId}/ce-activities?limit=500`,
    );
    const activity = log.items.find((item) => item.title === title);
    if (!activity) throw new Error(`no activity ${title}`);
    const response = await fetch(`${baseUrl()}/api/v1/ce-activities/${activity.id}/review`, {
      method: 'POST',
      headers: { authorization: `Bearer ${managerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'approved', version: activity.version }),
    });
    return response.status;
  }

  it('a member of another team: no Approve or Reject (the API refuses them); credentials and assessments stay', async () => {
    await asUser(browser(), MANAGER, async (page) => {
      const { activities, credentials, assessments } = await openProfile(page, otherTeamMember);
      const entry = activities.getByRole('listitem').filter({ hasText: otherTitle });
      await entry.waitFor();
      await expect(
        entry.getByRole('button', { name: `Approve ${otherTitle}` }).count(),
      ).resolves.toBe(0);
      await expect(
        entry.getByRole('button', { name: `Reject ${otherTitle}` }).count(),
      ).resolves.toBe(0);
      await activities.getByTestId('reviewed-elsewhere').waitFor();
      await credentials.getByRole('button', { name: 'Add credential' }).waitFor();
      await assessments.getByRole('button', { name: 'Add assessment' }).waitFor();
      await expectNoAxeViolations(page, 'staff profile of another team, as a manager');
      await screenshot(page, 'staff-profile-other-team-manager');

      const can = await canOf(otherTeamMember.id);
      expect(can).toMatchObject({ reviewCe: false, addCredential: true, addAssessment: true });
      expect(await reviewStatus(otherTeamMember.id, otherTitle)).toBe(403);
    });
  });

  it("a member of the manager's own team: Approve and Reject are offered, and approving works", async () => {
    await asUser(browser(), MANAGER, async (page) => {
      const { activities, credentials } = await openProfile(page, ownTeamMember);
      const entry = activities.getByRole('listitem').filter({ hasText: ownTitle });
      await entry.getByRole('button', { name: `Reject ${ownTitle}` }).waitFor();
      await credentials.getByRole('button', { name: 'Add credential' }).waitFor();
      await expect(activities.getByTestId('reviewed-elsewhere').count()).resolves.toBe(0);

      await entry.getByRole('button', { name: `Approve ${ownTitle}` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
      await entry.getByText('Approved', { exact: true }).waitFor();
      await expect(
        entry.getByRole('button', { name: `Approve ${ownTitle}` }).count(),
      ).resolves.toBe(0);
    });
  });

  it('their own record: no manager assessment and no verification of their own credential', async () => {
    await asUser(browser(), MANAGER, async (page) => {
      const self = await apiGet<Member>(managerToken, `staff/${me}`);
      await page.goto(`/staff/${me}`);
      await expect(mainHeading(page).innerText()).resolves.toBe(self.name);
      const assessments = page.getByRole('region', { name: 'Skill assessments', exact: true });
      await assessments.getByTestId('no-manager-assessment').waitFor();
      await expect(
        assessments.getByRole('button', { name: 'Add assessment' }).count(),
      ).resolves.toBe(0);

      const credentials = page.getByRole('region', { name: 'Credentials', exact: true });
      await credentials.getByRole('button', { name: 'Add credential' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('no-verification').waitFor();
      await expect(dialog.getByRole('combobox', { name: 'Verification' }).count()).resolves.toBe(0);
      await expectNoAxeViolations(page, "a manager's own profile, adding a credential");
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      expect(await canOf(me)).toMatchObject({ addAssessment: false, verifyCredential: false });
    });
  });
});
