import type { Department } from '@him/contracts';
import {
  apiGet,
  apiLogin,
  baseUrl,
  DIRECTOR,
  login,
  useBrowser,
  waitUntil,
} from './support/helpers';

/** The calendar day at `now` in a time zone, as YYYY-MM-DD. */
function dayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * One "today": a director whose browser sits in a time zone where it is already another day
 * than in the department's sees the department's day as the as-of date on every page that has
 * one, so a credential never lapses in "39 days" on one page and "40" on another.
 */
describe('one today, the department’s', () => {
  const browser = useBrowser();

  it('the overview, coverage and reports take the department’s day, not the browser’s', async () => {
    const department = await apiGet<Department>(await apiLogin(DIRECTOR), 'department');
    const today = dayIn(department.timeZone);
    // UTC+14 and UTC-12 are 26 hours apart: in one of them it is another day than today
    const browserZone = ['Pacific/Kiritimati', 'Etc/GMT+12'].find((zone) => dayIn(zone) !== today);
    if (!browserZone) throw new Error('no time zone with another day than the department’s');
    const context = await browser().newContext({
      baseURL: baseUrl(),
      locale: 'en-US',
      timezoneId: browserZone,
    });
    context.setDefaultTimeout(15_000);
    try {
      const page = await context.newPage();
      const browserDay = await page.evaluate(() => {
        const d = new Date();
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      });
      expect(browserDay).not.toBe(today);
      await login(page, DIRECTOR.email, DIRECTOR.password);
      for (const path of ['/overview', '/coverage', '/reports']) {
        await page.goto(path);
        const asOf = page.getByLabel('As of', { exact: true }).first();
        await asOf.waitFor();
        await waitUntil(`${path} shows ${today}`, async () => (await asOf.inputValue()) === today);
        await expect(asOf.inputValue()).resolves.toBe(today);
      }
    } finally {
      await context.close();
    }
  });
});
