import type { Page } from 'playwright-core';
import {
  asUser,
  baseUrl,
  DIRECTOR,
  expectNoAxeViolations,
  fakeJwt,
  mainHeading,
  screenshot,
  useBrowser,
  withPage,
} from './support/helpers';

const SESSION_STORAGE_KEY = 'him.session';

/** Puts a session with `accessToken` into the tab's sessionStorage, as a past sign-in would. */
async function storeSession(page: Page, accessToken: string): Promise<void> {
  await page.goto('/login');
  await page.evaluate(
    ([key, token]) => {
      const user = {
        id: '00000000-0000-4000-8000-000000000001',
        email: 'director@riverside-demo.org',
        role: 'admin',
        staffId: null,
        departmentId: '00000000-0000-4000-8000-000000000002',
      };
      sessionStorage.setItem(key, JSON.stringify({ accessToken: token, user }));
    },
    [SESSION_STORAGE_KEY, accessToken],
  );
}

function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

describe('the session', () => {
  const browser = useBrowser();

  it('Log out returns to the sign-in page and the app stays closed', async () => {
    await asUser(browser(), DIRECTOR, async (page) => {
      await page.waitForURL('**/overview');
      const token = await page.evaluate(
        (key) => JSON.parse(sessionStorage.getItem(key) ?? '{}').accessToken as string,
        SESSION_STORAGE_KEY,
      );
      const signedOut = page.waitForResponse(
        (response) => response.url().endsWith('/api/v1/auth/logout') && response.status() === 200,
      );
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL('**/login');
      await signedOut;
      // the API revoked the token: a copy of it is worthless
      const me = await fetch(`${baseUrl()}/api/v1/auth/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(me.status).toBe(401);
      await expect(mainHeading(page).innerText()).resolves.toBe('Sign in');
      await expect(
        page.evaluate((key) => sessionStorage.getItem(key), SESSION_STORAGE_KEY),
      ).resolves.toBeNull();

      await page.goto('/overview');
      await page.waitForURL('**/login?returnUrl=%2Foverview');
      await screenshot(page, 'after-logout');
    });
  });

  it('an expired token in sessionStorage sends the user to sign in', async () => {
    await withPage(browser(), async (page) => {
      const expired = fakeJwt({ sub: 'someone', exp: Math.floor(Date.now() / 1000) - 3600 });
      await storeSession(page, expired);
      await page.goto('/overview');
      await page.waitForURL((url) => url.pathname === '/login');
      await expect(mainHeading(page).innerText()).resolves.toBe('Sign in');
    });
  });

  it('a token the API rejects sends the user to sign in, and back after signing in', async () => {
    await withPage(browser(), async (page) => {
      const forged = fakeJwt({ sub: 'someone', exp: Math.floor(Date.now() / 1000) + 3600 });
      await storeSession(page, forged);
      await page.goto('/overview');
      await page.waitForURL((url) => url.pathname === '/login');
      expect(new URL(page.url()).searchParams.get('returnUrl')).toBe('/overview');
      await expect(
        page.evaluate((key) => sessionStorage.getItem(key), SESSION_STORAGE_KEY),
      ).resolves.toBeNull();
      await expectNoAxeViolations(page, 'sign-in page after a rejected token');
      await screenshot(page, 'rejected-token-sign-in');

      // Signing in from there comes back to the page that was asked for.
      await page.getByLabel('Email', { exact: true }).fill(DIRECTOR.email);
      await page.getByLabel('Password', { exact: true }).fill(DIRECTOR.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL('**/overview');
      expect(pathOf(page)).toBe('/overview');
      await expect(mainHeading(page).innerText()).resolves.toBe('Department overview');
    });
  });
});
