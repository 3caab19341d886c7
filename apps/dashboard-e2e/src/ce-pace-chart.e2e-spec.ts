import type { Page } from 'playwright-core';
import {
  asUser,
  CODER,
  DIRECTOR,
  settleAndCheck,
  staffByEmail,
  useBrowser,
} from './support/helpers';

const SENTENCE = /^[\d.]+ of [\d.]+ hours by \d{1,2} [A-Z][a-z]+ \d{4}; pace expects [\d.]+$/;

/** Every CE group card on the page draws its chart and says the same in a sentence. */
async function expectPaceCharts(page: Page): Promise<string[]> {
  const charts = page.getByTestId('ce-pace-chart');
  await charts.first().waitFor();
  const count = await charts.count();
  expect(count).toBeGreaterThan(0);
  const sentences: string[] = [];
  for (let i = 0; i < count; i++) {
    const chart = charts.nth(i);
    const image = chart.getByRole('img');
    await expect(image.getAttribute('aria-label')).resolves.toMatch(
      /: line chart of approved CE hours by completion date from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}, against the pace line and the required hours\./,
    );
    const sentence = (await chart.locator('figcaption').innerText()).trim();
    expect(sentence).toMatch(SENTENCE);
    // the canvas was drawn (chart.js sized it)
    await expect(
      chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => canvas.width),
    ).resolves.toBeGreaterThan(0);
    sentences.push(sentence);
  }
  return sentences;
}

/**
 * Issue 12, point 8: on My progress and the staff profile each CE group charts the approved hours
 * by date against the pace line and the requirement, with a sentence saying the same.
 */
describe('the CE pace chart (ce-pace-chart)', () => {
  const browser = useBrowser();

  it('My progress: each CE group has its chart and sentence, and the page stays axe clean', async () => {
    await asUser(browser(), CODER, async (page) => {
      await page.goto('/my-progress');
      const sentences = await expectPaceCharts(page);
      // the sentence's hours are the card's
      const hours = await page.locator('.ce-card__hours').first().innerText();
      expect(sentences[0].split(' hours by ')[0]).toBe(hours.split(' hours')[0]);
      await settleAndCheck(page, 'my progress with CE pace charts', 'my-progress-ce-pace-chart');
    });
  });

  it("the staff profile: the member's CE groups have the same charts", async () => {
    const coder = await staffByEmail(CODER.email);
    await asUser(browser(), DIRECTOR, async (page) => {
      await page.goto(`/staff/${coder.id}`);
      await expectPaceCharts(page);
      await settleAndCheck(
        page,
        'staff profile with CE pace charts',
        'staff-profile-ce-pace-chart',
      );
    });
  });
});
