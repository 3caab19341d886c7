import {
  asUser,
  CODER,
  DIRECTOR,
  expectNoAxeViolations,
  mainHeading,
  settleAndCheck,
  staffByEmail,
  useBrowser,
} from './support/helpers';

describe('a staff profile (staff/:id)', () => {
  const browser = useBrowser();

  it("the director opens a member's profile and sees their name and credentials", async () => {
    const coder = await staffByEmail(CODER.email);
    await asUser(browser(), DIRECTOR, async (page) => {
      await page.goto(`/staff/${coder.id}`);
      await expect(mainHeading(page).innerText()).resolves.toBe(coder.name);
      for (const heading of ['Role requirements', 'Credentials', 'CE activities', 'Audit trail']) {
        await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
      }
      const credentials = page.getByRole('region', { name: 'Credentials', exact: true });
      const ccs = credentials.getByRole('listitem').filter({ hasText: 'CCS — ' });
      await ccs
        .getByRole('button', { name: 'Edit CCS — Certified Coding Specialist (AHIMA)' })
        .waitFor();

      // Its evidence opens on request, with the upload a manager may use.
      await ccs.getByRole('button', { name: /^(Add|Show) evidence for CCS$/ }).click();
      const evidence = ccs.getByRole('group', { name: 'Evidence for CCS' });
      await evidence.getByRole('button', { name: 'Attach a file' }).waitFor();
      await settleAndCheck(page, 'staff profile with evidence open', 'staff-profile-director');
    });
  });

  it('an unknown id shows a not-found page', async () => {
    await asUser(browser(), DIRECTOR, async (page) => {
      await page.goto('/staff/00000000-0000-4000-8000-000000000000');
      await expect(mainHeading(page).innerText()).resolves.toMatch(/not found/i);
      await expectNoAxeViolations(page, 'unknown staff profile');
    });
  });
});
