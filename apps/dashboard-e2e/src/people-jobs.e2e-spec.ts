import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import {
  apiGet,
  apiLogin,
  apiPost,
  asUser,
  baseUrl,
  CODER,
  DIRECTOR,
  expectNoAxeViolations,
  login,
  mainHeading,
  openPage,
  screenshot,
  settleAndCheck,
  staffByEmail,
  useBrowser,
  withPage,
} from './support/helpers';

/** The cells of each body row of a table, as their visible text. */
async function bodyRows(page: Page, table: string | Locator): Promise<string[][]> {
  const rows =
    typeof table === 'string' ? page.locator(`${table} tbody tr`) : table.locator('tbody tr');
  return rows.evaluateAll((found) =>
    found.map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) =>
        (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ),
    ),
  );
}

describe("each person's job on the dashboard (issue 12)", () => {
  const browser = useBrowser();

  it('the director finds what needs acting on first, each with its person and one action; teams worst first', async () => {
    await asUser(browser(), DIRECTOR, async (page) => {
      await page.goto('/overview');
      await page.getByRole('heading', { level: 2, name: 'Act now' }).waitFor();
      const lapsing = page.getByTestId('act-now-lapsing');
      await lapsing.getByRole('listitem').first().waitFor();

      // The band comes before every other part of the overview.
      const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
      expect(headings[0]).toBe('Act now');
      expect(headings.indexOf('Act now')).toBeLessThan(headings.indexOf('Teams'));
      const bandTop = await page
        .getByRole('heading', { level: 2, name: 'Act now' })
        .evaluate((node) => node.getBoundingClientRect().top);
      expect(bandTop).toBeLessThan(400);

      // Each group names the person and says what is wrong, in words.
      await expect(lapsing.getByRole('listitem').first().innerText()).resolves.toMatch(
        /expires (today|in \d+ days?)/,
      );
      const unverified = page.getByTestId('act-now-unverified');
      await expect(unverified.getByRole('listitem').first().innerText()).resolves.toContain(
        'not verified',
      );
      const ceAtRisk = page.getByTestId('act-now-ce-at-risk');
      await expect(ceAtRisk.getByRole('listitem').first().innerText()).resolves.toMatch(
        /hours still missing, cycle ends/,
      );
      const reviews = page.getByTestId('act-now-reviews');
      await reviews.getByRole('listitem').first().waitFor();
      await expect(reviews.getByRole('listitem').first().innerText()).resolves.toMatch(
        /has waited \d+ days for review/,
      );
      await settleAndCheck(page, 'overview with the Act now band', 'overview-act-now');

      // The teams table: worst first, a team below target says so in words.
      const rows = await bodyRows(page, 'him-team-readiness-table table');
      expect(rows.length).toBeGreaterThan(1);
      const below = rows.map((row) => row[1].startsWith('Below target'));
      expect(below.some(Boolean)).toBe(true);
      // every team below target comes before every team that is not
      expect(below.indexOf(false) === -1 || below.lastIndexOf(true) < below.indexOf(false)).toBe(
        true,
      );
      const readyOf = (row: string[]) => Number(/^(\d+)%/.exec(row[3])?.[1] ?? 1000);
      const belowReady = rows.filter((_, i) => below[i]).map(readyOf);
      expect(belowReady).toEqual([...belowReady].sort((a, b) => a - b));

      // One click: the profile of the person whose credential lapses ...
      const firstLapsing = lapsing.getByRole('link').first();
      const personLine = await lapsing.getByRole('listitem').first().innerText();
      await firstLapsing.click();
      await page.waitForURL(/\/staff\/[0-9a-f-]{36}$/);
      await expect(mainHeading(page).innerText()).resolves.toBe(
        personLine.split('\n')[0].split(',')[0].trim(),
      );
      // ... and the review queue.
      await page.goBack();
      await reviews
        .getByRole('link', { name: /^Review / })
        .first()
        .click();
      await page.waitForURL(/\/review$/);
      await expect(mainHeading(page).innerText()).resolves.toMatch(/review/i);
    });
  });

  it('the survey date answers who and which teams stop being ready, survives a reload and carries to Reports', async () => {
    await withPage(browser(), async (page, context) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await login(page, DIRECTOR.email, DIRECTOR.password);
      await page.goto('/overview');
      await page.getByRole('heading', { level: 2, name: /^Department figures as of/ }).waitFor();
      const asOf = await page.getByLabel('As of', { exact: true }).inputValue();
      const surveyDate = addDaysIso(asOf, 400);

      // A full date pasted with the cursor in the year part sets the whole date.
      const field = page.getByTestId('survey-date');
      const box = await field.boundingBox();
      if (!box) throw new Error('the survey date field is not on screen');
      await page.mouse.click(box.x + box.width * 0.45, box.y + box.height / 2);
      await page.evaluate((text) => navigator.clipboard.writeText(text), surveyDate);
      await page.keyboard.press('Control+V');
      await page
        .getByRole('heading', { level: 2, name: `By the survey on ${surveyDate}` })
        .waitFor();
      await expect(field.inputValue()).resolves.toBe(surveyDate);
      await page.waitForURL((url) => url.searchParams.get('surveyDate') === surveyDate);

      // Who stops being ready by then, with their team; teams falling short.
      const people = page.getByRole('table', { name: /^Who stops being ready by/ });
      await people.waitFor();
      const peopleHeaders = await people.locator('thead th').allInnerTexts();
      expect(peopleHeaders.map((h) => h.trim())).toEqual(['Member', 'Team', 'Missing then']);
      const peopleRows = await bodyRows(page, people);
      expect(peopleRows.length).toBeGreaterThan(0);
      expect(peopleRows.every((row) => row[1].length > 0 && row[2].length > 0)).toBe(true);
      await page
        .getByRole('heading', { level: 3, name: /^Teams that fall short of a coverage target by/ })
        .waitFor();
      await settleAndCheck(page, 'overview with a survey date', 'overview-survey-date');

      // A reload keeps the survey date.
      await page.reload();
      await page
        .getByRole('heading', { level: 2, name: `By the survey on ${surveyDate}` })
        .waitFor();
      await expect(page.getByTestId('survey-date').inputValue()).resolves.toBe(surveyDate);

      // Reports opens as of the survey date.
      await page.getByRole('link', { name: 'Report as of the survey date' }).click();
      await page.waitForURL((url) => url.pathname === '/reports');
      await page.getByText('Report as of the survey date: who will have lapsed by then.').waitFor();
      await expect(page.getByTestId('as-of').inputValue()).resolves.toBe(surveyDate);
      await expectNoAxeViolations(page, 'reports as of the survey date');

      // Typing a full date into the survey field works too.
      await page.goBack();
      await page
        .getByRole('heading', { level: 2, name: `By the survey on ${surveyDate}` })
        .waitFor();
      const typed = addDaysIso(asOf, 200);
      const survey = page.getByTestId('survey-date');
      await survey.waitFor();
      // Focus lands on the field's first part (the month); the whole date is typed from there.
      await survey.focus();
      const [year, month, day] = typed.split('-');
      await page.keyboard.type(`${month}${day}${year}`);
      const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
      expect({ value: await survey.inputValue(), focused }).toEqual({
        value: typed,
        focused: expect.stringContaining('survey-date'),
      });
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 2, name: `By the survey on ${typed}` }).waitFor();
      await page.waitForURL((url) => url.searchParams.get('surveyDate') === typed);
    });
  });

  it('a record created by mistake: one chip for its either/or requirement, "not ready" in the staff list, and the admin deletes it', async () => {
    const token = await apiLogin(DIRECTOR);
    const teams = await apiGet<{ items: { id: string; name: string }[] }>(token, 'teams');
    const roles = await apiGet<{ items: { id: string; name: string }[] }>(token, 'roles');
    const coding = teams.items.find((team) => team.name === 'Coding');
    const coderRole = roles.items.find((role) => role.name === 'Medical Coder (Inpatient)');
    if (!coding || !coderRole)
      throw new Error('the demo has no Coding team or inpatient coder role');
    const mistake = await apiPost<{ id: string; name: string }>(token, 'staff', {
      name: 'Morgan Mistake',
      email: 'morgan.mistake@riverside-demo.org',
      teamId: coding.id,
      roleId: coderRole.id,
      status: 'active',
      hireDate: '2026-01-05',
    });

    await asUser(browser(), DIRECTOR, async (page) => {
      // Point 4: "CCS or CPC" missing is one chip, not a red chip under CCS and another under CPC.
      await page.goto(`/team-matrix?team=${coding.id}`);
      const credentials = page.getByRole('table', { name: /^Credentials of Coding members/ });
      const row = credentials
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'Morgan Mistake' }) });
      await row.waitFor();
      const chips = await row.locator('him-status-chip').allInnerTexts();
      expect(chips.map((chip) => chip.trim())).toEqual(['CCS or CPC — missing']);
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page, 'team matrix with an either/or requirement missing');

      // Point 7: the staff list says who is ready and filters to those who are not.
      await page.goto('/staff');
      const table = page.getByRole('table', { name: 'Staff members' });
      const morgan = table
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'Morgan Mistake' }) });
      await morgan.getByText(/^Not ready: 0 of \d+ met$/).waitFor();
      await page.getByRole('combobox', { name: 'Readiness' }).click();
      await page.getByRole('option', { name: 'Not ready', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /members? shown/ })
        .waitFor();
      await morgan.waitFor();
      // Once the filter applies, every row left is a member not ready.
      await page.waitForFunction(() => {
        const rows = Array.from(document.querySelectorAll('table tbody tr'));
        return (
          rows.length > 0 &&
          rows.every((row) => /Not ready: \d+ of \d+ met/.test(row.textContent ?? ''))
        );
      });
      await expectNoAxeViolations(page, 'staff list filtered to not ready');

      // Someone with records cannot be deleted: the answer says to terminate instead.
      const coder = await staffByEmail(CODER.email);
      await page.getByRole('combobox', { name: 'Readiness' }).click();
      await page.getByRole('option', { name: 'Ready or not', exact: true }).click();
      await table.getByRole('button', { name: `Delete ${coder.name}` }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete staff record' }).click();
      await expect(
        page.getByRole('alert').filter({ hasText: 'terminated' }).innerText(),
      ).resolves.toContain('credential');

      // The record created by mistake goes; the audit trail keeps it.
      await table.getByRole('button', { name: 'Delete Morgan Mistake' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete staff record' }).click();
      await page.getByText('Morgan Mistake deleted.').waitFor();
      await morgan.waitFor({ state: 'detached' });
      const audit = await apiGet<{ items: { action: string; entityId: string }[] }>(
        token,
        `audit?entity=staff&entityId=${mistake.id}`,
      );
      expect(audit.items.map((event) => event.action).sort()).toEqual(['create', 'delete']);
      await screenshot(page, 'staff-list-after-delete');
    });
  });

  it('My progress says at the top, before CE, whether I am ready: requirements met and missing', async () => {
    const coder = await staffByEmail(CODER.email);
    const token = await apiLogin(CODER);
    const own = await apiGet<{ readiness: { met: number; total: number; ready: boolean } }>(
      token,
      `staff/${coder.id}/readiness`,
    );
    await asUser(browser(), CODER, async (page) => {
      await page.goto('/my-progress');
      const summary = page.getByTestId('my-readiness-summary');
      await summary.waitFor();
      const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
      expect(headings[0]).toBe('Am I ready?');
      expect(headings.indexOf('Am I ready?')).toBeLessThan(
        headings.indexOf('Continuing education'),
      );
      const { met, total, ready } = own.readiness;
      await expect(summary.innerText()).resolves.toContain(
        `${met} of ${total} requirements met: ${ready ? 'ready' : 'not ready'}.`,
      );
      const rows = await page
        .getByRole('list', { name: "Your role's requirements" })
        .getByRole('listitem')
        .allInnerTexts();
      expect(rows).toHaveLength(total);
      expect(rows.filter((row) => row.startsWith('Met'))).toHaveLength(met);
      await settleAndCheck(page, 'my progress with readiness', 'my-progress-readiness');

      // Point 13 (in part): a completion date longer ago than a CE cycle warns.
      const completedOn = page.getByLabel('Completed on');
      const today = await completedOn.inputValue();
      await completedOn.fill(addDaysIso(today, -800));
      await page
        .getByTestId('completed-on-warning')
        .getByText(/^More than 24 months ago, longer than a CE cycle/)
        .waitFor();
      await completedOn.fill(addDaysIso(today, -30));
      await page.getByTestId('completed-on-warning').waitFor({ state: 'detached' });
    });
  });

  it('no internal words reach a person: no rule numbers, category codes or notes about the sources', async () => {
    const INTERNAL = /\bR\d{1,2}\b|hiim-domain|ahima-provided|ctr-category-a|The article/;
    const coder = await staffByEmail(CODER.email);
    const token = await apiLogin(DIRECTOR);
    const roles = await apiGet<{ items: { name: string; description: string | null }[] }>(
      token,
      'roles',
    );
    for (const role of roles.items) {
      expect(`${role.name}: ${role.description ?? ''}`).not.toMatch(INTERNAL);
    }
    const pages: [string, typeof DIRECTOR][] = [
      ['/overview', DIRECTOR],
      ['/team-matrix', DIRECTOR],
      ['/coverage', DIRECTOR],
      ['/review', DIRECTOR],
      ['/staff', DIRECTOR],
      [`/staff/${coder.id}`, DIRECTOR],
      ['/reports', DIRECTOR],
      ['/import', DIRECTOR],
      ['/admin/department', DIRECTOR],
      ['/admin/skills', DIRECTOR],
      ['/admin/credential-types', DIRECTOR],
      ['/admin/ce-rules', DIRECTOR],
      ['/admin/roles', DIRECTOR],
      ['/admin/teams', DIRECTOR],
      ['/my-progress', CODER],
    ];
    for (const who of [DIRECTOR, CODER]) {
      await asUser(browser(), who, async (page) => {
        for (const [path] of pages.filter(([, by]) => by === who)) {
          await page.goto(path);
          await mainHeading(page).waitFor();
          await page.waitForLoadState('networkidle');
          const text = await page.locator('body').innerText();
          expect({ path, internal: INTERNAL.exec(text)?.[0] ?? null }).toEqual({
            path,
            internal: null,
          });
        }
      });
    }
    // The README's rules page is inside the repository.
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    expect(readme).toContain('[docs/rules.md](docs/rules.md)');
    expect(readme).not.toContain('../shared/');
    expect(existsSync(join(__dirname, '../../../docs/rules.md'))).toBe(true);
  });

  it('the review queue shows the certificate beside the row, the submitted time, urgent rows; a rejection needs a reason the holder sees', async () => {
    const director = await apiLogin(DIRECTOR);
    const coderToken = await apiLogin(CODER);
    const coder = await staffByEmail(CODER.email);
    // The coder logs an activity with its certificate (a real PNG).
    const activity = await apiPost<{ id: string; title: string }>(
      coderToken,
      `staff/${coder.id}/ce-activities`,
      { title: 'Query writing workshop', provider: 'ACDIS', completedOn: '2026-01-10', hours: 2 },
    );
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const form = new FormData();
    form.append('file', new Blob([png], { type: 'image/png' }), 'certificate.png');
    const uploaded = await fetch(`${baseUrl()}/api/v1/ce-activities/${activity.id}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${coderToken}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    // A member whose credential lapses within 30 days logs one too: their row is urgent.
    const lapsing = await apiGet<
      { staffId: string; staffName: string; credentialTypeCode: string }[]
    >(director, 'expirations?withinDays=30');
    expect(lapsing.length).toBeGreaterThan(0);
    const urgentTitle = 'Release of information refresher';
    await apiPost(director, `staff/${lapsing[0].staffId}/ce-activities`, {
      title: urgentTitle,
      provider: 'AHIMA',
      completedOn: '2026-01-12',
      hours: 1,
    });

    let reason = '';
    await asUser(browser(), DIRECTOR, async (page) => {
      await page.goto('/review');
      const queue = page.getByRole('region', { name: 'Activities awaiting review' });
      const row = queue.getByRole('row').filter({ hasText: 'Query writing workshop' });
      await row.waitFor();
      await expect(row.innerText()).resolves.toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}, today/);
      const headers = await queue.locator('thead th').allInnerTexts();
      expect(headers.map((h) => h.trim())).toEqual(
        expect.arrayContaining(['Submitted', 'Certificate']),
      );
      const urgent = queue.getByRole('row').filter({ hasText: urgentTitle });
      await urgent.getByText(/^Urgent: .*lapses (today|in \d+ days?)/).waitFor();

      // The certificate opens beside the queue.
      await row
        .getByRole('button', { name: /^View certificate of Query writing workshop/ })
        .click();
      const preview = page.getByRole('complementary', {
        name: /^Certificate: Query writing workshop/,
      });
      const image = preview.getByRole('img', { name: 'Certificate certificate.png' });
      await image.waitFor();
      await expect(image.evaluate((img: HTMLImageElement) => img.naturalWidth)).resolves.toBe(1);
      await settleAndCheck(
        page,
        'review queue with a certificate open',
        'review-certificate-preview',
      );

      // Rejecting needs a reason.
      await row.getByRole('button', { name: /^Reject Query writing workshop/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Reject', exact: true }).click();
      await dialog.getByText('Say why the activity is rejected.').waitFor();
      reason = 'The certificate shows 1 hour, not 2.';
      await dialog.getByLabel('Reason').fill(reason);
      await dialog.getByRole('button', { name: 'Reject', exact: true }).click();
      await row.waitFor({ state: 'detached' });
      await page.getByRole('status').filter({ hasText: '1 activity rejected.' }).waitFor();
    });

    const reviewed = await apiGet<{ status: string; reviewNote: string | null }>(
      coderToken,
      `ce-activities/${activity.id}`,
    );
    expect(reviewed).toMatchObject({ status: 'rejected', reviewNote: reason });
    // The holder sees the reason on My progress.
    const coderPage = await openPage(browser());
    try {
      await login(coderPage.page, CODER.email, CODER.password);
      await coderPage.page.goto('/my-progress');
      const rejected = coderPage.page
        .locator('li.record')
        .filter({ hasText: 'Query writing workshop' });
      try {
        await rejected.getByText("Reviewer's note: The certificate shows 1 hour, not 2.").waitFor({
          timeout: 30_000,
        });
      } catch (failure) {
        await screenshot(coderPage.page, 'my-progress-rejection-missing');
        throw failure;
      }
    } finally {
      await coderPage.context.close();
    }
  });
});

/** The calendar date `days` after an ISO date. */
function addDaysIso(date: string, days: number): string {
  const instant = new Date(`${date}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}
