import type { Locator, Page } from 'playwright-core';
import {
  asUser,
  DIRECTOR,
  expectNoAxeViolations,
  MANAGER,
  screenshot,
  settleAndCheck,
  useBrowser,
} from './support/helpers';

/** Wide enough for the navigation beside the page, as on a laptop with a large screen. */
const WIDE = { width: 1440, height: 900 };

/** Relative luminance (WCAG) of an element's computed background, through a canvas pixel. */
async function backgroundLuminance(cell: Locator): Promise<number> {
  return cell.evaluate((element) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.fillStyle = getComputedStyle(element).backgroundColor;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = Array.from(context.getImageData(0, 0, 1, 1).data).map((value) => {
      const channel = value / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  });
}

/** What the box's count should say: the data columns not wholly inside its visible part. */
async function hiddenColumns(box: Locator): Promise<{ left: number; right: number }> {
  return box.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const right = rect.left + element.clientLeft + element.clientWidth;
    const left = (
      element.querySelector('thead th.sticky-col') as HTMLElement
    ).getBoundingClientRect().right;
    let toLeft = 0;
    let toRight = 0;
    for (const header of Array.from(element.querySelectorAll('thead th[data-column]'))) {
      const column = header.getBoundingClientRect();
      if (column.right > right + 0.5) toRight += 1;
      else if (column.left < left - 0.5) toLeft += 1;
    }
    return { left: toLeft, right: toRight };
  });
}

async function scrollBox(box: Locator, to: { left?: number; top?: number }): Promise<void> {
  await box.evaluate((element, position) => element.scrollTo(position), to);
  // the count updates on the next frame; give layout and the live region a moment
  await box.page().waitForTimeout(150);
}

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return box;
}

/**
 * Scrolls the grid right and down and proves its corner, its row headers and its header row
 * stay where they were while the cells move under them.
 */
async function expectStickyHeaders(box: Locator): Promise<void> {
  // on screen, so what is painted at a point can be asked
  await box.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  const corner = box.locator('thead th.sticky-col');
  const firstRowHeader = box.locator('tbody th.sticky-col').first();
  const firstColumn = box.locator('thead th[data-column]').first();
  const before = {
    corner: await boxOf(corner),
    rowHeader: await boxOf(firstRowHeader),
    column: await boxOf(firstColumn),
  };
  const { canScrollX, canScrollY } = await box.evaluate((element) => ({
    canScrollX: element.scrollWidth > element.clientWidth,
    canScrollY: element.scrollHeight > element.clientHeight,
  }));
  expect(canScrollY).toBe(true);

  if (canScrollX) {
    await scrollBox(box, { left: 300 });
    const rowHeader = await boxOf(firstRowHeader);
    expect(Math.abs(rowHeader.x - before.rowHeader.x)).toBeLessThan(1);
    expect((await boxOf(firstColumn)).x).toBeLessThan(before.column.x - 100);
    await scrollBox(box, { left: 0 });
  }
  await scrollBox(box, { top: 160 });
  const headerAfter = await boxOf(firstColumn);
  expect(Math.abs(headerAfter.y - before.column.y)).toBeLessThan(1);
  expect(Math.abs((await boxOf(corner)).y - before.corner.y)).toBeLessThan(1);
  // the rows moved up under the header row
  expect((await boxOf(firstRowHeader)).y).toBeLessThan(before.rowHeader.y - 100);
  // and what sticks is painted over the cells: the header is the topmost element at its spot
  const onTop = await firstColumn.evaluate((header) => {
    const rect = header.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return hit === header || header.contains(hit)
      ? 'the header'
      : `${hit?.tagName} ${hit?.className}`;
  });
  expect(onTop).toBe('the header');
  await scrollBox(box, { top: 0 });
}

/** Column ids of the grid, and those where some cell carries the gap marker. */
async function columnsAndGaps(box: Locator, cellAttribute: string) {
  return box.evaluate((element, attribute) => {
    const columns = Array.from(element.querySelectorAll('thead th[data-column]'), (header) =>
      header.getAttribute('data-column'),
    );
    const gaps = columns.filter((id) =>
      Array.from(element.querySelectorAll(`td[${attribute}="${id}"]`)).some((cell) =>
        cell.querySelector('[data-testid="gap-marker"]'),
      ),
    );
    return { columns, gaps };
  }, cellAttribute);
}

async function openFromNavigation(page: Page, link: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
}

