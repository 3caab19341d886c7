import {
  attachmentDisposition,
  describeBytes,
  downloadFileName,
  sanitizeFileName,
  sniffContentType,
} from './evidence-content';

describe('evidence content', () => {
  it('recognises PDF, PNG and JPEG by their first bytes only', () => {
    expect(sniffContentType(Buffer.from('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffContentType(Buffer.from('%PDF'))).toBeNull();
    expect(sniffContentType(Buffer.from('hello.pdf'))).toBeNull();
    expect(sniffContentType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffContentType(Buffer.alloc(0))).toBeNull();
  });

  it('keeps a harmless file name: last path segment, no control or bidi characters, bounded', () => {
    expect(sanitizeFileName('C:\\Users\\me\\RHIA cert.pdf', 'application/pdf')).toBe(
      'RHIA cert.pdf',
    );
    expect(sanitizeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd');
    expect(sanitizeFileName('evil\u202Efdp.exe', 'application/pdf')).toBe('evilfdp.exe');
    expect(sanitizeFileName('a\r\nb\t"c".pdf', 'application/pdf')).toBe('ab_c_.pdf');
    expect(sanitizeFileName('  ...hidden.png ', 'image/png')).toBe('hidden.png');
    expect(sanitizeFileName('', 'image/jpeg')).toBe('evidence.jpg');
    expect(sanitizeFileName(undefined, 'application/pdf')).toBe('evidence.pdf');
    const long = sanitizeFileName(`${'é'.repeat(300)}.pdf`, 'application/pdf');
    expect([...long]).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
    expect(sanitizeFileName('Mu\u0308ller.pdf', 'application/pdf')).toBe('Müller.pdf');
  });

  it('downloads under the extension of what the file is', () => {
    expect(downloadFileName('scan.pdf', 'image/png')).toBe('scan.pdf.png');
    expect(downloadFileName('scan.JPEG', 'image/jpeg')).toBe('scan.JPEG');
    expect(downloadFileName('cert.pdf', 'application/pdf')).toBe('cert.pdf');
  });

  it('offers an ASCII name and the exact UTF-8 name (RFC 6266, RFC 8187)', () => {
    expect(attachmentDisposition("Zertifikat Müller (1) 100%'s.pdf")).toBe(
      `attachment; filename="Zertifikat M_ller (1) 100_'s.pdf"; filename*=UTF-8''Zertifikat%20M%C3%BCller%20%281%29%20100%25%27s.pdf`,
    );
  });

  it('names sizes the way the limit message does', () => {
    expect(describeBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(describeBytes(512 * 1024)).toBe('512 KB');
    expect(describeBytes(1000)).toBe('1000 bytes');
  });
});
