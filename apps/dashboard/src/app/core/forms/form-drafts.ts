import {
  assertInInjectionContext,
  type DestroyRef,
  inject,
  Injectable,
  Injector,
  type Signal,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AbstractControl, FormGroup } from '@angular/forms';
import { MatSnackBar } from '@angular/material/snack-bar';
import { AuthService } from '../auth/auth.service';
import { draftKey, removeDraftsOf } from './draft-storage';

export const DRAFT_RESTORED_MESSAGE = 'Restored what you typed before your session ended.';

/** Control names never written to storage, whatever the form (`omit` adds to these). */
const NEVER_KEPT = /password|passcode|secret/i;

/**
 * Unsent form values kept across an expired session, in sessionStorage (this tab only) under
 * a key naming the signed-in user and the form. Without a signed-in user nothing is kept or
 * found, so one person's draft never shows up for another.
 */
@Injectable({ providedIn: 'root' })
export class FormDrafts {
  private readonly auth = inject(AuthService);

  save(formId: string, value: unknown): void {
    const key = this.key(formId);
    if (!key) {
      return;
    }
    try {
      sessionStorage.setItem(key, JSON.stringify(value));
    } catch {
      // No storage (privacy settings, quota): the draft is lost, as it was before.
    }
  }

  /** The saved draft, removed from storage; null when there is none or it is unreadable. */
  take<T = unknown>(formId: string): T | null {
    const key = this.key(formId);
    if (!key) {
      return null;
    }
    try {
      const stored = sessionStorage.getItem(key);
      sessionStorage.removeItem(key);
      return stored === null ? null : (JSON.parse(stored) as T);
    } catch {
      return null;
    }
  }

  discard(formId: string): void {
    const key = this.key(formId);
    if (!key) {
      return;
    }
    try {
      sessionStorage.removeItem(key);
    } catch {
      // Nothing stored without storage.
    }
  }

  /** Every draft of the signed-in user. */
  discardAll(): void {
    const user = this.auth.user();
    if (user) {
      removeDraftsOf(user.id);
    }
  }

  private key(formId: string): string | null {
    const user = this.auth.user();
    return user ? draftKey(user.id, formId) : null;
  }
}

export interface KeepDraftOptions {
  /** For calls outside an injection context (e.g. `ngOnInit`, once inputs are known). */
  injector?: Injector;
  /** Top-level control names never to keep, beyond password-like names and files. */
  omit?: readonly string[];
}

export interface KeptDraft {
  /** Whether the form was filled from a draft when it was created. */
  readonly restored: Signal<boolean>;
  /** Forgets the draft: call after a successful submit. */
  discard(): void;
}

/**
 * Keeps what was typed in `form` when the session expires: the draft saved then (the
 * interceptor's 401, before it signs the user out) is put back into the form the next time it
 * is created for the same user and `formId`, marked dirty, with a short polite note.
 * Passwords and files are never kept; disabled controls keep their own value.
 */
export function keepDraft(
  form: FormGroup,
  formId: string,
  destroyRef: DestroyRef,
  options: KeepDraftOptions = {},
): KeptDraft {
  if (!options.injector) {
    assertInInjectionContext(keepDraft);
  }
  const injector = options.injector ?? inject(Injector);
  const drafts = injector.get(FormDrafts);
  const auth = injector.get(AuthService);
  const omit = new Set(options.omit ?? []);
  const restored = signal(false);

  const draft = drafts.take<Record<string, unknown>>(formId);
  if (draft && typeof draft === 'object' && restoreInto(form, draft)) {
    restored.set(true);
    injector.get(MatSnackBar).open(DRAFT_RESTORED_MESSAGE, undefined, {
      duration: 8000,
      politeness: 'polite',
    });
  }

  auth.sessionExpiring.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => {
    if (form.dirty) {
      drafts.save(formId, keepable(form, omit));
    }
  });

  return {
    restored: restored.asReadonly(),
    discard: () => drafts.discard(formId),
  };
}

/** Patches the draft's fields into the form's enabled controls; true when any was restored. */
function restoreInto(form: FormGroup, draft: Record<string, unknown>): boolean {
  let any = false;
  for (const [name, value] of Object.entries(draft)) {
    const control = form.get(name);
    if (!control || control.disabled || value === undefined || NEVER_KEPT.test(name)) {
      continue;
    }
    try {
      control.patchValue(value);
      control.markAsDirty();
      any = true;
    } catch {
      // A draft from an older shape of the form: skip the field rather than fail the form.
    }
  }
  if (any) {
    form.markAsDirty();
  }
  return any;
}

/** The enabled controls' values, without passwords, files and the names in `omit`. */
function keepable(form: FormGroup, omit: ReadonlySet<string>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [name, control] of Object.entries(form.controls)) {
    if (control.disabled || omit.has(name) || NEVER_KEPT.test(name)) {
      continue;
    }
    const value = plainValue(control);
    if (value !== undefined) {
      kept[name] = value;
    }
  }
  return kept;
}

function plainValue(control: AbstractControl): unknown {
  return withoutFiles(control.value);
}

function withoutFiles(value: unknown): unknown {
  if (isFileLike(value)) {
    return undefined;
  }
  if (Array.isArray(value)) {
    return value.some(isFileLike) ? undefined : value;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const kept: Record<string, unknown> = {};
    for (const [name, inner] of Object.entries(value)) {
      if (NEVER_KEPT.test(name)) {
        continue;
      }
      const plain = withoutFiles(inner);
      if (plain !== undefined) {
        kept[name] = plain;
      }
    }
    return kept;
  }
  return value;
}

function isFileLike(value: unknown): boolean {
  return (
    (typeof Blob !== 'undefined' && value instanceof Blob) ||
    (typeof FileList !== 'undefined' && value instanceof FileList)
  );
}
