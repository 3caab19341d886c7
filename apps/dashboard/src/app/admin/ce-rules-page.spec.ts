import { AHIMA_RULE, NCRA_RULE, page as pageOf } from '../../testing/fixtures';
import {
  type AdminPageTest,
  button,
  closeAdminPage,
  expectApi,
  failWith,
  fieldErrors,
  fieldErrorsOf,
  openDialogBy,
  openLoadedAdminPage,
  readable,
  rowTexts,
  snackBarText,
  typeInto,
  typeIntoField,
} from './admin-spec-setup';
import { CeRulesPage } from './ce-rules-page';

describe('CeRulesPage', () => {
  let page: AdminPageTest;

  async function openLoaded(): Promise<void> {
    page = await openLoadedAdminPage(CeRulesPage, { 'ce-rules': [AHIMA_RULE, NCRA_RULE] });
  }

  afterEach(() => closeAdminPage(page));

  it('lists each rule with its minimums in words', async () => {
    await openLoaded();
    const rows = rowTexts(page.root);
    expect(rows[0]).toContain('AHIMA 24 10 50 80% from HIIM domain');
    expect(rows[1]).toContain('NCRA 24 0 No cap 4 hours from ODS Category A');
  });

  it('creates a rule, sending a share entered as a percentage as a fraction', async () => {
    await openLoaded();
    const dialog = await openDialogBy(page, 'Add CE rule');
    typeIntoField(dialog, 'issuingBody', 'AAPC');
    typeIntoField(dialog, 'extraPerAdditional', '0');
    button(dialog, 'Add a minimum').click();
    await page.settle();
    const chipInput = dialog.querySelector('[data-testid="category-input"]') as HTMLInputElement;
    typeInto(chipInput, 'core-a');
    typeIntoField(dialog, 'amount', '50');
    await page.settle();
    button(dialog, 'Add CE rule').click();

    const post = expectApi(page.http, 'ce-rules', 'POST');
    expect(post.request.body).toEqual({
      issuingBody: 'AAPC',
      cycleMonths: 24,
      extraPerAdditional: 0,
      cap: null,
      minimums: [{ categories: ['core-a'], share: 0.5 }],
    });
    failWith(post, 400, [
      'minimums.0.share must be a fraction of the required hours, above 0 and at most 1',
    ]);
    await page.settle();
    expect(fieldErrorsOf(dialog, 'amount')).toEqual([
      'Must be a fraction of the required hours, above 0 and at most 1.',
    ]);
  });

  it('edits by issuing body with the version, switching a minimum to hours', async () => {
    await openLoaded();
    const dialog = await openDialogBy(page, 'Edit');
    (
      dialog.querySelectorAll('mat-radio-button[value="hours"] input')[1] as HTMLInputElement
    ).click();
    typeInto(dialog.querySelectorAll<HTMLInputElement>('[formcontrolname="amount"]')[1], '8');
    await page.settle();
    button(dialog, 'Save changes').click();

    const patch = expectApi(page.http, 'ce-rules/AHIMA', 'PATCH');
    expect(patch.request.body).toEqual({
      version: 1,
      minimums: [
        { categories: ['hiim-domain'], share: 0.8 },
        { categories: ['ahima-provided'], hours: 8 },
      ],
    });
    patch.flush({ ...AHIMA_RULE, version: 2 });
    await page.settle();
    expect(snackBarText()).toContain('CE rule of AHIMA saved.');
    expectApi(page.http, 'ce-rules').flush(pageOf([AHIMA_RULE]));
  });

  it('lists categories in words, adds one with Enter, refuses a name that is not a slug, removes one', async () => {
    await openLoaded();
    const dialog = await openDialogBy(page, 'Edit');
    const list = () =>
      Array.from(dialog.querySelectorAll('[aria-label="Categories of minimum 1"] > li')).map(
        (item) => readable(item.querySelector('span') ?? item),
      );
    expect(list()).toEqual(['HIIM domains']);
    const input = dialog.querySelectorAll<HTMLInputElement>('[data-testid="category-input"]')[0];
    const press = (key: string) =>
      input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

    typeInto(input, 'Coding update');
    press('Enter');
    await page.settle();
    expect(fieldErrors(input)).toEqual(['Use lower-case letters, digits and - only.']);
    expect(list()).toEqual(['HIIM domains']);

    input.value = 'coding-update';
    input.dispatchEvent(new Event('input'));
    press('Enter');
    await page.settle();
    expect(list()).toEqual(['HIIM domains', 'Coding update']);
    expect(input.value).toBe('');

    (dialog.querySelector('button[aria-label="Remove HIIM domains"]') as HTMLButtonElement).click();
    (
      dialog.querySelector('button[aria-label="Remove Coding update"]') as HTMLButtonElement
    ).click();
    await page.settle();
    expect(list()).toEqual(['No category yet']);
    expect(fieldErrors(input)).toEqual(['Add at least one category.']);
  });
});
