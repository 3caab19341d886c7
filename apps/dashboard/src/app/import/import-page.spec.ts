import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { Route } from '@angular/router';
import type { ImportResult } from '@him/contracts';
import { appRoutes } from '../app.routes';
import { dryRunSummary, ImportPage } from './import-page';

function result(overrides: Partial<ImportResult> = {}): ImportResult {
  return {
    kind: 'staff',
    mode: 'dry-run',
    fileName: 'staff.csv',
    rows: 3,
    errors: [],
    errorCount: 0,
    create: 2,
    update: 1,
    unchanged: 0,
    preview: [
      {
        line: 2,
        action: 'create',
        key: 'E-100',
        values: { 'Employee ID': 'E-100', Name: 'Ana Ruiz', Email: 'ana@example.org' },
        changes: [],
      },
      {
        line: 4,
        action: 'update',
        key: 'E-101',
        values: { 'Employee ID': 'E-101' },
        changes: [{ field: 'Team', from: 'Coding', to: 'CDI' }],
      },
    ],
    importId: null,
    ...overrides,
  };
}

const WITH_PROBLEMS = result({
  rows: 4,
  errorCount: 2,
  create: 2,
  update: 0,
  errors: [
    { line: 3, field: 'Team', message: 'no team named "Codng"' },
    { line: 4, field: 'Hire date', message: 'must be a calendar date written YYYY-MM-DD' },
  ],
});

