import type { DeadlinesResponse } from '@him/contracts';
import {
  apiGet,
  apiLogin,
  asUser,
  DIRECTOR,
  expectNoAxeViolations,
  horizontalOverflow,
  mainHeading,
  MANAGER,
  PHONE,
  screenshot,
  useBrowser,
} from './support/helpers';

/**
 * Deadlines, charted: the director sees twelve months of what falls due, switches the stacks from
 * teams to issuing bodies, and lists the people of a month from the chart and from its table; the
 * manager sees only their teams' deadlines.
 */
describe('deadlines chart', () => {
  const browser = useBrowser();

  it('the director charts the next twelve months by team and by body and lists the people of a month', async () => {
    const token = await apiLogin(DIRECTOR);
    const all = await apiGet<DeadlinesResponse>(token, 'deadlines');
    expect(all.deadlines.length).toBeGreaterThan(0);
    await asUser(browser(), DIRECTOR, async (page) => {
      await page.getByRole('link', { name: 'Deadlines' }).click();
      await page.waitForURL('**/deadlines');
      await expect(mainHeading(page).textContent()).resolves.toBe('Deadlines');
      const chart = page.getByRole('img', {
        name: /Deadlines per month, stacked bar chart by team/,
      });
      await chart.waitFor();
      await page.getByText(`${all.deadlines.length} deadlines from ${all.asOf}`).waitFor();
      const table = page.getByRole('table', { name: /Deadlines per month/ });
      // a row per calendar month, thirteen when the window starts after the first of the month
      const rows = await table.getByRole('row').count();
      expect(rows - 1).toBe(all.asOf.endsWith('-01') ? 12 : 13);
      await expectNoAxeViolations(page, 'deadlines page');
      await screenshot(page, 'deadlines');

      await page.getByRole('radio', { name: 'By issuing body' }).click();
      await page.getByRole('img', { name: /stacked bar chart by issuing body/ }).waitFor();

      // the month with the first deadline, from its button in the table
      const first = all.deadlines[0];
      const monthName = new Date(`${first.date.slice(0, 7)}-01T00:00:00Z`).toLocaleString('en-US', {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
      await table.getByRole('button', { name: `People due in ${monthName}` }).click();
      const list = page.getByRole('heading', { name: `Due in ${monthName}` });
      await list.waitFor();
      await page.getByRole('link', { name: first.staffName }).first().waitFor();
      const inMonth = all.deadlines.filter((d) => d.date.startsWith(first.date.slice(0, 7)));
      await expect(page.locator('.people li').count()).resolves.toBe(inMonth.length);

      // and from the chart: a click on the first bar lists the same month
      await page.getByRole('radio', { name: 'By team' }).click();
      const monthsShown = rows - 1;
      const monthIndex = Math.max(
        0,
        (Number(first.date.slice(0, 4)) - Number(all.asOf.slice(0, 4))) * 12 +
          Number(first.date.slice(5, 7)) -
          Number(all.asOf.slice(5, 7)),
      );
      await page
        .getByRole('button', { name: /^People due in/ })
        .last()
        .click();
      await page.getByRole('heading', { name: /^Due in / }).waitFor();
      // chart area: the bars sit left to right in equal slots after the y axis
      await chart.scrollIntoViewIfNeeded();
      const box = await chart.boundingBox();
      if (!box) throw new Error('the chart has no box');
      const slot = (box.width - 60) / monthsShown;
      await page.mouse.click(box.x + 60 + slot * (monthIndex + 0.5), box.y + box.height / 3);
      await list.waitFor();
    });
  });

  it("the manager sees their own teams' deadlines; the page fits a phone", async () => {
    const token = await apiLogin(MANAGER);
    const own = await apiGet<DeadlinesResponse>(token, 'deadlines');
    const directorToken = await apiLogin(DIRECTOR);
    const all = await apiGet<DeadlinesResponse>(directorToken, 'deadlines');
    expect(own.deadlines.length).toBeLessThan(all.deadlines.length);
    await asUser(
      browser(),
      MANAGER,
      async (page) => {
        await page.goto('/deadlines');
        await page
          .getByText(
            own.deadlines.length === 0
              ? 'Nothing falls due'
              : `${own.deadlines.length} deadlines from ${own.asOf}`,
          )
          .waitFor();
        await expect(page.getByRole('combobox', { name: 'Team' }).textContent()).resolves.toContain(
          'My teams',
        );
        expect((await horizontalOverflow(page)).document).toBeLessThanOrEqual(0);
        await expectNoAxeViolations(page, 'deadlines page on a phone');
        await screenshot(page, 'deadlines-phone');
      },
      PHONE,
    );
  });
});
