import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { bearer, caller, createDepartment, type DepartmentFixture } from './fixtures';
import { auditOf, countRows, daysFromToday, insertCredentialType } from './member-records';
import { createTestApp, type TestApp } from './test-app';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
const MAX_BYTES = 10 * 1024 * 1024;

function pdf(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.fontSize(18).text(text);
    doc.end();
  });
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** supertest hands binary bodies over as a Buffer with this parser. */
function binaryParser(
  response: unknown,
  callback: (error: Error | null, body: Buffer) => void,
): void {
  const res = response as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('evidence files', () => {
  let t: TestApp;
  let dept: DepartmentFixture;
  let other: DepartmentFixture;
  let staffCredential: string;
  let otherCredential: string;
  let staffActivity: string;
  let certificate: Buffer;

  const upload = (
    token: string,
    path: string,
    content: Buffer,
    filename: string,
    contentType = 'application/pdf',
  ) => t.http().post(path).set(bearer(token)).attach('file', content, { filename, contentType });
  const download = (token: string, id: string) =>
    t.http().get(`/api/v1/evidence/${id}`).set(bearer(token)).buffer(true).parse(binaryParser);
  const largeObjects = async () =>
    Number((await t.dataSource.query(`SELECT count(*) FROM pg_largeobject_metadata`))[0].count);
  const contentOid = async (id: string) =>
    Number(
      (await t.dataSource.query(`SELECT content_oid FROM evidence_file WHERE id = $1`, [id]))[0]
        .content_oid,
    );
  const largeObjectExists = async (oid: number) =>
    (await t.dataSource.query(`SELECT 1 FROM pg_largeobject_metadata WHERE oid = $1`, [oid]))
      .length > 0;

  beforeAll(async () => {
    t = await createTestApp();
    dept = await createDepartment(t, 'ev');
    other = await createDepartment(t, 'ev-other');
    const rhia = await insertCredentialType(t, dept.departmentId, 'RHIA');
    const add = async (staffId: string) =>
      (
        await caller(t, dept.tokens.manager)
          .post(`/api/v1/staff/${staffId}/credentials`, {
            credentialTypeId: rhia,
            issuedOn: '2024-07-01',
            expiresOn: daysFromToday(300),
          })
          .expect(201)
      ).body.id as string;
    staffCredential = await add(dept.staffStaffId);
    otherCredential = await add(dept.otherStaffId);
    staffActivity = (
      await caller(t, dept.tokens.staff)
        .post(`/api/v1/staff/${dept.staffStaffId}/ce-activities`, {
          title: 'Coding Clinic',
          provider: 'AHIMA',
          completedOn: daysFromToday(-5),
          hours: 1.5,
        })
        .expect(201)
    ).body.id;
    certificate = await pdf('Certificate of completion: RHIA, Sam Staff');
  });
  afterAll(() => t.close());

  it('stores a real PDF for the owner and gives it back byte for byte, as an attachment', async () => {
    const name = 'Zertifikat "RHIA" Müller 2026.pdf';
    const res = await upload(
      dept.tokens.staff,
      `/api/v1/credentials/${staffCredential}/evidence`,
      certificate,
      name,
    ).expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      ownerKind: 'credential',
      ownerId: staffCredential,
      staffId: dept.staffStaffId,
      originalName: 'Zertifikat _RHIA_ Müller 2026.pdf',
      contentType: 'application/pdf',
      sizeBytes: certificate.length,
      sha256: sha256(certificate),
      uploadedByUserId: expect.any(String),
      uploadedAt: expect.any(String),
      canDelete: true,
    });

    const file = await download(dept.tokens.staff, res.body.id).expect(200);
    expect(sha256(file.body)).toBe(sha256(certificate));
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-length']).toBe(String(certificate.length));
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    const disposition: string = file.headers['content-disposition'];
    expect(disposition).toMatch(
      /^attachment; filename="Zertifikat _RHIA_ M_ller 2026\.pdf"; filename\*=UTF-8''/,
    );
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe(
      'Zertifikat _RHIA_ Müller 2026.pdf',
    );

    // Managers and admins of the department read it too; the list has its metadata.
    await download(dept.tokens.manager, res.body.id).expect(200);
    const list = await caller(t, dept.tokens.admin)
      .get(`/api/v1/credentials/${staffCredential}/evidence`)
      .expect(200);
    expect(list.body).toEqual({ items: [{ ...res.body, canDelete: true }], total: 1 });
  });

  it('recognises files by their content: a PNG called .pdf is a PNG; JPEG goes to a CE activity', async () => {
    const png = await upload(
      dept.tokens.staff,
      `/api/v1/credentials/${staffCredential}/evidence`,
      PNG,
      'scan.pdf',
    ).expect(201);
    expect(png.body).toMatchObject({
      contentType: 'image/png',
      originalName: 'scan.pdf',
      sizeBytes: PNG.length,
    });
    const pngFile = await download(dept.tokens.staff, png.body.id).expect(200);
    expect(pngFile.headers['content-type']).toBe('image/png');
    expect(pngFile.headers['content-disposition']).toContain('filename="scan.pdf.png"');
    expect(pngFile.body.equals(PNG)).toBe(true);

    const jpeg = await upload(
      dept.tokens.staff,
      `/api/v1/ce-activities/${staffActivity}/evidence`,
      JPEG,
      '../../etc/attendance.jpg',
      'image/jpeg',
    ).expect(201);
    expect(jpeg.body).toMatchObject({
      ownerKind: 'ce-activity',
      ownerId: staffActivity,
      contentType: 'image/jpeg',
      originalName: 'attendance.jpg',
    });
    expect(sha256((await download(dept.tokens.staff, jpeg.body.id).expect(200)).body)).toBe(
      sha256(JPEG),
    );
  });

  it('refuses what is not a PDF, PNG or JPEG, an empty file, a missing one, with 400 naming file; too large with 413', async () => {
    const rows = await countRows(t, 'evidence_file');
    const objects = await largeObjects();
    const path = `/api/v1/credentials/${staffCredential}/evidence`;

    const text = await upload(
      dept.tokens.staff,
      path,
      Buffer.from('I promise this is a certificate'),
      'certificate.pdf',
    ).expect(400);
    expect(text.body.message).toEqual([expect.stringMatching(/^file must be a PDF, PNG or JPEG/)]);
    const empty = await upload(dept.tokens.staff, path, Buffer.alloc(0), 'empty.pdf').expect(400);
    expect(empty.body.message).toEqual(['file is empty']);
    const missing = await caller(t, dept.tokens.staff).post(path, {}).expect(400);
    expect(missing.body.message[0]).toMatch(/^file is required/);
    const wrongField = await t
      .http()
      .post(path)
      .set(bearer(dept.tokens.staff))
      .attach('document', certificate, 'c.pdf')
      .expect(400);
    expect(wrongField.body.message[0]).toMatch(/^document is not accepted.*"file"/);
    const extraField = await t
      .http()
      .post(path)
      .set(bearer(dept.tokens.staff))
      .field('note', 'x')
      .attach('file', certificate, 'c.pdf')
      .expect(400);
    expect(extraField.body.message[0]).toMatch(/^note is not accepted/);

    const justOver = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.alloc(MAX_BYTES + 1 - 9, 0x20),
    ]);
    const tooLarge = await upload(dept.tokens.staff, path, justOver, 'big.pdf').expect(413);
    expect(tooLarge.body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: ['file must be at most 10 MB (10485760 bytes)'],
    });
    // 50 MB: reading stops at the limit; the rest is discarded, and the client still gets the answer.
    const huge = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(50 * 1024 * 1024, 0x20)]);
    const hugeRes = await upload(dept.tokens.staff, path, huge, 'huge.pdf').expect(413);
    expect(hugeRes.body.message[0]).toMatch(/^file must be at most/);
    // Exactly the limit is fine.
    const atLimit = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_BYTES - 9, 0x20)]);
    const ok = await upload(dept.tokens.manager, path, atLimit, 'limit.pdf').expect(201);
    expect(ok.body.sizeBytes).toBe(MAX_BYTES);
    await caller(t, dept.tokens.manager).delete(`/api/v1/evidence/${ok.body.id}`).expect(204);

    expect(await countRows(t, 'evidence_file')).toBe(rows);
    expect(await largeObjects()).toBe(objects);
    await t.http().post(path).attach('file', certificate, 'c.pdf').expect(401);
  });

  it("hides another member's evidence from staff and every department's from the others (404)", async () => {
    const managerUpload = await upload(
      dept.tokens.manager,
      `/api/v1/credentials/${otherCredential}/evidence`,
      certificate,
      'olga.pdf',
    ).expect(201);
    const id = managerUpload.body.id;

    await download(dept.tokens.staff, id).expect(404);
    await caller(t, dept.tokens.staff)
      .get(`/api/v1/credentials/${otherCredential}/evidence`)
      .expect(404);
    await upload(
      dept.tokens.staff,
      `/api/v1/credentials/${otherCredential}/evidence`,
      certificate,
      'mine.pdf',
    ).expect(404);
    // Even a file that would be refused: 404 comes first, so nothing is learnt about the record.
    await upload(
      dept.tokens.staff,
      `/api/v1/credentials/${otherCredential}/evidence`,
      Buffer.from('not a pdf'),
      'x.pdf',
    ).expect(404);
    await caller(t, dept.tokens.staff).delete(`/api/v1/evidence/${id}`).expect(404);

    for (const token of [other.tokens.admin, other.tokens.manager, other.tokens.staff]) {
      await download(token, id).expect(404);
      await caller(t, token).get(`/api/v1/credentials/${otherCredential}/evidence`).expect(404);
      await caller(t, token).get(`/api/v1/ce-activities/${staffActivity}/evidence`).expect(404);
      await upload(
        token,
        `/api/v1/credentials/${otherCredential}/evidence`,
        certificate,
        'x.pdf',
      ).expect(404);
      await caller(t, token).delete(`/api/v1/evidence/${id}`).expect(404);
    }
    await download(dept.tokens.admin, id).expect(200);
    await caller(t, dept.tokens.admin)
      .get('/api/v1/evidence/00000000-0000-4000-8000-000000000000')
      .expect(404);
    await caller(t, dept.tokens.admin).get('/api/v1/evidence/not-a-uuid').expect(400);
  });

  it('flips hasEvidence on credentials and CE activities, in lists and single reads', async () => {
    const credentialNow = async () =>
      (await caller(t, dept.tokens.staff).get(`/api/v1/credentials/${staffCredential}`).expect(200))
        .body.hasEvidence;
    const activityNow = async () =>
      (await caller(t, dept.tokens.staff).get(`/api/v1/ce-activities/${staffActivity}`).expect(200))
        .body.hasEvidence;

    const activity = await caller(t, dept.tokens.staff)
      .post(`/api/v1/staff/${dept.staffStaffId}/ce-activities`, {
        title: 'Privacy webinar',
        provider: 'AHIMA',
        completedOn: daysFromToday(-3),
        hours: 1,
      })
      .expect(201);
    expect(activity.body.hasEvidence).toBe(false);
    const file = await upload(
      dept.tokens.staff,
      `/api/v1/ce-activities/${activity.body.id}/evidence`,
      certificate,
      'webinar.pdf',
    ).expect(201);
    const list = await caller(t, dept.tokens.staff)
      .get(`/api/v1/staff/${dept.staffStaffId}/ce-activities`)
      .expect(200);
    const flags = Object.fromEntries(
      list.body.items.map((a: { id: string; hasEvidence: boolean }) => [a.id, a.hasEvidence]),
    );
    expect(flags[activity.body.id]).toBe(true);
    expect(await activityNow()).toBe(true); // the JPEG of the earlier test
    const queue = await caller(t, dept.tokens.manager).get('/api/v1/ce-activities').expect(200);
    expect(
      queue.body.items.find((a: { id: string }) => a.id === activity.body.id).hasEvidence,
    ).toBe(true);

    expect(await credentialNow()).toBe(true);
    const credentials = await caller(t, dept.tokens.manager)
      .get(`/api/v1/staff/${dept.otherStaffId}/credentials`)
      .expect(200);
    expect(credentials.body.items[0].hasEvidence).toBe(true);

    await caller(t, dept.tokens.staff).delete(`/api/v1/evidence/${file.body.id}`).expect(204);
    const again = await caller(t, dept.tokens.staff)
      .get(`/api/v1/ce-activities/${activity.body.id}`)
      .expect(200);
    expect(again.body.hasEvidence).toBe(false);
    // A new credential has none.
    const fresh = await caller(t, dept.tokens.staff)
      .get(`/api/v1/staff/${dept.staffStaffId}/credentials`)
      .expect(200);
    expect(fresh.body.items.map((c: { hasEvidence: boolean }) => c.hasEvidence)).toEqual([true]);
  });

  it('deletes the content with the row, and writes the metadata (never the content) to the audit trail', async () => {
    const res = await upload(
      dept.tokens.staff,
      `/api/v1/ce-activities/${staffActivity}/evidence`,
      certificate,
      'to-delete.pdf',
    ).expect(201);
    const oid = await contentOid(res.body.id);
    expect(await largeObjectExists(oid)).toBe(true);

    await caller(t, dept.tokens.staff).delete(`/api/v1/evidence/${res.body.id}`).expect(204);
    expect(await largeObjectExists(oid)).toBe(false);
    await download(dept.tokens.staff, res.body.id).expect(404);
    await caller(t, dept.tokens.staff).delete(`/api/v1/evidence/${res.body.id}`).expect(404);

    const audit = await auditOf(t, res.body.id);
    expect(audit.map((e) => [e.action, e.entity, e.user_email])).toEqual([
      ['create', 'evidence_file', dept.emails.staff],
      ['delete', 'evidence_file', dept.emails.staff],
    ]);
    const metadata = { ...res.body };
    delete metadata.canDelete;
    expect(audit[0].after).toEqual(metadata);
    expect(audit[1].before).toEqual(metadata);
    expect(JSON.stringify(audit).length).toBeLessThan(2000);
  });

  it('lets the member delete their own upload only until the record is reviewed; managers any', async () => {
    const path = `/api/v1/ce-activities/${staffActivity}/evidence`;
    const own = await upload(dept.tokens.staff, path, certificate, 'mine.pdf').expect(201);
    const managers = await upload(dept.tokens.manager, path, PNG, 'managers.png').expect(201);
    const listed = await caller(t, dept.tokens.staff).get(path).expect(200);
    const canDelete = Object.fromEntries(
      listed.body.items.map((f: { id: string; canDelete: boolean }) => [f.id, f.canDelete]),
    );
    expect(canDelete[own.body.id]).toBe(true);
    expect(canDelete[managers.body.id]).toBe(false);
    await caller(t, dept.tokens.staff).delete(`/api/v1/evidence/${managers.body.id}`).expect(403);

    const activity = await caller(t, dept.tokens.manager)
      .get(`/api/v1/ce-activities/${staffActivity}`)
      .expect(200);
    await caller(t, dept.tokens.manager)
      .post(`/api/v1/ce-activities/${staffActivity}/review`, {
        status: 'approved',
        version: activity.body.version,
      })
      .expect(200);
    const refused = await caller(t, dept.tokens.staff)
      .delete(`/api/v1/evidence/${own.body.id}`)
      .expect(403);
    expect(refused.body.message[0]).toMatch(/reviewed; only a manager/);
    // Adding more after review is fine; the reviewer's document stays.
    await upload(dept.tokens.staff, path, JPEG, 'more.jpg', 'image/jpeg').expect(201);
    await caller(t, dept.tokens.manager).delete(`/api/v1/evidence/${own.body.id}`).expect(204);
    await caller(t, dept.tokens.admin).delete(`/api/v1/evidence/${managers.body.id}`).expect(204);
  });

  it('removes the content when its CE activity or department is deleted (no orphaned objects)', async () => {
    const activity = await caller(t, dept.tokens.staff)
      .post(`/api/v1/staff/${dept.staffStaffId}/ce-activities`, {
        title: 'Logged by mistake',
        provider: 'AHIMA',
        completedOn: daysFromToday(-1),
        hours: 1,
      })
      .expect(201);
    const file = await upload(
      dept.tokens.staff,
      `/api/v1/ce-activities/${activity.body.id}/evidence`,
      certificate,
      'oops.pdf',
    ).expect(201);
    const oid = await contentOid(file.body.id);
    await caller(t, dept.tokens.staff)
      .delete(`/api/v1/ce-activities/${activity.body.id}`)
      .expect(204);
    expect(await largeObjectExists(oid)).toBe(false);

    const rhia = await insertCredentialType(t, other.departmentId, 'RHIA');
    const credential = await caller(t, other.tokens.manager)
      .post(`/api/v1/staff/${other.staffStaffId}/credentials`, {
        credentialTypeId: rhia,
        issuedOn: '2024-07-01',
      })
      .expect(201);
    const otherFile = await upload(
      other.tokens.staff,
      `/api/v1/credentials/${credential.body.id}/evidence`,
      PNG,
      'p.png',
      'image/png',
    ).expect(201);
    const otherOid = await contentOid(otherFile.body.id);
    await t.dataSource.query(`DELETE FROM department WHERE id = $1`, [other.departmentId]);
    expect(await largeObjectExists(otherOid)).toBe(false);
    const orphans = await t.dataSource.query(
      `SELECT oid FROM pg_largeobject_metadata WHERE oid NOT IN (SELECT content_oid FROM evidence_file)`,
    );
    expect(orphans).toEqual([]);
  });
});