describe('ImportPage', () => {
  let fixture: ComponentFixture<ImportPage>;
  let page: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ImportPage],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ImportPage);
    page = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function button(label: string | RegExp): HTMLButtonElement {
    const found = [...page.querySelectorAll('button')].find((b) =>
      typeof label === 'string' ? b.textContent?.trim() === label : label.test(b.textContent ?? ''),
    );
    if (!found) throw new Error(`no button ${label}`);
    return found;
  }

  function text(selector: string): string {
    return readable(page.querySelector(selector));
  }

  /** Visible text with the pieces of separate elements kept apart, as a screen reader reads them. */
  function readable(element: Element | null): string {
    if (!element) return '';
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const pieces: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      pieces.push(node.textContent ?? '');
    }
    return pieces.join(' ').replace(/\s+/g, ' ').trim();
  }

  function rows(selector: string): string[][] {
    return [...page.querySelectorAll(`${selector} tr`)]
      .slice(1)
      .map((tr) => [...tr.querySelectorAll('td')].map((td) => readable(td)));
  }

  async function chooseFile(name = 'staff.csv'): Promise<File> {
    const file = new File(['Employee ID,Name\n'], name, { type: 'text/csv' });
    const input = page.querySelector<HTMLInputElement>('input[type=file]');
    if (!input) throw new Error('no file input');
    Object.defineProperty(input, 'files', {
      value: { item: () => file, length: 1 },
      configurable: true,
    });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    return file;
  }

  async function dryRun(answer: ImportResult): Promise<void> {
    button('Dry run').click();
    await fixture.whenStable();
    const request = http.expectOne((r) => r.url === '/api/v1/import/staff');
    expect(request.request.method).toBe('POST');
    expect(request.request.params.get('mode')).toBe('dry-run');
    request.flush(answer);
    await fixture.whenStable();
  }

  it('lists the columns of the chosen kind, staff first', async () => {
    expect(text('.column-list')).toContain('Employee ID (required): the HR system id');
    expect(text('.column-list')).toContain('Hire date (required)');
    const credentials = [
      ...page.querySelectorAll<HTMLButtonElement>('mat-button-toggle button'),
    ].find((b) => b.textContent?.includes('Credentials'));
    credentials?.click();
    await fixture.whenStable();
    expect(text('.column-list')).toContain('Credential type (code) (required)');
    expect(text('.column-list')).toContain('Verified on (optional)');
  });

  it('downloads a template with the access token (fetched, then saved)', async () => {
    const createObjectURL = jest.fn(() => 'blob:template');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);

    button('Download XLSX template').click();
    const request = http.expectOne((r) => r.url === '/api/v1/import/staff/template');
    expect(request.request.params.get('format')).toBe('xlsx');
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['x']), {
      headers: { 'Content-Disposition': 'attachment; filename="staff-import-template.xlsx"' },
    });
    await fixture.whenStable();
    expect(createObjectURL).toHaveBeenCalled();
    const link = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(link.download).toBe('staff-import-template.xlsx');
    click.mockRestore();
  });

  it('says when the template cannot be downloaded', async () => {
    button('Download CSV template').click();
    http
      .expectOne((r) => r.url === '/api/v1/import/staff/template')
      .flush(new Blob(['{}']), { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    expect(text('.inline-error')).toBe('Your account does not have access to the template.');
  });

  it('needs a file before a dry run', async () => {
    expect(button('Dry run').disabled).toBe(true);
    await chooseFile();
    expect(text('.chosen-file')).toContain('staff.csv');
    expect(button('Dry run').disabled).toBe(false);
  });

  it('shows the problems of a dry run by line and column, and does not offer to import', async () => {
    await chooseFile();
    await dryRun(WITH_PROBLEMS);
    expect(rows('.errors-table')).toEqual([
      ['3', 'Team', 'no team named "Codng"'],
      ['4', 'Hire date', 'must be a calendar date written YYYY-MM-DD'],
    ]);
    expect(text('.counts')).toContain('Problems 2');
    expect(button(/Import 4 rows/).disabled).toBe(true);
  });

  it('offers "Import n rows" after a clean dry run, then shows what the import did', async () => {
    const file = await chooseFile();
    await dryRun(result());
    expect(text('.counts')).toContain('To create 2');
    expect(rows('.preview-table')).toEqual([
      ['2', 'New', 'E-100', 'Employee ID: E-100 Name: Ana Ruiz Email: ana@example.org'],
      ['4', 'Update', 'E-101', 'Team: Coding → CDI'],
    ]);
    const importButton = button(/Import 3 rows/);
    expect(importButton.disabled).toBe(false);

    importButton.click();
    await fixture.whenStable();
    const commit = http.expectOne((r) => r.url === '/api/v1/import/staff');
    expect(commit.request.params.get('mode')).toBe('commit');
    expect(((commit.request.body as FormData).get('file') as File).name).toBe(file.name);
    commit.flush(result({ mode: 'commit', importId: 'import-1' }));
    await fixture.whenStable();
    expect(text('.done-summary')).toBe('Imported staff.csv: 2 created, 1 updated, 0 unchanged.');
    expect(text('.counts')).toContain('Created 2');
    expect(page.querySelector('.errors-table')).toBeNull();
    expect(
      [...page.querySelectorAll('button')].some((b) => /Import 3 rows/.test(b.textContent ?? '')),
    ).toBe(false);
  });

  it('shows the problems of a refused commit (the data changed since the dry run)', async () => {
    await chooseFile();
    await dryRun(result());
    button(/Import 3 rows/).click();
    await fixture.whenStable();
    http
      .expectOne((r) => r.url === '/api/v1/import/staff')
      .flush(
        {
          statusCode: 400,
          error: 'Bad Request',
          message: ['line 3, Team: ...'],
          ...WITH_PROBLEMS,
          mode: 'commit',
        },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();
    expect(text('.error-panel')).toContain('Nothing was imported');
    expect(rows('.errors-table')).toHaveLength(2);
    expect(button(/Import 4 rows/).disabled).toBe(true);
  });

  it.each([
    [
      400,
      { message: ['file: missing column Employee ID'] },
      'The file could not be read. Missing column Employee ID.',
    ],
    [
      413,
      { message: ['file: larger than the 20 MB an import may be; split it into smaller files'] },
      'The file is too large. Larger than the 20 MB',
    ],
    [
      500,
      { message: ['unexpected error'] },
      'The server had a problem loading the import (error 500).',
    ],
  ])('explains a file the server refuses with %s', async (status, body, message) => {
    await chooseFile();
    button('Dry run').click();
    await fixture.whenStable();
    http
      .expectOne((r) => r.url === '/api/v1/import/staff')
      .flush(body, { status, statusText: 'Error' });
    await fixture.whenStable();
    expect(text('.error-panel')).toContain(message);
    expect(page.querySelector('.errors-table')).toBeNull();
  });

  it('forgets a dry run when the kind changes', async () => {
    await chooseFile();
    await dryRun(result());
    [...page.querySelectorAll<HTMLButtonElement>('mat-button-toggle button')]
      .find((b) => b.textContent?.includes('Skill assessments'))
      ?.click();
    await fixture.whenStable();
    expect(page.querySelector('.counts')).toBeNull();
    button('Dry run').click();
    const request = http.expectOne((r) => r.url === '/api/v1/import/assessments');
    request.flush(result({ kind: 'assessments' }));
    await fixture.whenStable();
  });

  it('summarises a dry run for screen readers', () => {
    expect(dryRunSummary(WITH_PROBLEMS)).toBe(
      'Dry run finished: 2 problems in 4 rows. Nothing can be imported until they are fixed.',
    );
    expect(dryRunSummary(result())).toBe(
      'Dry run finished: no problems in 3 rows; 2 to create, 1 to update, 0 unchanged.',
    );
  });

  it('is a page for admins and managers, listed in the navigation as Import', () => {
    const shell = appRoutes.find((route) => route.path === '')?.children ?? [];
    const route = shell.find((child: Route) => child.path === 'import');
    expect(route?.data).toEqual({
      roles: ['admin', 'manager'],
      nav: { label: 'Import', icon: 'import' },
    });
  });
});
