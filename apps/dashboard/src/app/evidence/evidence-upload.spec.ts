import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { EvidenceFile, EvidenceTarget } from '@him/contracts';
import { EvidenceUpload, formatBytes } from './evidence-upload';

const CREDENTIAL: EvidenceTarget = { kind: 'credential', id: 'cred-1' };

function evidence(overrides: Partial<EvidenceFile> = {}): EvidenceFile {
  return {
    id: 'ev-1',
    ownerKind: 'credential',
    ownerId: 'cred-1',
    staffId: 'staff-1',
    originalName: 'RHIA certificate.pdf',
    contentType: 'application/pdf',
    sizeBytes: 182_400,
    sha256: 'ab'.repeat(32),
    uploadedByUserId: 'user-staff',
    uploadedAt: '2026-11-20T09:00:00.000Z',
    canDelete: true,
    ...overrides,
  };
}

describe('EvidenceUpload', () => {
  let fixture: ComponentFixture<EvidenceUpload>;
  let element: HTMLElement;
  let http: HttpTestingController;
  let changes: EvidenceFile[][];

  async function create(files: EvidenceFile[] = [evidence()], target = CREDENTIAL): Promise<void> {
    TestBed.configureTestingModule({
      imports: [EvidenceUpload],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EvidenceUpload);
    fixture.componentRef.setInput('target', target);
    changes = [];
    fixture.componentInstance.filesChanged.subscribe((list) => changes.push(list));
    element = fixture.nativeElement;
    await fixture.whenStable();
    http
      .expectOne(`/api/v1/credentials/${target.id}/evidence?limit=500&offset=0`)
      .flush({ items: files, total: files.length });
    await fixture.whenStable();
  }

  function button(text: string): HTMLButtonElement {
    const found = Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find(
      (candidate) => candidate.textContent?.trim() === text,
    );
    if (!found) throw new Error(`no button "${text}"`);
    return found;
  }

  async function choose(file: File): Promise<void> {
    const input = element.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('lists the files with download links, type, size and date', async () => {
    await create([
      evidence(),
      evidence({
        id: 'ev-2',
        originalName: 'scan.pdf',
        contentType: 'image/png',
        sizeBytes: 900,
        canDelete: false,
      }),
    ]);
    const records = Array.from(element.querySelectorAll('li.record'));
    expect(records).toHaveLength(2);
    const link = records[0].querySelector('a') as HTMLAnchorElement;
    expect(link.textContent?.trim()).toBe('RHIA certificate.pdf');
    expect(link.getAttribute('href')).toBe('/api/v1/evidence/ev-1');
    expect(records[0].textContent).toContain('PDF · 178.1 KB · uploaded 20 Nov 2026');
    // A PNG named .pdf downloads under a .png name.
    expect(records[1].querySelector('a')?.getAttribute('download')).toBe('scan.pdf.png');
    expect(records[1].textContent).toContain('PNG image · 900 bytes');
    expect(records[1].querySelector('button')).toBeNull();
    const input = element.querySelector<HTMLInputElement>('input[type="file"]');
    expect(input?.getAttribute('accept')).toBe('.pdf,.png,.jpg,.jpeg');
  });

  it('loads the files of the new record when the target changes', async () => {
    await create([]);
    expect(element.textContent).toContain('No files attached yet.');
    fixture.componentRef.setInput('target', { kind: 'ce-activity', id: 'act-7' });
    await fixture.whenStable();
    http
      .expectOne('/api/v1/ce-activities/act-7/evidence?limit=500&offset=0')
      .flush({ items: [evidence({ ownerKind: 'ce-activity', ownerId: 'act-7' })], total: 1 });
    await fixture.whenStable();
    expect(element.querySelectorAll('li.record')).toHaveLength(1);
  });

  it('uploads the chosen file as multipart "file", shows progress, then lists it', async () => {
    await create([]);
    await choose(new File(['%PDF-1.7 certificate'], 'Attendance.pdf', { type: 'application/pdf' }));

    const request = http.expectOne('/api/v1/credentials/cred-1/evidence');
    expect(request.request.method).toBe('POST');
    const body = request.request.body as FormData;
    expect((body.get('file') as File).name).toBe('Attendance.pdf');
    expect(request.request.reportProgress).toBe(true);
    expect(element.textContent).toContain('Uploading Attendance.pdf…');
    expect(button('Attach a file').disabled).toBe(true);

    request.event({ type: HttpEventType.UploadProgress, loaded: 50, total: 200 });
    await fixture.whenStable();
    expect(element.querySelector('mat-progress-bar')?.getAttribute('aria-valuenow')).toBe('25');
    expect(element.textContent).toContain('Uploading Attendance.pdf (25%)');

    const saved = evidence({ id: 'ev-9', originalName: 'Attendance.pdf', sizeBytes: 20 });
    request.flush(saved);
    await fixture.whenStable();
    expect(element.querySelector('mat-progress-bar')).toBeNull();
    expect(element.querySelector('li.record a')?.textContent?.trim()).toBe('Attendance.pdf');
    expect(changes).toEqual([[saved]]);
  });

  it("shows the server's refusal at the upload field", async () => {
    await create([]);
    await choose(new File(['just text'], 'certificate.pdf'));
    http.expectOne('/api/v1/credentials/cred-1/evidence').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: [
          'file must be a PDF, PNG or JPEG document; its content is none of these, whatever its name says',
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const error = element.querySelector('.upload [role="alert"]');
    expect(error?.textContent?.trim()).toBe(
      'The file must be a PDF, PNG or JPEG document; its content is none of these, whatever its name says.',
    );
    expect(button('Attach a file').getAttribute('aria-describedby')).toContain(error?.id);

    await choose(new File(['%PDF-'], 'huge.pdf'));
    http.expectOne('/api/v1/credentials/cred-1/evidence').flush(
      {
        statusCode: 413,
        error: 'Payload Too Large',
        message: ['file must be at most 10 MB (10485760 bytes)'],
      },
      { status: 413, statusText: 'Payload Too Large' },
    );
    await fixture.whenStable();
    expect(element.querySelector('.upload [role="alert"]')?.textContent?.trim()).toBe(
      'The file must be at most 10 MB (10485760 bytes)',
    );
    expect(changes).toEqual([]);
  });

  it('refuses an empty file or another kind of file without asking the server', async () => {
    await create([]);
    await choose(new File([], 'empty.pdf'));
    expect(element.querySelector('.upload [role="alert"]')?.textContent).toContain(
      'The file is empty.',
    );
    await choose(new File(['x'], 'notes.docx'));
    expect(element.querySelector('.upload [role="alert"]')?.textContent).toContain(
      'Choose a PDF, PNG or JPEG file.',
    );
    http.expectNone('/api/v1/credentials/cred-1/evidence');
  });

  it('deletes a file after confirmation', async () => {
    await create();
    button('Delete').click();
    await fixture.whenStable();
    expect(element.textContent).toContain('Delete “RHIA certificate.pdf”? This cannot be undone.');
    button('Cancel').click();
    await fixture.whenStable();
    http.expectNone('/api/v1/evidence/ev-1');

    button('Delete').click();
    await fixture.whenStable();
    button('Delete file').click();
    await fixture.whenStable();
    const request = http.expectOne('/api/v1/evidence/ev-1');
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(element.querySelectorAll('li.record')).toHaveLength(0);
    expect(changes).toEqual([[]]);
  });

  it('downloads through HttpClient (with the access token) and saves the blob', async () => {
    const createObjectURL = jest.fn().mockReturnValue('blob:evidence');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    await create();

    const link = element.querySelector('li.record a') as HTMLAnchorElement;
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    click.mockClear();
    link.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    const request = http.expectOne('/api/v1/evidence/ev-1');
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['%PDF-1.7'], { type: 'application/pdf' }));
    await fixture.whenStable();
    expect(createObjectURL).toHaveBeenCalled();
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });

  it('shows why a delete was refused', async () => {
    await create();
    button('Delete').click();
    await fixture.whenStable();
    button('Delete file').click();
    await fixture.whenStable();
    http.expectOne('/api/v1/evidence/ev-1').flush(
      {
        statusCode: 403,
        error: 'Forbidden',
        message: ['the CE activity was reviewed; only a manager may delete its evidence now'],
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await fixture.whenStable();
    const refusal = element.querySelector('li.record [role="alert"]')?.textContent ?? '';
    expect(refusal).toMatch(
      /^Could not delete the file: the CE activity was reviewed; only a manager may delete its evidence now\.$/i,
    );
    expect(element.querySelectorAll('li.record')).toHaveLength(1);
  });

  it('writes sizes for people', () => {
    expect([0, 820, 1024, 182_400, 10 * 1024 * 1024, 1_300_000].map(formatBytes)).toEqual([
      '0 bytes',
      '820 bytes',
      '1 KB',
      '178.1 KB',
      '10 MB',
      '1.2 MB',
    ]);
  });
});
