import {
  apiGet,
  apiLogin,
  asUser,
  baseUrl,
  DIRECTOR,
  expectNoAxeViolations,
  screenshot,
  screenshotOf,
  useBrowser,
  waitUntil,
} from './support/helpers';

interface CeRuleBody {
  issuingBody: string;
  afterLapse: { state: string; days: number }[];
}

/**
 * The unannounced-survey window on the overview (the lowest figures of a window, the coverage
 * that fails in it and what lapses inside it) and an admin edit of the states after an expiry.
 */
describe('survey window and after-lapse states (survey-window)', () => {
  const browser = useBrowser();

  it('the director reads the survey window, changes it and sees what lapses inside it', async () => {
    await asUser(browser(), DIRECTOR, async (page) => {
      const section = page.getByRole('region', { name: 'Unannounced survey window' });
      const heading = section.getByTestId('survey-window-heading');
      await heading.waitFor();
      const from = await section.getByTestId('window-from').inputValue();
      const to = await section.getByTestId('window-to').inputValue();
      await expect(heading.innerText()).resolves.toBe(
        `Unannounced survey between ${from} and ${to}`,
      );
      // the demo's coder CCS lapses in 12 days: inside a window of the next year
      const lapses = section.getByRole('region', { name: 'Lapses inside the survey window table' });
      await lapses.getByRole('row', { name: /Hannah Kowalski.*CCS credential/ }).waitFor();
      await expect(
        section.getByText('Requirements met, at the lowest', { exact: true }).isVisible(),
      ).resolves.toBe(true);

      // a window of two months from 30 days on
      const opens = new Date(`${from}T12:00:00Z`);
      opens.setUTCDate(opens.getUTCDate() + 30);
      const closes = new Date(opens);
      closes.setUTCMonth(closes.getUTCMonth() + 2);
      const day = (d: Date) => d.toISOString().slice(0, 10);
      await section.getByTestId('window-from').fill(day(opens));
      await section.getByTestId('window-to').fill(day(closes));
      await section.getByRole('button', { name: 'Show the window' }).click();
      await section
        .getByText(`Unannounced survey between ${day(opens)} and ${day(closes)}`)
        .waitFor();
      // a window that is too long is refused in words
      closes.setUTCFullYear(closes.getUTCFullYear() + 4);
      await section.getByTestId('window-to').fill(day(closes));
      await section.getByRole('button', { name: 'Show the window' }).click();
      await section.getByRole('alert').filter({ hasText: 'at most three years' }).waitFor();

      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page, 'overview with the survey window');
      await screenshotOf(section, 'overview-survey-window');
      const body = await page.locator('main').innerText();
      expect(body).not.toMatch(/\bR1[0-8]\b|\bR[2-9]\b/);
    });
  });

  it('the admin changes how long an expired AHIMA credential stays inactive', async () => {
    const token = await apiLogin(DIRECTOR);
    await asUser(browser(), DIRECTOR, async (page) => {
      await page.goto('/admin/ce-rules');
      const row = page.getByRole('row', { name: /AHIMA/ });
      await row.getByText('inactive 180 days, then revoked').waitFor();
      await page.getByRole('button', { name: 'Edit AHIMA rule' }).click();
      const dialog = page.getByRole('dialog');
      const state = dialog.getByRole('group', { name: 'State after an expiry 1' });
      await expect(state.getByRole('textbox', { name: 'State' }).inputValue()).resolves.toBe(
        'inactive',
      );
      const days = state.getByRole('spinbutton', { name: 'Days' });
      // the dialog fills its form once the rule has loaded: type only into the loaded form
      await waitUntil('the dialog shows the rule', async () => (await days.inputValue()) === '180');
      await days.fill('200');
      await expect(days.inputValue()).resolves.toBe('200');
      // the dialog open, its minimums' categories listed: axe checks it as it is
      const categories = dialog.getByRole('list', { name: 'Categories of minimum 1' });
      await expect(categories.getByRole('listitem').allInnerTexts()).resolves.toEqual([
        expect.stringContaining('HIIM domains'),
      ]);
      await expectNoAxeViolations(page, 'CE rule dialog');
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await dialog.waitFor({ state: 'detached', timeout: 30_000 });
      await row.getByText('inactive 200 days, then revoked').waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page, 'CE rules page');
      const saved = await apiGet<CeRuleBody>(token, 'ce-rules/AHIMA');
      expect(saved.afterLapse).toEqual([{ state: 'inactive', days: 200 }]);
      await screenshot(page, 'admin-ce-rules-after-lapse');
      // back to the default, for the other tests on this department
      const restored = await fetch(`${baseUrl()}/api/v1/ce-rules/AHIMA`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          version: (saved as CeRuleBody & { version: number }).version,
          afterLapse: [{ state: 'inactive', days: 180 }],
        }),
      });
      expect(restored.status).toBe(200);

      // a skill's reassessment period, in a dialog that axe checks open
      await page.goto('/admin/skills');
      await page.getByRole('button', { name: 'Edit HIPAA privacy and security' }).click();
      const skillDialog = page.getByRole('dialog');
      const months = skillDialog.getByRole('spinbutton', { name: /Reassess every/ });
      await expect(months.inputValue()).resolves.toBe('12');
      await months.fill('24');
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page, 'skill dialog');
      await skillDialog.getByRole('button', { name: 'Save changes' }).click();
      await skillDialog.waitFor({ state: 'detached' });
      const skills = await apiGet<{
        items: { id: string; name: string; reassessMonths: number | null; version: number }[];
      }>(token, 'skills?limit=500');
      const hipaa = skills.items.find((k) => k.name === 'HIPAA privacy and security') as {
        id: string;
        reassessMonths: number | null;
        version: number;
      };
      expect(hipaa.reassessMonths).toBe(24);
      const reset = await fetch(`${baseUrl()}/api/v1/skills/${hipaa.id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ version: hipaa.version, reassessMonths: 12 }),
      });
      expect(reset.status).toBe(200);
    });
  });
});
