import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import { type FormField, serverFormErrors, showServerErrors } from './form-errors';

const FIELDS: Record<string, FormField> = {
  hours: { label: 'Hours' },
  issuedOn: { label: 'Issued on' },
  expiresOn: { label: 'Expires on' },
  credentialIds: { label: 'For which credentials' },
  'verification.verifiedOn': { label: 'Verified on', control: 'verifiedOn' },
};

function apiError(status: number, message: string[] | string = []): HttpErrorResponse {
  return new HttpErrorResponse({
    status,
    error: { statusCode: status, error: 'Error', message },
  });
}

describe('serverFormErrors', () => {
  it('puts a 400 line at the field it starts with, without repeating the field name', () => {
    const errors = serverFormErrors(
      apiError(400, ['hours must not be less than 0.01']),
      FIELDS,
      'log the activity',
    );

    expect(errors).toEqual({
      fields: { hours: 'Must not be less than 0.01.' },
      general: [],
      staleVersion: false,
    });
  });

  it('understands "field: …", indexed and nested paths, and names other fields by their labels', () => {
    const errors = serverFormErrors(
      apiError(400, [
        'expiresOn: must be on or after issuedOn',
        'credentialIds.1 must be a credential of this staff member',
        'verification.verifiedOn must not be in the future (today is 2026-05-31)',
      ]),
      FIELDS,
      'save',
    );

    expect(errors.fields).toEqual({
      expiresOn: 'Must be on or after issued on.',
      credentialIds: 'Must be a credential of this staff member.',
      verifiedOn: 'Must not be in the future (today is 2026-05-31)',
    });
  });

  it('puts lines that name no field of the form above it', () => {
    const errors = serverFormErrors(
      apiError(400, ['property colour should not exist', 'hoursx is wrong']),
      FIELDS,
      'save',
    );

    expect(errors.fields).toEqual({});
    expect(errors.general).toEqual(['Property colour should not exist.', 'Hoursx is wrong.']);
  });

  it('recognises a stale version (409) and asks for a reload', () => {
    const errors = serverFormErrors(
      apiError(409, [
        'version: credential was changed by someone else (you sent version 1, it is now 2); reload and try again',
      ]),
      FIELDS,
      'save the changes',
    );

    expect(errors.staleVersion).toBe(true);
    expect(errors.general[0]).toContain('Reload to see the latest version');
  });

  it.each<[number, string]>([
    [0, 'Could not save: the server could not be reached. Check your connection and try again.'],
    [403, 'Could not save: your account is not allowed to.'],
    [404, 'Could not save: the record no longer exists or you may not see it. Reload the page.'],
    [500, 'Could not save: the server had a problem (error 500). Try again in a moment.'],
  ])('explains a %s answer above the form', (status, message) => {
    expect(serverFormErrors(apiError(status), FIELDS, 'save').general).toEqual([message]);
  });
});

describe('showServerErrors', () => {
  it('sets each field sentence as a "server" error on its control and returns the rest', () => {
    const form = new FormGroup({ hours: new FormControl(0.001) });

    const general = showServerErrors(form, {
      fields: { hours: 'Must not be less than 0.01.', verifiedOn: 'Must not be in the future.' },
      general: ['Try later.'],
      staleVersion: false,
    });

    expect(form.controls.hours.getError('server')).toBe('Must not be less than 0.01.');
    expect(form.controls.hours.touched).toBe(true);
    expect(general).toEqual(['Try later.', 'Must not be in the future.']);

    form.controls.hours.setValue(1);
    expect(form.controls.hours.hasError('server')).toBe(false);
  });
});
