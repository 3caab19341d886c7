import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { storeSession, testUser } from '../../testing/auth-session';
import {
  expectApi,
  fieldErrors,
  pageTestProviders,
  readable,
  typeInto,
} from '../../testing/page-testing';

export {
  button,
  expectApi,
  failWith,
  fieldErrors,
  readable,
  typeInto,
} from '../../testing/page-testing';

/** An admin page under test: the router harness, its element and HTTP under test. */
export interface AdminPageTest {
  harness: RouterTestingHarness;
  root: HTMLElement;
  http: HttpTestingController;
  settle(): Promise<void>;
}

/** Opens `component` signed in as an admin (test only: imported by specs). */
export async function openAdminPage(
  component: Type<unknown>,
  role: 'admin' | 'manager' = 'admin',
): Promise<AdminPageTest> {
  sessionStorage.clear();
  storeSession(testUser(role));
  TestBed.configureTestingModule({
    providers: pageTestProviders([{ path: 'page', component }]),
  });
  const http = TestBed.inject(HttpTestingController);
  const harness = await RouterTestingHarness.create('/page');
  return {
    harness,
    http,
    root: harness.routeNativeElement as HTMLElement,
    settle: () => harness.fixture.whenStable(),
  };
}

export function openDialog(): HTMLElement {
  return document.querySelector('mat-dialog-container') as HTMLElement;
}

export function snackBarText(): string {
  return readable(document.querySelector('mat-snack-bar-container'));
}

export function removeOverlays(): void {
  document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => overlay.remove());
}

/** Closes an open multiple select the way a pointer user does (Escape would also close the dialog). */
export async function closeSelect(page: AdminPageTest): Promise<void> {
  document
    .querySelector<HTMLElement>('.cdk-overlay-backdrop.cdk-overlay-transparent-backdrop')
    ?.click();
  await page.settle();
}

/**
 * Opens `component` (as `openAdminPage`) and answers the lists it asks for on opening, each
 * with one page: `{ roles: [ROLE], skills: [ICD10_SKILL] }` (`department` gets its object).
 */
export async function openLoadedAdminPage(
  component: Type<unknown>,
  lists: Record<string, readonly unknown[] | object>,
  role: 'admin' | 'manager' = 'admin',
): Promise<AdminPageTest> {
  const test = await openAdminPage(component, role);
  for (const [path, answer] of Object.entries(lists)) {
    expectApi(test.http, path).flush(
      Array.isArray(answer) ? { items: answer, total: answer.length } : answer,
    );
  }
  await test.settle();
  return test;
}

/** After a test: no request left unanswered, no dialog or snack bar left behind. */
export function closeAdminPage(test: AdminPageTest | undefined): void {
  test?.http.verify();
  removeOverlays();
}

/** The rows of the page's table, in words. */
export function rowTexts(root: HTMLElement): string[] {
  return Array.from(root.querySelectorAll('tr.mat-mdc-row')).map((row) => readable(row));
}

/** Clicks the page's button that says `text` (Add …, Edit) and returns the dialog it opens. */
export async function openDialogBy(test: AdminPageTest, text: string): Promise<HTMLElement> {
  Array.from(test.root.querySelectorAll<HTMLButtonElement>('button'))
    .find((candidate) => readable(candidate).includes(text))
    ?.click();
  await test.settle();
  return openDialog();
}

/** The field bound to `control` (`formcontrolname`) inside `container`. */
export function field(container: ParentNode, control: string): HTMLInputElement {
  return container.querySelector(`[formcontrolname="${control}"]`) as HTMLInputElement;
}

/** Types into the field bound to `control`, as a person does. */
export function typeIntoField(container: ParentNode, control: string, value: string): void {
  typeInto(field(container, control), value);
}

/** The error lines under the field bound to `control`. */
export function fieldErrorsOf(container: ParentNode, control: string): string[] {
  return fieldErrors(field(container, control));
}

/** Opens the select bound to `control` (in the open dialog, or `selector`) and picks options. */
export async function chooseOptions(
  test: AdminPageTest,
  control: string,
  ...texts: (string | RegExp)[]
): Promise<void> {
  const select = await TestbedHarnessEnvironment.documentRootLoader(
    test.harness.fixture,
  ).getHarness(
    MatSelectHarness.with({ selector: `mat-dialog-container [formcontrolname="${control}"]` }),
  );
  await select.open();
  for (const text of texts) {
    await select.clickOptions({ text });
  }
}
