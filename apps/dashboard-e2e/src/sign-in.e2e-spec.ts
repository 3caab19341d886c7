import type { Page } from 'playwright-core';
import {
  asUser,
  DIRECTOR,
  expectNoAxeViolations,
  mainHeading,
  screenshot,
  useBrowser,
  withPage,
} from './support/helpers';

const HEADLINE_FIGURES = ['Staff ready', 'Requirements met', 'Coverage targets met'];
const FAR_FUTURE = '2031-06-30';

/** The three headline figure cards' text, by label. */
async function headlineFigures(page: Page): Promise<Record<string, string>> {
  const figures: Record<string, string> = {};
  for (const label of HEADLINE_FIGURES) {
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name: label, exact: true }) });
    figures[label] = (await card.innerText()).replace(/\s+/g, ' ').trim();
  }
  return figures;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function forecastRows(page: Page): Promise<string[][]> {
  const table = page.getByRole('table', { name: 'Forecast figures' });
  await table.getByRole('row').nth(1).waitFor();
  return table
    .getByRole('row')
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll('th, td')).map((cell) => (cell.textContent ?? '').trim()),
      ),
    );
}

describe('signing in', () => {
  const browser = useBrowser();

  it('shows an error for a wrong password and stays on the sign-in page', async () => {
    await withPage(browser(), async (page) => {
      await page.goto('/login');
      await expect(mainHeading(page).innerText()).resolves.toBe('Sign in');
      await expectNoAxeViolations(page, 'sign-in page');

      await page.getByLabel('Email', { exact: true }).fill(DIRECTOR.email);
      await page.getByLabel('Password', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();

      const alert = page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' });
      await alert.waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
      await expectNoAxeViolations(page, 'sign-in page with the error');
      await screenshot(page, 'sign-in-wrong-password');
    });
  });

  it('takes the director to the overview, with figures, a forecast and an as-of date', async () => {
    await asUser(browser(), DIRECTOR, async (page) => {
      await page.waitForURL('**/overview');
      await expect(mainHeading(page).innerText()).resolves.toBe('Department overview');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Overview' }).waitFor();

      // Headline figures as percentages.
      const figuresHeading = page.getByRole('heading', {
        level: 2,
        name: /^Department figures as of /,
      });
      await figuresHeading.waitFor();
      const today = ((await figuresHeading.innerText()).match(/\d{4}-\d{2}-\d{2}/) ?? [''])[0];
      expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const figuresToday = await headlineFigures(page);
      for (const label of HEADLINE_FIGURES) {
        expect(figuresToday[label]).toMatch(/\d+(\.\d+)?\s?%/);
      }

      // The forecast table: the as-of date, then +30, +60, +90 and +180 days.
      const rows = await forecastRows(page);
      const body = rows.slice(1);
      expect(body.map((cells) => cells[0])).toEqual([
        'As of date',
        'In 30 days',
        'In 60 days',
        'In 90 days',
        'In 180 days',
      ]);
      expect(body.map((cells) => cells[1])).toEqual(
        [0, 30, 60, 90, 180].map((d) => addDays(today, d)),
      );
      for (const cells of body) {
        expect(cells[2]).toMatch(/%/);
      }
      await expectNoAxeViolations(page, 'overview');
      await screenshot(page, 'overview-director');

      // A date far in the future: the page reloads the figures for it, and they differ.
      await page.getByLabel('As of', { exact: true }).fill(FAR_FUTURE);
      await page
        .getByRole('heading', { level: 2, name: `Department figures as of ${FAR_FUTURE}` })
        .waitFor();
      const figuresLater = await headlineFigures(page);
      expect(figuresLater).not.toEqual(figuresToday);
      const laterRows = (await forecastRows(page)).slice(1);
      expect(laterRows[0]?.[1]).toBe(FAR_FUTURE);
      expect(laterRows[4]?.[1]).toBe(addDays(FAR_FUTURE, 180));
      await expectNoAxeViolations(page, `overview as of ${FAR_FUTURE}`);
      await screenshot(page, 'overview-director-far-future');

      // "Today" goes back.
      await page.getByRole('button', { name: 'Today', exact: true }).click();
      await page
        .getByRole('heading', { level: 2, name: `Department figures as of ${today}` })
        .waitFor();
    });
  });
});