describe('heatmaps and matrices show what is missing (matrix gaps)', () => {
  const browser = useBrowser();

  it('the role x skill heatmap: loud marked gaps, headers in place, a count of skills out of view, a gap filter', async () => {
    await asUser(
      browser(),
      DIRECTOR,
      async (page) => {
        await openFromNavigation(page, 'Coverage');
        await page.waitForURL('**/coverage**');
        const heatmap = page.getByTestId('role-heatmap');
        const box = page.getByRole('region', { name: 'Skills by role table' });
        await box.locator('tbody th').first().waitFor();
        await page.waitForLoadState('networkidle');
        const count = heatmap.getByTestId('columns-out-of-view');

        // the words say how many skills are to the right, and they are right
        const hidden = await hiddenColumns(box);
        expect(hidden.left).toBe(0);
        expect(hidden.right).toBeGreaterThan(0);
        await expect(count.innerText()).resolves.toBe(
          `${hidden.right} more ${hidden.right === 1 ? 'skill' : 'skills'} to the right`,
        );
        await expect(count.getAttribute('aria-live')).resolves.toBe('polite');
        const widths = await box.evaluate((element) => [element.scrollWidth, element.clientWidth]);
        process.stderr.write(
          `[e2e] role heatmap at 1440x900: ${widths[0]} px of table in a ${widths[1]} px box, ` +
            `${hidden.right} skills to the right\n`,
        );

        await expectStickyHeaders(box);

        // scrolled to the end: the count changes, and names the skills now to the left
        await scrollBox(box, { left: 100_000 });
        const atEnd = await hiddenColumns(box);
        expect(atEnd.right).toBe(0);
        expect(atEnd.left).toBeGreaterThan(0);
        await expect(count.innerText()).resolves.toBe(
          `${atEnd.left} ${atEnd.left === 1 ? 'skill' : 'skills'} out of view to the left`,
        );
        await scrollBox(box, { left: 0 });
        await expect(count.innerText()).resolves.toBe(
          `${hidden.right} more ${hidden.right === 1 ? 'skill' : 'skills'} to the right`,
        );

        // a gap is darker than a met cell, and says so in words beside an icon
        const gap = box.locator('td.heat--gap-all').first();
        const met = box.locator('td.heat--met').first();
        await expect(gap.getByTestId('gap-marker').innerText()).resolves.toMatch(
          /^Gap: \d+ short$/,
        );
        await expect(met.getByTestId('gap-marker').count()).resolves.toBe(0);
        expect(await backgroundLuminance(gap)).toBeLessThan((await backgroundLuminance(met)) / 3);
        await expectNoAxeViolations(page, 'coverage, heatmaps with gaps');

        // only skills with a gap: exactly the columns where some role has one
        const before = await columnsAndGaps(box, 'data-skill');
        expect(before.gaps.length).toBeGreaterThan(0);
        expect(before.gaps.length).toBeLessThan(before.columns.length);
        await heatmap.getByRole('switch', { name: 'Only skills with a gap' }).click();
        await page.waitForTimeout(150);
        const after = await columnsAndGaps(box, 'data-skill');
        expect(after.columns).toEqual(before.gaps);
        expect(after.gaps).toEqual(before.gaps);
        const left = await hiddenColumns(box);
        await expect(count.innerText()).resolves.toBe(
          left.right === 0
            ? `All ${after.columns.length} skills in view`
            : `${left.right} more ${left.right === 1 ? 'skill' : 'skills'} to the right`,
        );
        await expectNoAxeViolations(page, 'coverage, only skills with a gap');
        await screenshot(page, 'coverage-heatmap-gaps');
      },
      WIDE,
    );
  });

  it('the team matrix: gap cells loud and marked, sticky headers, filters kept in the address', async () => {
    await asUser(
      browser(),
      MANAGER,
      async (page) => {
        await openFromNavigation(page, 'Team matrix');
        await page.waitForURL('**/team-matrix?team=*');
        const box = page
          .getByRole('region', { name: 'Skills', exact: true })
          .and(page.locator('.table-scroll'));
        await box.locator('tbody th').first().waitFor();
        await page.waitForLoadState('networkidle');

        await expectStickyHeaders(box);

        const gap = box.locator('td.below').first();
        const met = box.locator('td:not(.below)', { hasText: 'meets' }).first();
        await expect(gap.getByTestId('gap-marker').innerText()).resolves.toBe('Gap');
        await expect(gap.innerText()).resolves.toMatch(/needed/);
        expect(await backgroundLuminance(gap)).toBeLessThan((await backgroundLuminance(met)) / 3);

        // every skill, then only those with a gap: the count of skills out of view follows
        await page
          .getByRole('checkbox', { name: 'Only skills a role in this team requires' })
          .uncheck();
        const all = await columnsAndGaps(box, 'data-skill');
        const count = page.getByTestId('columns-out-of-view').first();
        const hidden = await hiddenColumns(box);
        expect(hidden.right).toBeGreaterThan(0);
        await expect(count.innerText()).resolves.toBe(`${hidden.right} more skills to the right`);
        await page.getByRole('switch', { name: 'Only skills with a gap' }).click();
        await page.waitForURL(/skillGaps=1/);
        await page.waitForTimeout(150);
        const gapsOnly = await columnsAndGaps(box, 'data-skill');
        expect(gapsOnly.columns).toEqual(all.gaps);
        expect(gapsOnly.columns.length).toBeLessThan(all.columns.length);
        await expect(count.innerText()).resolves.not.toBe(
          `${hidden.right} more skills to the right`,
        );

        // the credentials: a required credential not held in force is a marked gap
        const credentials = page
          .getByRole('region', { name: 'Credentials', exact: true })
          .and(page.locator('.table-scroll'));
        await page.getByRole('switch', { name: 'Only credentials with a gap' }).click();
        await page.waitForURL(/credentialGaps=1/);
        const credentialColumns = await columnsAndGaps(credentials, 'data-type');
        expect(credentialColumns.columns.length).toBeGreaterThan(0);
        expect(credentialColumns.gaps).toEqual(credentialColumns.columns);

        // the filters are in the address: a reload keeps them
        await page.reload();
        await box.locator('tbody th').first().waitFor();
        await expect(
          page.getByRole('switch', { name: 'Only skills with a gap' }).getAttribute('aria-checked'),
        ).resolves.toBe('true');
        await settleAndCheck(page, 'team matrix, only gaps', 'team-matrix-gaps');
      },
      WIDE,
    );
  });
});
