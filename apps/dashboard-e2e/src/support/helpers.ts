import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { OUTPUT_DIR } from './global-setup';

export const DIRECTOR = { email: 'director@riverside-demo.org', password: 'Director!Demo2026' };
export const MANAGER = { email: 'manager@riverside-demo.org', password: 'Manager!Demo2026' };
export const CODER = { email: 'coder@riverside-demo.org', password: 'Coder!Demo2026' };
export interface Login {
  email: string;
  password: string;
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Where global setup started the server. */
export function baseUrl(): string {
  const url = process.env['HIM_E2E_BASE_URL'];
  if (!url) {
    throw new Error('HIM_E2E_BASE_URL is not set: run through apps/dashboard-e2e/jest.config.cts');
  }
  return url;
}

/**
 * A fresh browser context (its own sessionStorage) and page on the app. It watches the console
 * for Content-Security-Policy violations (Chromium reports each one there): closing the context
 * then fails the test that caused one, so every browser test also proves the production build
 * runs under the server's CSP.
 */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(15_000);
  const violations = watchCspViolations(context);
  const close = context.close.bind(context);
  context.close = async (options) => {
    await close(options);
    if (violations.length > 0) {
      throw new Error(`Content-Security-Policy violations:\n  ${violations.join('\n  ')}`);
    }
  };
  const page = await context.newPage();
  return { context, page };
}

/** The CSP violations the context's pages report, as Chromium words them in the console. */
export function watchCspViolations(context: BrowserContext): string[] {
  const violations: string[] = [];
  context.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy/i.test(text)) violations.push(`${message.page()?.url()}: ${text}`);
  });
  return violations;
}

/** Signs in through the sign-in page and waits until the app has left it. */
export async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * The browser of a describe block's tests: launched before them and closed after them. Call it
 * in the describe block; the returned function gives the browser inside a test.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser)
      throw new Error('the browser has not been launched (useBrowser in a describe block)');
    return browser;
  };
}

/**
 * Runs `body` on a fresh page (openPage), then closes its context whatever happened, so the
 * context's CSP check runs after every test.
 */
