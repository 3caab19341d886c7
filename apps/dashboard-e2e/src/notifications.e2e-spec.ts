import {
  apiGet,
  apiLogin,
  apiPost,
  asUser,
  daysAgo,
  DIRECTOR,
  expectNoAxeViolations,
  login,
  mainHeading,
  screenshot,
  useBrowser,
  waitUntil,
  withPage,
} from './support/helpers';

/**
 * Reminders in the dashboard: the director replays the coming weeks (POST /reminders/run), the
 * bell shows the unread count, a notice opens the page it is about and is marked read, and the
 * admin's Reminders tab edits the expiry lead times.
 */
describe('notifications', () => {
  const browser = useBrowser();
  let token: string;
  beforeAll(async () => {
    token = await apiLogin(DIRECTOR);
    // today and the next four weeks, as the scheduler would run them: reminders and a digest
    for (let i = 0; i <= 28; i++) {
      await apiPost(token, 'reminders/run', { date: daysAgo(-i) });
    }
  });

  it('the bell shows the unread count; a notice opens its page; mark read and mark all read work', async () => {
    await withPage(browser(), async (page) => {
      const count = async () =>
        (await apiGet<{ unread: number }>(token, 'notifications/unread-count')).unread;
      let unread = await count();
      expect(unread).toBeGreaterThan(1);
      await login(page, DIRECTOR.email, DIRECTOR.password);
      // the bell and the API agree (the server's own scheduler may add a notice meanwhile)
      await waitUntil('the bell shows the unread count', async () => {
        unread = await count();
        return (
          (await page.getByRole('link', { name: `Notifications, ${unread} unread` }).count()) > 0
        );
      });
      const bell = page.getByRole('link', { name: `Notifications, ${unread} unread` });
      await bell.click();
      await mainHeading(page).waitFor();
      await expect(mainHeading(page).textContent()).resolves.toBe('Notifications');
      await page.getByRole('listitem').first().waitFor();
      await expectNoAxeViolations(page, 'notifications page');
      await screenshot(page, 'notifications');

      // opening a notice goes to its page and marks it read
      const first = page.getByRole('list', { name: 'Notifications' }).getByRole('listitem').first();
      const link = first.getByRole('heading').getByRole('link');
      const href = await link.getAttribute('href');
      await link.click();
      await page.waitForURL((url) => url.pathname === href);
      await page.getByRole('link', { name: `Notifications, ${unread - 1} unread` }).waitFor();

      // mark one read, then all
      await page.goto('/notifications');
      await page
        .getByRole('button', { name: /^Mark read/ })
        .first()
        .click();
      await page.getByRole('link', { name: `Notifications, ${unread - 2} unread` }).waitFor();
      await page.getByRole('button', { name: 'Mark all read' }).click();
      await page.getByRole('link', { name: 'Notifications, none unread' }).waitFor();
      const after = await apiGet<{ unread: number }>(token, 'notifications/unread-count');
      expect(after.unread).toBe(0);
    });
  });

  it('the admin edits the expiry lead times on the Reminders tab', async () => {
    await asUser(browser(), DIRECTOR, async (page) => {
      await page.goto('/admin/reminders');
      const field = page.getByLabel('Credential expiring: lead times');
      await field.waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page, 'admin reminders page');
      await field.fill('120, 60, 30, 7');
      await page.getByRole('button', { name: 'Save reminder settings' }).click();
      await page.getByRole('status').filter({ hasText: 'Reminder settings saved.' }).waitFor();
      const saved = await apiGet<{ expiring: { leadDays: number[] } }>(token, 'reminders/settings');
      expect(saved.expiring.leadDays).toEqual([120, 60, 30, 7]);
      const department = await apiGet<{ reminderLeadDays: number[] }>(token, 'department');
      expect(department.reminderLeadDays).toEqual([120, 60, 30, 7]);
      await page.reload();
      await expect(page.getByLabel('Credential expiring: lead times').inputValue()).resolves.toBe(
        '120, 60, 30, 7',
      );
      // the notices sent load beside the settings: wait for their rows
      await page.getByRole('table').getByRole('row').nth(1).waitFor();
      await expect(page.getByRole('table').getByRole('row').count()).resolves.toBeGreaterThan(1);
      await screenshot(page, 'admin-reminders');
    });
  });

  it('the admin registers a webhook endpoint, sees its secret once, pauses it and removes it', async () => {
    const url = 'https://hooks.riverside-demo.org/him-readiness';
    await asUser(browser(), DIRECTOR, async (page) => {
      await page.goto('/admin/reminders');
      const form = page.getByRole('form', { name: 'Register a webhook endpoint' });
      await form.waitFor();
      await page.getByText('No endpoint is registered.').waitFor();

      // nothing chosen: refused in words, nothing written
      await form.getByLabel('Endpoint address (HTTPS)').fill(url);
      await form.getByRole('button', { name: 'Register endpoint' }).click();
      await page.getByRole('status').filter({ hasText: 'choose at least one' }).waitFor();
      await expect(apiGet<unknown[]>(token, 'webhooks')).resolves.toEqual([]);

      // an address that is not HTTPS: the API's reason is shown
      await form.getByLabel('Endpoint address (HTTPS)').fill('http://hooks.riverside-demo.org/x');
      await form.getByRole('checkbox', { name: 'Credential lapsed' }).check();
      await form.getByRole('button', { name: 'Register endpoint' }).click();
      await page.getByRole('status').filter({ hasText: 'Not registered:' }).waitFor();
      await expect(apiGet<unknown[]>(token, 'webhooks')).resolves.toEqual([]);

      await form.getByLabel('Endpoint address (HTTPS)').fill(url);
      await form.getByLabel('What it is for (optional)').fill('Staffing office');
      await form.getByRole('checkbox', { name: 'Credential expiring' }).check();
      await form.getByRole('button', { name: 'Register endpoint' }).click();
      const secret = page.getByRole('region', { name: 'Signing secret' });
      await secret.waitFor();
      const shown = (await secret.locator('code').textContent())?.trim() ?? '';
      expect(shown).toMatch(/^whsec_/);
      await expectNoAxeViolations(page, 'admin reminders page with a webhook');
      await screenshot(page, 'admin-webhooks');

      const [saved] = await apiGet<{ url: string; events: string[]; active: boolean }[]>(
        token,
        'webhooks',
      );
      expect(saved).toMatchObject({
        url,
        events: ['credential.expiring', 'credential.lapsed'],
        active: true,
      });
      expect(JSON.stringify(saved)).not.toContain(shown);

      // the secret is not shown again after a reload
      await page.reload();
      await page.getByRole('button', { name: `Pause ${url}` }).waitFor();
      await expect(page.getByRole('region', { name: 'Signing secret' }).count()).resolves.toBe(0);

      await page.getByRole('button', { name: `Pause ${url}` }).click();
      await page.getByRole('status').filter({ hasText: 'paused' }).waitFor();
      const [paused] = await apiGet<{ active: boolean }[]>(token, 'webhooks');
      expect(paused.active).toBe(false);

      await page.getByRole('button', { name: `Remove ${url}` }).click();
      await page.getByText('No endpoint is registered.').waitFor();
      await expect(apiGet<unknown[]>(token, 'webhooks')).resolves.toEqual([]);
    });
  });
});
