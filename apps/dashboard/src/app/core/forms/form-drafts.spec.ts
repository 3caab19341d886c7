import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup } from '@angular/forms';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { storeSession, testUser } from '../../../testing/auth-session';
import { AuthService } from '../auth/auth.service';
import { draftKey } from './draft-storage';
import { DRAFT_RESTORED_MESSAGE, FormDrafts, keepDraft, type KeptDraft } from './form-drafts';

function setUp(): void {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
}

function stored(userId: string, formId: string): unknown {
  return JSON.parse(sessionStorage.getItem(draftKey(userId, formId)) ?? 'null');
}

describe('FormDrafts', () => {
  beforeEach(() => {
    sessionStorage.clear();
    storeSession(testUser('staff'));
    setUp();
  });

  it('saves a draft under the signed-in user and the form, and takes it once', () => {
    const drafts = TestBed.inject(FormDrafts);

    drafts.save('ce-activity.staff-1', { title: 'Coding update' });

    expect(stored('user-staff', 'ce-activity.staff-1')).toEqual({ title: 'Coding update' });
    expect(drafts.take('ce-activity.staff-1')).toEqual({ title: 'Coding update' });
    expect(drafts.take('ce-activity.staff-1')).toBeNull();
    expect(sessionStorage.getItem(draftKey('user-staff', 'ce-activity.staff-1'))).toBeNull();
  });

  it('discards a draft', () => {
    const drafts = TestBed.inject(FormDrafts);
    drafts.save('form-a', { a: 1 });
    drafts.save('form-b', { b: 2 });

    drafts.discard('form-a');

    expect(drafts.take('form-a')).toBeNull();
    expect(drafts.take('form-b')).toEqual({ b: 2 });
  });

  it("never shows one user's draft to another", () => {
    sessionStorage.setItem(draftKey('user-manager', 'form-a'), JSON.stringify({ a: 'theirs' }));

    expect(TestBed.inject(FormDrafts).take('form-a')).toBeNull();
    expect(stored('user-manager', 'form-a')).toEqual({ a: 'theirs' });
  });

  it('keeps and finds nothing without a signed-in user', () => {
    TestBed.inject(AuthService).clearSession();
    const drafts = TestBed.inject(FormDrafts);

    drafts.save('form-a', { a: 1 });

    expect(Object.keys(sessionStorage).filter((key) => key.startsWith('him.draft.'))).toEqual([]);
    expect(drafts.take('form-a')).toBeNull();
  });

  it('ignores an unreadable draft', () => {
    sessionStorage.setItem(draftKey('user-staff', 'form-a'), '{not json');

    expect(TestBed.inject(FormDrafts).take('form-a')).toBeNull();
  });

  it("forgets all of the user's drafts, and only theirs, on logout", () => {
    jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const drafts = TestBed.inject(FormDrafts);
    drafts.save('form-a', { a: 1 });
    drafts.save('form-b', { b: 2 });
    sessionStorage.setItem(draftKey('user-manager', 'form-a'), JSON.stringify({ a: 'theirs' }));

    TestBed.inject(AuthService).logout();

    expect(sessionStorage.getItem(draftKey('user-staff', 'form-a'))).toBeNull();
    expect(sessionStorage.getItem(draftKey('user-staff', 'form-b'))).toBeNull();
    expect(stored('user-manager', 'form-a')).toEqual({ a: 'theirs' });
  });
});

@Component({
  selector: 'him-draft-host',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class DraftHost {
  readonly form = new FormGroup({
    title: new FormControl('', { nonNullable: true }),
    hours: new FormControl<number | null>(null),
    tags: new FormControl<string[]>([], { nonNullable: true }),
    password: new FormControl('', { nonNullable: true }),
    attachment: new FormControl<File | null>(null),
    locked: new FormControl({ value: 'fixed', disabled: true }, { nonNullable: true }),
  });
  readonly draft: KeptDraft = keepDraft(this.form, 'host-form', inject(DestroyRef));
}

describe('keepDraft', () => {
  function expireSession(): void {
    TestBed.inject(AuthService).endExpiredSession();
  }

  function signInAgain(): void {
    storeSession(testUser('staff'));
    TestBed.resetTestingModule();
    setUp();
  }

  beforeEach(() => {
    sessionStorage.clear();
    storeSession(testUser('staff'));
    setUp();
  });

  afterEach(() => document.querySelector('.cdk-overlay-container')?.replaceChildren());

  it('saves what was typed when the session expires, without passwords, files or disabled fields', () => {
    const host = TestBed.createComponent(DraftHost).componentInstance;
    host.form.patchValue({
      title: 'Coding update',
      hours: 1.5,
      tags: ['coding'],
      password: 'hunter2',
      attachment: new File(['x'], 'certificate.pdf'),
    });
    host.form.markAsDirty();

    expireSession();

    expect(stored('user-staff', 'host-form')).toEqual({
      title: 'Coding update',
      hours: 1.5,
      tags: ['coding'],
    });
    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(false);
  });

  it('saves nothing for an untouched form', () => {
    TestBed.createComponent(DraftHost);

    expireSession();

    expect(sessionStorage.getItem(draftKey('user-staff', 'host-form'))).toBeNull();
  });

  it('no longer listens once the form is gone', () => {
    const fixture = TestBed.createComponent(DraftHost);
    fixture.componentInstance.form.controls.title.setValue('Coding update');
    fixture.componentInstance.form.markAsDirty();
    fixture.destroy();

    expireSession();

    expect(sessionStorage.getItem(draftKey('user-staff', 'host-form'))).toBeNull();
  });

  it('restores the draft into a new form, marked dirty, with a polite note', () => {
    const first = TestBed.createComponent(DraftHost).componentInstance;
    first.form.patchValue({ title: 'Coding update', hours: 2, tags: ['coding'] });
    first.form.markAsDirty();
    expireSession();
    signInAgain();

    const fixture = TestBed.createComponent(DraftHost);
    const host = fixture.componentInstance;

    expect(host.form.getRawValue()).toEqual({
      title: 'Coding update',
      hours: 2,
      tags: ['coding'],
      password: '',
      attachment: null,
      locked: 'fixed',
    });
    expect(host.form.dirty).toBe(true);
    expect(host.form.controls.title.dirty).toBe(true);
    expect(host.draft.restored()).toBe(true);
    expect(document.querySelector('mat-snack-bar-container')?.textContent).toContain(
      DRAFT_RESTORED_MESSAGE,
    );
    // Taken: a third visit starts empty.
    expect(sessionStorage.getItem(draftKey('user-staff', 'host-form'))).toBeNull();
  });

  it('starts empty and quiet without a draft', () => {
    const host = TestBed.createComponent(DraftHost).componentInstance;

    expect(host.form.dirty).toBe(false);
    expect(host.draft.restored()).toBe(false);
    expect(document.querySelector('mat-snack-bar-container')).toBeNull();
  });

  it('forgets the draft after a successful submit', () => {
    TestBed.inject(FormDrafts).save('host-form', { title: 'Coding update' });
    const host = TestBed.createComponent(DraftHost).componentInstance;
    host.form.controls.title.setValue('Coding update, edited');
    // A second expiry saves again; the submit then forgets it.
    expireSession();
    signInAgain();
    const again = TestBed.createComponent(DraftHost).componentInstance;
    expect(again.form.controls.title.value).toBe('Coding update, edited');

    again.draft.discard();
    again.form.reset();

    expect(sessionStorage.getItem(draftKey('user-staff', 'host-form'))).toBeNull();
  });
});