export async function withPage(
  browser: Browser,
  body: (page: Page, context: BrowserContext) => Promise<void>,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<void> {
  const { context, page } = await openPage(browser, viewport);
  try {
    await body(page, context);
  } finally {
    await context.close();
  }
}

/** Runs `body` on a fresh page signed in as `who` through the sign-in page (see withPage). */
export async function asUser(
  browser: Browser,
  who: Login,
  body: (page: Page, context: BrowserContext) => Promise<void>,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<void> {
  await withPage(
    browser,
    async (page, context) => {
      await login(page, who.email, who.password);
      await body(page, context);
    },
    viewport,
  );
}

/** The main heading of the page, once it shows. */
export function mainHeading(page: Page) {
  return page.getByRole('heading', { level: 1 });
}

// ---------- the API, called directly ----------

export async function apiLogin({ email, password }: Login): Promise<string> {
  const response = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) {
    throw new Error(`API sign-in as ${email} answered ${response.status}`);
  }
  const body = (await response.json()) as { accessToken: string };
  return body.accessToken;
}

export async function apiGet<T>(token: string, path: string): Promise<T> {
  const response = await fetch(`${baseUrl()}/api/v1/${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) {
    throw new Error(`GET /api/v1/${path} answered ${response.status}`);
  }
  return (await response.json()) as T;
}

export async function apiPost<T>(token: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${baseUrl()}/api/v1/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(`POST /api/v1/${path} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

export interface StaffSummary {
  id: string;
  name: string;
  email: string;
}

/** A few members of the demo department, as the director sees them. */
export async function someStaff(): Promise<StaffSummary[]> {
  const token = await apiLogin(DIRECTOR);
  const page = await apiGet<{ items: StaffSummary[] }>(token, 'staff?limit=5');
  return page.items;
}

/** The staff record of the member with this email, as the director sees it. */
export async function staffByEmail(email: string): Promise<StaffSummary> {
  const token = await apiLogin(DIRECTOR);
  const page = await apiGet<{ items: StaffSummary[] }>(
    token,
    `staff?q=${encodeURIComponent(email)}`,
  );
  const member = page.items.find((item) => item.email === email);
  if (!member) throw new Error(`no staff member with email ${email}`);
  return member;
}

/** Polls `check` until it returns true, or fails after `timeoutMs` saying what it waited for. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

// ---------- pages, by their roles and labels ----------

export interface CeActivityInput {
  title: string;
  provider: string;
  completedOn: string;
  hours: string;
  /** what the "For which credentials" select offers: "CCS (AHIMA)" */
  forCredential?: string;
}

/** Fills and sends My progress's "Log a CE activity" form, then waits for the entry in the CE log. */
export async function logCeActivity(page: Page, activity: CeActivityInput): Promise<Locator> {
  const form = page.getByRole('region', { name: 'Log a CE activity' });
  await form.getByRole('textbox', { name: 'Title' }).fill(activity.title);
  await form.getByRole('textbox', { name: 'Provider' }).fill(activity.provider);
  await form.getByLabel('Completed on').fill(activity.completedOn);
  await form.getByRole('spinbutton', { name: 'Hours' }).fill(activity.hours);
  if (activity.forCredential) {
    await form.getByRole('combobox', { name: 'For which credentials' }).click();
    await page.getByRole('option', { name: activity.forCredential }).click();
    await page.keyboard.press('Escape');
  }
  await form.getByRole('button', { name: 'Log activity' }).click();
  await form
    .getByRole('status')
    .filter({ hasText: `Logged “${activity.title}”: submitted, awaiting review.` })
    .waitFor();
  const entry = ceLogEntry(page, activity.title);
  await entry.waitFor();
  return entry;
}

/** The entry of the CE log ("Your CE activities") with this title. */
export function ceLogEntry(page: Page, title: string): Locator {
  return page
    .getByRole('region', { name: 'Your CE activities' })
    .getByRole('listitem')
    .filter({ has: page.getByText(title, { exact: true }) });
}

export interface CeCardHours {
  earned: number;
  required: number;
  pending: number;
}

/**
 * The hours of a CE group card ("AHIMA: CCS"), read from its progress bar's value text
 * ("16 of 20 hours, 3.5 pending"): what a screen reader announces.
 */
export async function ceCardHours(page: Page, cardTitle: string): Promise<CeCardHours> {
  const bar = page.getByRole('progressbar', { name: `${cardTitle} approved CE hours` });
  const text = (await bar.getAttribute('aria-valuetext')) ?? '';
  const match = /^([\d.]+) of ([\d.]+) hours(?:, ([\d.]+) pending)?$/.exec(text);
  if (!match) throw new Error(`unexpected hours on the ${cardTitle} card: "${text}"`);
  return { earned: Number(match[1]), required: Number(match[2]), pending: Number(match[3] ?? 0) };
}

/** Waits until the card's hours are `expected` (its CE status reloads after a change). */
export async function waitForCeCardHours(
  page: Page,
  cardTitle: string,
  expected: CeCardHours,
): Promise<void> {
  let last: CeCardHours | null = null;
  const same = (a: number, b: number) => Math.abs(a - b) < 0.001;
  try {
    await waitUntil(`the ${cardTitle} card shows the expected hours`, async () => {
      last = await ceCardHours(page, cardTitle).catch(() => null);
      return (
        last !== null &&
        same(last.earned, expected.earned) &&
        same(last.pending, expected.pending) &&
        same(last.required, expected.required)
      );
    });
  } catch {
    throw new Error(
      `the ${cardTitle} card should show ${JSON.stringify(expected)}, but shows ${JSON.stringify(last)}`,
    );
  }
}

/** A small, real-enough PDF: the server decides by the first bytes (`%PDF-`). */
export function certificatePdf(title: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% Certificate of completion: ${title}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

/** YYYY-MM-DD, `days` before today (UTC). */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

// ---------- accessibility ----------

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');

interface AxeGlobal {
  run(context: Document, options: RunOptions): Promise<AxeResults>;
}
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core (WCAG 2.1 A and AA) on the page; fails listing every violation. */
export async function expectNoAxeViolations(page: Page, name: string): Promise<void> {
  // Let transitions (Material's ripples and fades) settle so colours are final.
  await page.waitForTimeout(300);
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) {
    // Evaluated through the DevTools protocol, not as an inline <script> the page's CSP refuses.
    await page.evaluate(readFileSync(AXE_SCRIPT, 'utf8'));
  }
  const violations = await page.evaluate(async (tags): Promise<Violation[]> => {
    const axe = (window as unknown as { axe: AxeGlobal }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) =>
        node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' '),
      ),
    }));
  }, AXE_TAGS);
  if (violations.length > 0) {
    const lines = violations.map(
      (v) =>
        `  - ${v.id} (${v.impact ?? 'no impact given'}): ${v.help}\n      ${v.targets.join('\n      ')}`,
    );
    throw new Error(
      `${name}: ${violations.length} accessibility violation(s):\n${lines.join('\n')}`,
    );
  }
}

