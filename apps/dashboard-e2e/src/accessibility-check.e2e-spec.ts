import { expectNoAxeViolations, useBrowser, withPage } from './support/helpers';

// The other tests trust expectNoAxeViolations to pass clean pages: it must also fail bad ones.
describe('the accessibility check itself', () => {
  const browser = useBrowser();

  it('reports violations with their rule, impact, help and elements', async () => {
    await withPage(browser(), async (page) => {
      await page.setContent(
        '<html lang="en"><head><title>t</title></head><body><main>' +
          '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="no-alt">' +
          '<button id="empty-button"></button></main></body></html>',
      );
      const failure = await expectNoAxeViolations(page, 'bad page').then(
        () => null,
        (error: Error) => error.message,
      );
      expect(failure).toContain('bad page:');
      expect(failure).toContain('image-alt (critical)');
      expect(failure).toContain('#no-alt');
      expect(failure).toContain('button-name');
    });
  });
});
