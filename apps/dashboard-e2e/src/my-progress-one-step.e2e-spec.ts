import type { Locator, Page } from 'playwright-core';
import {
  apiGet,
  apiLogin,
  baseUrl,
  ceLogEntry,
  certificatePdf,
  CODER,
  daysAgo,
  DIRECTOR,
  expectNoAxeViolations,
  login,
  MANAGER,
  openPage,
  PHONE,
  screenshot,
  staffByEmail,
  useBrowser,
  watchCspViolations,
  withPage,
} from './support/helpers';

/**
 * Issue 12, points 13 and 14, walked by the coder on My progress: logging CE is one step (the
 * certificate goes with the activity, the form resets clean, a submitted activity can be edited
 * or withdrawn until it is reviewed, an old date warns, the size limit is said first); and a
 * newly earned credential is added unverified for the manager to verify, or, where the
 * department's managers add credentials, the page says whom to ask.
 */
const RUN = Date.now();
const CE_TITLE = `One-step webinar: outpatient CDI ${RUN}`;
/** Unique per run: a number is unique per credential type in the department. */
const CDIP_NUMBER = `E2E-${RUN}`;

interface Activity {
  id: string;
  title: string;
  status: string;
  hours: number;
  hasEvidence: boolean;
  version: number;
}

interface Credential {
  id: string;
  number: string | null;
  verification: unknown;
  revokedOn: string | null;
}

