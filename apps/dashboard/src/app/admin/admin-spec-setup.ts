import { HttpTestingController } from '@angular/common/http/testing';
import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { storeSession, testUser } from '../../testing/auth-session';
import { pageTestProviders, readable } from '../../testing/page-testing';

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