/**
 * Once the page's requests have settled: runs axe on it (expectNoAxeViolations, as `name`),
 * then saves its full-page screenshot as `screenshotName`.
 */
export async function settleAndCheck(page: Page, name: string, screenshotName: string) {
  await page.waitForLoadState('networkidle');
  await expectNoAxeViolations(page, name);
  await screenshot(page, screenshotName);
}

// ---------- screenshots ----------

const MAX_SCREENSHOT_HEIGHT = 4000;

/**
 * Saves a full-page PNG as test-output/e2e/<name>.png (from the workspace root). The app
 * shell scrolls inside its content pane, not the document, so the window is made tall
 * enough for that pane's content while the picture is taken.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, `${name}.png`);
  const viewport = page.viewportSize();
  // From the top, whatever the test scrolled to last.
  const overflow = await page.evaluate(() => {
    const pane = document.querySelector('mat-sidenav-content');
    pane?.scrollTo(0, 0);
    return pane ? pane.scrollHeight - pane.clientHeight : 0;
  });
  if (viewport && overflow > 0) {
    const height = Math.min(viewport.height + overflow, MAX_SCREENSHOT_HEIGHT);
    await page.setViewportSize({ width: viewport.width, height });
    await page.waitForTimeout(200);
    await page.screenshot({ path, fullPage: true });
    await page.setViewportSize(viewport);
  } else {
    await page.screenshot({ path, fullPage: true });
  }
  return path;
}

/**
 * Saves a PNG of one element (a record, a section) as test-output/e2e/<name>.png. The shell's
 * content pane clips what is outside the window, so the window grows to hold the element.
 */
export async function screenshotOf(element: Locator, name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, `${name}.png`);
  const page = element.page();
  const viewport = page.viewportSize();
  const height = await element.evaluate((node) => node.getBoundingClientRect().height);
  const grow = viewport !== null && height + 160 > viewport.height;
  if (grow) {
    await page.setViewportSize({
      width: viewport.width,
      height: Math.min(Math.ceil(height) + 160, MAX_SCREENSHOT_HEIGHT),
    });
    await page.waitForTimeout(200);
  }
  await element.scrollIntoViewIfNeeded();
  await element.screenshot({ path });
  if (grow) {
    await page.setViewportSize(viewport);
  }
  return path;
}

/** How far the page is wider than the window: the document, and the shell's content pane. */
export async function horizontalOverflow(page: Page): Promise<{ document: number; pane: number }> {
  return page.evaluate(() => {
    const pane = document.querySelector('mat-sidenav-content');
    return {
      document: document.documentElement.scrollWidth - window.innerWidth,
      pane: pane ? pane.scrollWidth - pane.clientWidth : 0,
    };
  });
}

/** A JWT-shaped token (unsigned) whose payload is `payload`. */
export function fakeJwt(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}.${encode('not-a-signature')}`;
}
