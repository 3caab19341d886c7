import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import type { EnvironmentProviders, Provider } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, type Routes } from '@angular/router';
import { CLOCK } from '../app/core/clock';

/**
 * 15:00 UTC on 1 June 2026: 10:00 in Chicago (the test department's zone), so "today" is
 * 2026-06-01 for the browser and the department alike.
 */
export const TEST_NOW = new Date(Date.UTC(2026, 5, 1, 15, 0));
export const TEST_TODAY = '2026-06-01';

/** What a page test needs: HTTP under test, a router, a fixed clock, no animations. */
export function pageTestProviders(routes: Routes = []): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(),
    provideHttpClientTesting(),
    provideRouter(routes),
    { provide: CLOCK, useValue: () => TEST_NOW },
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ];
}

/** The one pending request to `/api/v1/<path>` (any query), checked for `method`. */
export function expectApi(http: HttpTestingController, path: string, method = 'GET'): TestRequest {
  const url = `/api/v1/${path}`;
  return http.expectOne(
    (request) => request.url === url && request.method === method,
    `${method} ${url}`,
  );
}

/** Answers `request` with an API error body (API.md). */
export function failWith(request: TestRequest, status: number, message: string[] = []): void {
  const statusText =
    { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict' }[status] ??
    'Server Error';
  request.flush({ statusCode: status, error: statusText, message }, { status, statusText });
}

/** Visible text with the pieces of separate elements kept apart, as a screen reader reads them. */
export function readable(element: Element | null | undefined): string {
  if (!element) {
    return '';
  }
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const pieces: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    pieces.push(node.textContent ?? '');
  }
  return pieces.join(' ').replace(/\s+/g, ' ').trim();
}

/** The button whose text contains `text` (throws when there is none, so tests fail clearly). */
export function button(root: ParentNode, text: string): HTMLButtonElement {
  const found = Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((candidate) =>
    readable(candidate).includes(text),
  );
  if (!found) {
    throw new Error(`No button with text "${text}"`);
  }
  return found;
}

/** Types into an input or textarea the way a person does (input, then leaving the field). */
export function typeInto(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  element.value = value;
  element.dispatchEvent(new Event('input'));
  element.dispatchEvent(new Event('blur'));
}

/** The `<mat-error>` texts inside the form field that contains `control`. */
export function fieldErrors(control: Element): string[] {
  const field = control.closest('mat-form-field');
  return Array.from(field?.querySelectorAll('mat-error') ?? []).map((error) => readable(error));
}
