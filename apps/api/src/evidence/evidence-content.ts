import type { EvidenceContentType } from '@him/contracts';

/**
 * What a file is, decided by its first bytes (its magic number), never by its name or the
 * type the client claims: a PNG called `scan.pdf` is a PNG, a text file called `scan.pdf`
 * is refused.
 */
const SIGNATURES: { type: EvidenceContentType; magic: Buffer }[] = [
  { type: 'application/pdf', magic: Buffer.from('%PDF-', 'latin1') },
  { type: 'image/png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
];

export function sniffContentType(content: Buffer): EvidenceContentType | null {
  const match = SIGNATURES.find(
    ({ magic }) =>
      content.length >= magic.length && content.subarray(0, magic.length).equals(magic),
  );
  return match?.type ?? null;
}

const EXTENSIONS: Record<EvidenceContentType, string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
};

const MAX_NAME_LENGTH = 200;

/**
 * The name to keep: the last path segment of what the client sent, NFC, without control,
 * format (bidirectional overrides) or separator characters, at most 200 characters, never
 * empty. It is shown and offered as the download name, so it must be harmless in both.
 */
export function sanitizeFileName(raw: string | undefined, type: EvidenceContentType): string {
  const lastSegment = (raw ?? '').split(/[/\\]/).pop() ?? '';
  let name = lastSegment
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/["*:<>?|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if ([...name].length > MAX_NAME_LENGTH) {
    const extension = /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? '';
    name =
      [...name]
        .slice(0, MAX_NAME_LENGTH - extension.length)
        .join('')
        .trimEnd() + extension;
  }
  return name === '' ? `evidence${EXTENSIONS[type][0]}` : name;
}

/** The download name: the kept name, with the extension of what the file really is when it differs. */
export function downloadFileName(name: string, type: EvidenceContentType): string {
  const lower = name.toLowerCase();
  return EXTENSIONS[type].some((extension) => lower.endsWith(extension))
    ? name
    : `${name}${EXTENSIONS[type][0]}`;
}

/**
 * RFC 6266 / RFC 8187: `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>`.
 */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** "10 MB" for the messages that name the limit. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