async function api(
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: { message?: string[] } & Record<string, unknown> }> {
  const response = await fetch(`${baseUrl()}/api/v1/${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

async function coderActivities(): Promise<Activity[]> {
  const coder = await staffByEmail(CODER.email);
  const token = await apiLogin(CODER);
  return (await apiGet<{ items: Activity[] }>(token, `staff/${coder.id}/ce-activities?limit=500`))
    .items;
}

async function openMyProgress(page: Page): Promise<Locator> {
  await login(page, CODER.email, CODER.password);
  await page.waitForURL('**/my-progress');
  const form = page.getByRole('region', { name: 'Log a CE activity' });
  await form.getByRole('textbox', { name: 'Title' }).waitFor();
  return form;
}

/** The department's setting, by the API as the admin (the test puts it back). */
async function setStaffMayAddCredentials(value: boolean): Promise<void> {
  const token = await apiLogin(DIRECTOR);
  const { version } = await apiGet<{ version: number }>(token, 'department');
  const res = await api(token, 'PATCH', 'department', { version, staffMayAddCredentials: value });
  if (res.status !== 200) throw new Error(`PATCH department answered ${res.status}`);
}

describe('My progress: logging CE in one step, adding a credential one earned', () => {
  const browser = useBrowser();

  it('logs an activity with its certificate dropped into the form, then edits and withdraws it', async () => {
    await withPage(browser(), async (page) => {
      const form = await openMyProgress(page);

      // The limit is the API's own, said before any file is chosen.
      const { evidenceMaxBytes } = await apiGet<{ evidenceMaxBytes: number }>(
        await apiLogin(CODER),
        'department',
      );
      const megabytes = evidenceMaxBytes / (1024 * 1024);
      await expect(form.getByTestId('certificate-hint').innerText()).resolves.toBe(
        `A PDF, or a photo or scan (PNG or JPEG), at most ${megabytes} MB. It is sent with the activity.`,
      );
      await expect(form.getByTestId('certificate-file').getAttribute('accept')).resolves.toContain(
        'application/pdf',
      );
      await form.getByText('Drag the certificate here, or').waitFor();

      // A completion longer ago than a CE cycle warns (it may not count), without refusing.
      await form.getByLabel('Completed on').fill(daysAgo(5 * 365));
      await expect(form.getByTestId('completed-on-warning').innerText()).resolves.toMatch(
        /longer than a CE cycle: it may not count towards your current cycle/,
      );
      await form.getByLabel('Completed on').fill(daysAgo(3));
      await form.getByTestId('completed-on-warning').waitFor({ state: 'detached' });

      await form.getByRole('textbox', { name: 'Title' }).fill(CE_TITLE);
      await form.getByRole('textbox', { name: 'Provider' }).fill('ACDIS');
      await form.getByRole('spinbutton', { name: 'Hours' }).fill('1.5');

      // Drag and drop, as from the desktop: a real DataTransfer with a PDF.
      const dropZone = form.getByTestId('certificate-drop-zone');
      const dataTransfer = await page.evaluateHandle(
        ({ bytes, name }) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }));
          return transfer;
        },
        { bytes: [...certificatePdf(CE_TITLE)], name: 'cdi-certificate.pdf' },
      );
      await dropZone.dispatchEvent('dragenter', { dataTransfer });
      await dropZone.dispatchEvent('drop', { dataTransfer });
      await expect(form.getByTestId('certificate-chosen').innerText()).resolves.toMatch(
        /^cdi-certificate\.pdf \(\d+ bytes\)$/,
      );
      await expectNoAxeViolations(page, 'My progress, log form with a certificate chosen');
      await screenshot(page, 'my-progress-log-with-certificate');

      // One submit: the activity, then its certificate through the evidence endpoint.
      await form.getByRole('button', { name: 'Log activity' }).click();
      await form
        .getByRole('status')
        .filter({
          hasText: `Logged “${CE_TITLE}” with its certificate: submitted, awaiting review.`,
        })
        .waitFor();
      const entry = ceLogEntry(page, CE_TITLE);
      await entry.waitFor();
      await expect(entry.innerText()).resolves.toContain('Certificate attached');
      const logged = (await coderActivities()).find((a) => a.title === CE_TITLE);
      expect(logged).toMatchObject({ status: 'submitted', hasEvidence: true, hours: 1.5 });

      // The form is ready for the next one, with no "required" errors after the reset.
      await expect(form.getByRole('textbox', { name: 'Title' }).inputValue()).resolves.toBe('');
      await expect(form.locator('mat-error').count()).resolves.toBe(0);
      await expect(form.locator('form.ng-submitted').count()).resolves.toBe(0);
      await expect(form.getByTestId('certificate-chosen').count()).resolves.toBe(0);

      // Reviewed activities offer neither Edit nor Withdraw; the one just logged offers both.
      const approved = page
        .getByRole('region', { name: 'Your CE activities' })
        .getByRole('listitem')
        .filter({ hasText: 'Approved' })
        .first();
      await approved.waitFor();
      await expect(
        approved.getByRole('button', { name: /^(Edit|Withdraw) / }).count(),
      ).resolves.toBe(0);
      await entry.getByRole('button', { name: `Edit ${CE_TITLE}` }).click();
      await expect(form.getByTestId('editing-note').innerText()).resolves.toContain(CE_TITLE);
      await expect(form.getByRole('textbox', { name: 'Title' }).inputValue()).resolves.toBe(
        CE_TITLE,
      );
      await form.getByRole('spinbutton', { name: 'Hours' }).fill('2');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await form
        .getByRole('status')
        .filter({ hasText: `Saved “${CE_TITLE}”: submitted, awaiting review.` })
        .waitFor();
      await expect(entry.innerText()).resolves.toContain('2 hours');
      await expect(form.locator('mat-error').count()).resolves.toBe(0);
      await form.getByRole('button', { name: 'Log activity' }).waitFor();
      expect((await coderActivities()).find((a) => a.title === CE_TITLE)).toMatchObject({
        hours: 2,
        version: 2,
        hasEvidence: true,
      });
      await expectNoAxeViolations(page, 'My progress after editing an activity');

      await entry.getByRole('button', { name: `Withdraw ${CE_TITLE}` }).click();
      await entry.getByRole('button', { name: 'Withdraw activity' }).click();
      await entry.waitFor({ state: 'detached' });
      expect((await coderActivities()).find((a) => a.title === CE_TITLE)).toBeUndefined();
      await expectNoAxeViolations(page, 'My progress after withdrawing an activity');
    });
  });

  it('the API refuses to change or withdraw a reviewed activity, saying why', async () => {
    const reviewed = (await coderActivities()).find((a) => a.status === 'approved');
    if (!reviewed) throw new Error('the demo coder has no approved CE activity');
    const token = await apiLogin(CODER);
    const edit = await api(token, 'PATCH', `ce-activities/${reviewed.id}`, {
      hours: 50,
      version: reviewed.version,
    });
    expect(edit.status).toBe(409);
    expect(edit.body.message?.[0]).toBe(
      "status: the activity is approved; only a reviewer of the member's team may change it now",
    );
    const withdraw = await api(token, 'DELETE', `ce-activities/${reviewed.id}`);
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.message?.[0]).toMatch(/the activity is approved/);
  });

  it('on a phone, the certificate can be a photo taken there and then', async () => {
    // A touch screen (a coarse pointer), as a phone's browser reports it.
    const context = await browser().newContext({
      baseURL: baseUrl(),
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    context.setDefaultTimeout(15_000);
    const violations = watchCspViolations(context);
    try {
      const page = await context.newPage();
      const form = await openMyProgress(page);
      const photo = form.getByTestId('certificate-photo');
      await expect(photo.getAttribute('capture')).resolves.toBe('environment');
      await expect(photo.getAttribute('accept')).resolves.toBe('image/jpeg,image/png');
      await expect(form.getByRole('button', { name: 'Take a photo' }).isVisible()).resolves.toBe(
        true,
      );
      await expect(form.getByRole('button', { name: 'Choose a file' }).isVisible()).resolves.toBe(
        true,
      );
      // Nothing to drag on a phone: the drop zone does not ask for it.
      await expect(form.getByText('Drag the certificate here, or').isVisible()).resolves.toBe(
        false,
      );
      await expect(form.getByTestId('certificate-hint').innerText()).resolves.toMatch(
        /at most \d+ MB/,
      );
      await photo.setInputFiles({
        name: 'certificate-photo.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]),
      });
      await expect(form.getByTestId('certificate-chosen').innerText()).resolves.toMatch(
        /^certificate-photo\.jpg/,
      );
      const overflow = await page.evaluate(() => {
        const pane = document.querySelector('mat-sidenav-content');
        return pane ? pane.scrollWidth - pane.clientWidth : 0;
      });
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, 'My progress log form on a phone, a photo chosen');
      await screenshot(page, 'my-progress-log-phone-photo');
      await form.getByRole('button', { name: /^Remove the certificate/ }).click();
      await form.getByRole('button', { name: 'Take a photo' }).waitFor();
    } finally {
      await context.close();
    }
    expect(violations).toEqual([]);
  });

  it('adds a credential the coder newly earned, unverified, which the manager sees to verify; or says whom to ask', async () => {
    const coder = await staffByEmail(CODER.email);
    let added: Credential | undefined;
    try {
      await withPage(browser(), async (page) => {
        await openMyProgress(page);
        const credentials = page.getByRole('region', { name: 'Your credentials' });
        await credentials.getByRole('button', { name: 'Add a credential you earned' }).click();
        const form = credentials.getByRole('form', { name: 'Add a credential you earned' });
        await form.getByRole('combobox', { name: 'Credential type' }).click();
        await page.getByRole('option', { name: /^CDIP — / }).click();
        await form.getByRole('textbox', { name: 'Number (optional)' }).fill(CDIP_NUMBER);
        await form.getByLabel('Issued on').fill(daysAgo(10));
        await form.getByLabel('Expires on (optional)').fill(daysAgo(-700));
        await expectNoAxeViolations(page, 'My progress, adding a credential');
        await form.getByRole('button', { name: 'Add credential' }).click();
        await credentials
          .getByRole('status')
          .filter({ hasText: 'Added CDIP: it shows as unverified until your manager verifies it.' })
          .waitFor();
        const item = credentials.getByRole('listitem').filter({ hasText: CDIP_NUMBER });
        await expect(item.innerText()).resolves.toContain('Unverified');
        await screenshot(page, 'my-progress-credential-added');
      });

      const managerToken = await apiLogin(MANAGER);
      added = (
        await apiGet<{ items: Credential[] }>(managerToken, `staff/${coder.id}/credentials`)
      ).items.find((c) => c.number === CDIP_NUMBER);
      expect(added).toMatchObject({ verification: null, revokedOn: null });

      // The manager sees it flagged unverified, on the coder's profile and in Act now.
      const manager = await openPage(browser());
      try {
        await login(manager.page, MANAGER.email, MANAGER.password);
        await manager.page.goto(`/staff/${coder.id}`);
        const listed = manager.page.getByRole('listitem').filter({ hasText: CDIP_NUMBER });
        await expect(listed.innerText()).resolves.toContain('Unverified');
        await manager.page.goto('/overview');
        const unverified = manager.page.getByTestId('act-now-unverified');
        await unverified.getByRole('listitem').first().waitFor();
        const showAll = unverified.getByRole('button', { name: /^Show all/ });
        if ((await showAll.count()) > 0) await showAll.click();
        await expect(
          unverified
            .getByRole('listitem')
            .filter({ hasText: `CDIP ${CDIP_NUMBER}` })
            .innerText(),
        ).resolves.toContain('Miguel Álvarez');
      } finally {
        await manager.context.close();
      }

      // The admin switches the setting off in the department settings.
      const director = await openPage(browser());
      try {
        await login(director.page, DIRECTOR.email, DIRECTOR.password);
        await director.page.goto('/admin/department');
        const toggle = director.page.getByRole('switch', {
          name: 'Staff may add credentials they earn',
        });
        await expect(toggle.getAttribute('aria-checked')).resolves.toBe('true');
        await toggle.click();
        await director.page.getByRole('button', { name: 'Save settings' }).click();
        await director.page.getByText('Department settings saved.').waitFor();
        await expectNoAxeViolations(director.page, 'department settings');
      } finally {
        await director.context.close();
      }

      // Now the page says whom to ask, and the API refuses.
      const again = await openPage(browser());
      try {
        await openMyProgress(again.page);
        const credentials = again.page.getByRole('region', { name: 'Your credentials' });
        // "your manager" until the team's managers are known, then their names
        await credentials.getByTestId('ask-whom').filter({ hasText: 'Denise Carter' }).waitFor();
        await expect(credentials.getByTestId('ask-whom').innerText()).resolves.toBe(
          "In your department, managers add credentials. When you earn a new one, ask Denise Carter (your team's manager) to add it, with a copy of the certificate.",
        );
        await expect(
          credentials.getByRole('button', { name: 'Add a credential you earned' }).count(),
        ).resolves.toBe(0);
        await expectNoAxeViolations(again.page, 'My progress where managers add credentials');
        await screenshot(again.page, 'my-progress-ask-whom');
      } finally {
        await again.context.close();
      }
      const types = await apiGet<{ items: { id: string; code: string }[] }>(
        await apiLogin(CODER),
        'credential-types?limit=100',
      );
      const refused = await api(
        await apiLogin(CODER),
        'POST',
        `staff/${coder.id}/credentials/self-reported`,
        {
          credentialTypeId: types.items.find((t) => t.code === 'CDIP')?.id,
          issuedOn: daysAgo(1),
        },
      );
      expect(refused.status).toBe(403);
      expect(refused.body.message?.[0]).toContain("ask Denise Carter (your team's manager)");
    } finally {
      // Leave the demo as it was for the other browser tests.
      await setStaffMayAddCredentials(true);
      if (added) {
        const token = await apiLogin(MANAGER);
        await api(
          token,
          'DELETE',
          `credentials/${added.id}?reason=${encodeURIComponent('browser test')}`,
        );
      }
    }
  });
});
