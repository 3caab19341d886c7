import { baseUrl, openPage, useBrowser } from './support/helpers';

// Every browser test fails on a CSP violation (openPage); the check must catch a real one.
describe('the Content-Security-Policy', () => {
  const browser = useBrowser();

  it('is sent with the dashboard: no inline scripts, no framing', async () => {
    const response = await fetch(`${baseUrl()}/overview`, { headers: { accept: 'text/html' } });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await response.text();
    // the production build inlines no script and no event handler (critical-CSS inlining is off)
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/);
  });

  it('fails the test that causes a violation', async () => {
    const { context, page } = await openPage(browser());
    await page.goto('/login');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const blocked = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(blocked).toBe(false);
    await page.waitForTimeout(200);
    await expect(context.close()).rejects.toThrow(/Content-Security-Policy violations/);
  });
});
