import {
  apiGet,
  apiLogin,
  asUser,
  CODER,
  DIRECTOR,
  expectNoAxeViolations,
  login,
  mainHeading,
  MANAGER,
  openPage,
  screenshot,
  staffByEmail,
  useBrowser,
} from './support/helpers';

describe('the team matrix (team-matrix)', () => {
  const browser = useBrowser();

  it("the coding manager sees their team's skills and credentials, fetched in one call each", async () => {
    const coder = await staffByEmail(CODER.email);
    const { context, page } = await openPage(browser());
    const credentialCalls: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (/^\/api\/v1\/(credentials|staff\/[^/]+\/credentials)$/.test(path)) {
        credentialCalls.push(request.url());
      }
    });
    try {
      await login(page, MANAGER.email, MANAGER.password);
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Team matrix' })
        .click();
      await page.waitForURL('**/team-matrix?team=*');
      await expect(mainHeading(page).innerText()).resolves.toBe('Team matrix');
      await expect(page.getByRole('combobox', { name: 'Team' }).innerText()).resolves.toContain(
        'Coding',
      );

      const skills = page.getByRole('table', { name: /^Skill levels of Coding members/ });
      await skills.getByRole('rowheader', { name: coder.name }).waitFor();
      const credentials = page.getByRole('table', { name: /^Credentials of Coding members/ });
      const coderRow = credentials
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: coder.name }) });
      await coderRow.waitFor();
      // The coder holds a current CCS and CPC (demo data): their row shows a status.
      await expect(coderRow.innerText()).resolves.toMatch(/Current|Expiring in \d+ days/);
      await expect(
        coderRow.getByRole('link', { name: coder.name }).getAttribute('href'),
      ).resolves.toBe(`/staff/${coder.id}`);

      await page.waitForLoadState('networkidle');
      expect(credentialCalls).toHaveLength(1);
      expect(new URL(credentialCalls[0]).pathname).toBe('/api/v1/credentials');
      expect(new URL(credentialCalls[0]).searchParams.get('teamId')).toBeTruthy();
      await expectNoAxeViolations(page, 'team matrix');
      await screenshot(page, 'team-matrix-manager');
    } finally {
      await context.close();
    }
  });

  it('says beside an expired credential where it stands with its issuing body (R18)', async () => {
    // Demo data: Tuan Pham's CPC (AAPC, grace 90 days) expired 25 days ago, Yuki Tanaka's CHDA
    // (AHIMA, inactive 180 days) 48 days ago. The words follow the body's rule from the expiry
    // date the API gives, and the team matrix shows them as the profile does.
    const token = await apiLogin(DIRECTOR);
    type Held = { staffId: string; credentialTypeId: string; expiresOn: string | null };
    const types = await apiGet<{ items: { id: string; code: string }[] }>(
      token,
      'credential-types?limit=200',
    );
    const typeId = (code: string) => types.items.find((type) => type.code === code)?.id;
    const plusDays = (date: string, days: number) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const expired = async (name: string, code: string) => {
      const staff = await apiGet<{ items: { id: string; name: string }[] }>(
        token,
        `staff?q=${encodeURIComponent(name)}`,
      );
      const member = staff.items.find((item) => item.name === name);
      if (!member) throw new Error(`no demo member ${name}`);
      const held = await apiGet<Held[] | { items: Held[] }>(
        token,
        `staff/${member.id}/credentials`,
      );
      const list = Array.isArray(held) ? held : held.items;
      const credential = list.find((c) => c.credentialTypeId === typeId(code));
      if (!credential?.expiresOn) throw new Error(`${name} holds no ${code} with an expiry`);
      return credential.expiresOn;
    };
    const cpcExpiry = await expired('Tuan Pham', 'CPC');
    const chdaExpiry = await expired('Yuki Tanaka', 'CHDA');

    await asUser(browser(), DIRECTOR, async (page) => {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Team matrix' })
        .click();
      await page.waitForURL('**/team-matrix?team=*');

      const cellOf = async (team: string, member: string, code: string) => {
        const combobox = page.getByRole('combobox', { name: 'Team' });
        if (!(await combobox.innerText()).includes(team)) {
          await combobox.click();
          await page.getByRole('option', { name: team, exact: true }).click();
        }
        const table = page.getByRole('table', {
          name: new RegExp(`^Credentials of ${team} members`),
        });
        const row = table
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: member }) });
        await row.waitFor();
        const headers = await table.locator('thead th').allInnerTexts();
        const column = headers.findIndex((text) => text.trim() === code);
        expect(column).toBeGreaterThan(0);
        // the row header is the first cell; the data cells follow
        return row.locator('th, td').nth(column);
      };

      const cpc = await cellOf('Coding', 'Tuan Pham', 'CPC');
      await expect(cpc.getByTestId('after-lapse').innerText()).resolves.toBe(
        `Expired — grace until ${plusDays(cpcExpiry, 90)}, can still be reinstated`,
      );
      await expect(cpc.innerText()).resolves.toContain('Expired');

      const chda = await cellOf('Data Analytics', 'Yuki Tanaka', 'CHDA');
      await expect(chda.getByTestId('after-lapse').innerText()).resolves.toBe(
        `Expired — inactive until ${plusDays(chdaExpiry, 180)}, can still be reinstated`,
      );
      // a current credential says nothing of the kind
      const table = page.getByRole('table', { name: /^Credentials of Data Analytics members/ });
      await expect(table.getByTestId('after-lapse').count()).resolves.toBeGreaterThan(0);
      for (const text of await table.getByTestId('after-lapse').allInnerTexts()) {
        expect(text).toMatch(/^Expired — /);
      }
      await expectNoAxeViolations(page, 'team matrix, an expired credential');
      await screenshot(page, 'team-matrix-after-lapse');
    });
  });
});
