import { credentialStatusInWords, percentInWords, requirementInWords } from '@him/domain';
import { isoTimestampIn, pdfSafeText, slug } from './report-text';

describe('report words', () => {
  const names = {
    skillNames: new Map([['s1', 'ICD-10-CM diagnosis coding']]),
    credentialTypeCodes: new Map([
      ['t1', 'CCS'],
      ['t2', 'CPC'],
    ]),
  };

  it('says a requirement as a person reads it', () => {
    expect(requirementInWords({ kind: 'skill', skillId: 's1', minLevel: 3 }, names)).toBe(
      'ICD-10-CM diagnosis coding at Proficient (3)',
    );
    expect(requirementInWords({ kind: 'credential', anyOf: ['t1', 't2'] }, names)).toBe(
      'CCS or CPC',
    );
  });

  it('says a credential status in words (R10 window counted in days)', () => {
    expect(credentialStatusInWords('expiring', 12)).toBe('expiring in 12 days');
    expect(credentialStatusInWords('expiring', 1)).toBe('expiring in 1 day');
    expect(credentialStatusInWords('expiring', 0)).toBe('expiring today');
    expect(credentialStatusInWords('not-yet-valid', null)).toBe('not yet valid');
    expect(credentialStatusInWords('expired', null)).toBe('expired');
  });

  it('rounds a figure only for display, and says n/a for a figure without a denominator (R8)', () => {
    expect(percentInWords(2 / 3)).toBe('66.7%');
    expect(percentInWords(1)).toBe('100%');
    expect(percentInWords(null)).toBe('n/a');
  });

  it('keeps what Helvetica can draw and replaces the rest', () => {
    expect(pdfSafeText('Miguel Álvarez — “CCS”')).toBe('Miguel Álvarez — “CCS”');
    expect(pdfSafeText('Łukasz Wałęsa')).toBe('Lukasz Walesa');
    expect(pdfSafeText('Zoë 🌟 王')).toBe('Zoë ? ?');
    expect(pdfSafeText('a\r\nb\tc')).toBe('a \nb c');
  });

  it('makes ASCII file-name parts', () => {
    expect(slug('Miguel Álvarez')).toBe('miguel-alvarez');
    expect(slug('Riverside Regional Medical Center — Health Information Management')).toBe(
      'riverside-regional-medical-center-health',
    );
    expect(slug('🌟')).toBe('x');
  });

  it('writes an instant with the department offset', () => {
    const at = new Date('2026-01-15T18:04:05.678Z');
    expect(isoTimestampIn('America/Chicago', at)).toBe('2026-01-15T12:04:05-06:00');
    expect(isoTimestampIn('UTC', at)).toBe('2026-01-15T18:04:05+00:00');
    expect(isoTimestampIn('Asia/Kolkata', at)).toBe('2026-01-15T23:34:05+05:30');
  });
});
