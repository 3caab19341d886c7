import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl, FormGroup } from '@angular/forms';

/** A form field as the API names it (`hours`, `verification.verifiedOn`) and as people read it. */
export interface FormField {
  label: string;
  /** the control's name in the form when it differs from the API's field name */
  control?: string;
}

export interface ServerFormErrors {
  /** control name → the sentence to show at that field */
  fields: Record<string, string>;
  /** sentences for above the form (lines that name no field of the form) */
  general: string[];
  /** 409 on `version`: the record changed since it was read; the page should offer a reload */
  staleVersion: boolean;
}

/**
 * What a failed save means for a form. API.md: a 400 answers
 * `{statusCode, error, message: string[]}` whose lines start with the field they are about
 * ("hours must not be less than 0.01", "expiresOn: must be on or after issuedOn"); those go
 * to the field, the rest above the form. A 409 on `version` means someone else changed the
 * record: the user has to reload. `action` completes "Could not …" ("log the activity").
 */
export function serverFormErrors(
  error: unknown,
  fields: Record<string, FormField>,
  action: string,
): ServerFormErrors {
  const result: ServerFormErrors = { fields: {}, general: [], staleVersion: false };
  if (!(error instanceof HttpErrorResponse)) {
    result.general.push(`Could not ${action}. Try again.`);
    return result;
  }
  const lines = messageLines(error);
  switch (error.status) {
    case 0:
      result.general.push(
        `Could not ${action}: the server could not be reached. Check your connection and try again.`,
      );
      return result;
    case 400:
    case 409:
    case 422:
      break;
    case 403:
      result.general.push(
        lines.length > 0
          ? `Could not ${action}: ${lines.map(lowerFirst).join(' ')}`
          : `Could not ${action}: your account is not allowed to.`,
      );
      return result;
    case 404:
      result.general.push(
        `Could not ${action}: the record no longer exists or you may not see it. Reload the page.`,
      );
      return result;
    default:
      result.general.push(
        error.status >= 500
          ? `Could not ${action}: the server had a problem (error ${error.status}). Try again in a moment.`
          : `Could not ${action} (error ${error.status}).`,
      );
      return result;
  }

  const keys = Object.keys(fields).sort((a, b) => b.length - a.length);
  for (const line of lines) {
    if (error.status === 409 && namesField(line, 'version')) {
      result.staleVersion = true;
      result.general.push(
        `Someone else changed this record after you opened it, so your change was not saved. ` +
          `Reload to see the latest version, then make your change again.`,
      );
      continue;
    }
    const key = keys.find((candidate) => namesField(line, candidate));
    if (key === undefined) {
      result.general.push(sentence(line));
      continue;
    }
    const control = fields[key].control ?? key;
    const message = atFieldMessage(line, fields);
    result.fields[control] = result.fields[control]
      ? `${result.fields[control]} ${message}`
      : message;
  }
  if (lines.length === 0) {
    result.general.push(`Could not ${action}: the server refused the request.`);
  }
  return result;
}

/**
 * Shows `errors` on the form: each field's sentence as its `server` error (cleared when the
 * value changes, since validators run again), marked touched so `<mat-error>` appears.
 * Fields without a control in the form go to `general`. Returns the general sentences.
 */
export function showServerErrors(form: FormGroup, errors: ServerFormErrors): string[] {
  const general = [...errors.general];
  for (const [name, message] of Object.entries(errors.fields)) {
    const control: AbstractControl | null = form.get(name);
    if (!control) {
      general.push(message);
      continue;
    }
    control.setErrors({ ...(control.errors ?? {}), server: message });
    control.markAsTouched();
  }
  return general;
}

function messageLines(error: HttpErrorResponse): string[] {
  const body: unknown = error.error;
  if (body && typeof body === 'object' && 'message' in body) {
    const message = (body as { message: unknown }).message;
    if (Array.isArray(message)) {
      return message.filter((line): line is string => typeof line === 'string' && line !== '');
    }
    if (typeof message === 'string' && message !== '') {
      return [message];
    }
  }
  return [];
}

/** The line is about `field`: "field must …", "field: …", "field.0 must …". */
function namesField(line: string, field: string): boolean {
  if (!line.startsWith(field)) {
    return false;
  }
  const next = line.charAt(field.length);
  return next === '' || next === ' ' || next === ':' || next === '.';
}

/**
 * The line without its leading field path, since it is shown under that field's label:
 * "hours must not be less than 0.01" → "Must not be less than 0.01". Other API field names
 * in it read as their labels ("on or after issuedOn" → "on or after issued on").
 */
function atFieldMessage(line: string, fields: Record<string, FormField>): string {
  const rest = line
    .replace(/^\S+/, '')
    .replace(/^[:\s]+/, '')
    .trim();
  if (rest === '') {
    return 'Check this value.';
  }
  let readable = rest;
  for (const [key, field] of Object.entries(fields)) {
    if (!key.includes('.')) {
      readable = readable.replace(new RegExp(`\\b${key}\\b`, 'g'), field.label.toLowerCase());
    }
  }
  return sentence(readable);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?)]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function lowerFirst(text: string): string {
  return sentence(text.charAt(0).toLowerCase() + text.slice(1));
}
