import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { type MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { Department } from '@him/contracts';
import { AdminApi } from '../core/api/admin-api';
import { changedFields } from '../core/forms/changed-fields';
import { DepartmentApi } from '../core/api/department-api';
import type { FormField } from '../core/api/form-errors';
import { createLoader } from '../core/api/loader';
import { LoadStatus } from '../shared/load-status/load-status';
import { fieldError, injectNotify, SaveState } from './admin-support';
import { FormAlert } from './form-alert';

const FIELDS: Record<string, FormField> = {
  name: { label: 'Name' },
  timeZone: { label: 'Time zone' },
  requireVerification: { label: 'Require verification' },
  expiryWarningDays: { label: 'Expiry warning days' },
  reminderLeadDays: { label: 'Reminder lead days' },
  assessmentValidityMonths: { label: 'Competence assessments count for (months)' },
  ssoCreateAccounts: { label: 'Create accounts at a first single sign-on' },
  passwordSignIn: { label: 'Password sign-in' },
  breakGlassUserId: { label: 'Break-glass admin' },
  staffMayAddCredentials: { label: 'Staff may add credentials they earn' },
};

const ENTER = 13;
const COMMA = 188;

/** The department's name, time zone, the R4/R10 settings and how its people sign in. */
@Component({
  selector: 'him-department-settings',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    LoadStatus,
    FormAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>Department settings</h2>
    <him-load-status what="the department settings" [of]="department" />
    @if (department.value()) {
      <form [formGroup]="form" (ngSubmit)="saveSettings()" class="stacked-form" novalidate>
        <him-form-alert
          [messages]="state.generalErrors()"
          [staleVersion]="state.staleVersion()"
          (reload)="department.load()"
        />
        <mat-form-field>
          <mat-label>Department name</mat-label>
          <input matInput formControlName="name" required maxlength="200" />
          @if (err(form.controls.name); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field>
          <mat-label>Time zone</mat-label>
          <input matInput formControlName="timeZone" required autocomplete="off" />
          <mat-hint
            >An IANA time zone such as America/Chicago; it decides what "today" is.</mat-hint
          >
          @if (err(form.controls.timeZone); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>

        <div>
          <mat-slide-toggle formControlName="requireVerification" aria-describedby="r4-explained"
            >Require verification</mat-slide-toggle
          >
          <p id="r4-explained" class="field-hint">
            When on, a credential counts towards readiness only once it has been verified (at the
            primary source or from a copy of the certificate). When off, unverified credentials
            count too.
          </p>
          @if (err(form.controls.requireVerification); as message) {
            <p class="field-error" role="alert">{{ message }}</p>
          }
        </div>

        <mat-form-field>
          <mat-label>Expiry warning (days)</mat-label>
          <input
            matInput
            type="number"
            formControlName="expiryWarningDays"
            required
            min="1"
            max="730"
          />
          <mat-hint>A credential is "expiring" this many days before it expires.</mat-hint>
          @if (err(form.controls.expiryWarningDays); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field>
          <mat-label>Competence assessments count for (months, optional)</mat-label>
          <input
            matInput
            type="number"
            formControlName="assessmentValidityMonths"
            min="1"
            max="600"
            step="1"
          />
          <mat-hint
            >After this many months an assessment no longer counts unless the skill sets its own
            period (Joint Commission: at least every 36). Empty: assessments never lapse.</mat-hint
          >
          @if (
            err(form.controls.assessmentValidityMonths, {
              min: 'Enter at least 1 month.',
              max: 'Enter at most 600 months.',
              pattern: 'Enter a whole number of months.',
            });
            as message
          ) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field>
          <mat-label>Reminder lead days</mat-label>
          <mat-chip-grid #leadDays formControlName="reminderLeadDays">
            @for (days of form.controls.reminderLeadDays.value; track days) {
              <mat-chip-row (removed)="removeLeadDay(days)">
                {{ days }} days
                <button matChipRemove type="button" [attr.aria-label]="'Remove ' + days + ' days'">
                  ✕
                </button>
              </mat-chip-row>
            }
          </mat-chip-grid>
          <!-- Outside the grid: a grid may hold only rows (WCAG: aria-required-children). -->
          <input
            inputmode="numeric"
            aria-label="Add a reminder lead time in days"
            placeholder="Add a number of days"
            [matChipInputFor]="leadDays"
            [matChipInputSeparatorKeyCodes]="separators"
            [matChipInputAddOnBlur]="true"
            (matChipInputTokenEnd)="addLeadDay($event)"
          />
          <mat-hint
            >Reminders go out this many days before a credential expires (1 to 730).</mat-hint
          >
          @if (err(form.controls.reminderLeadDays, leadDayMessages); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>

        <h3>Signing in</h3>
        <div>
          <mat-slide-toggle formControlName="passwordSignIn" aria-describedby="password-explained"
            >Password sign-in</mat-slide-toggle
          >
          <p id="password-explained" class="field-hint">
            When off, everyone signs in through the organization's identity provider (single
            sign-on), except the break-glass admin below, who can still use a password if the
            provider is down.
          </p>
          @if (err(form.controls.passwordSignIn); as message) {
            <p class="field-error" role="alert">{{ message }}</p>
          }
        </div>

        <mat-form-field>
          <mat-label>Break-glass admin</mat-label>
          <mat-select formControlName="breakGlassUserId">
            <mat-option [value]="null">None</mat-option>
            @for (account of admins(); track account.id) {
              <mat-option [value]="account.id">{{ account.email }}</mat-option>
            }
          </mat-select>
          <mat-hint
            >The one admin who may sign in with a password when password sign-in is off.</mat-hint
          >
          @if (err(form.controls.breakGlassUserId); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>

        <div>
          <mat-slide-toggle
            formControlName="ssoCreateAccounts"
            aria-describedby="sso-create-explained"
            >Create accounts at a first single sign-on</mat-slide-toggle
          >
          <p id="sso-create-explained" class="field-hint">
            When on, someone the identity provider signs in who has no account here gets one, with
            the role of their groups and linked to the staff record with their e-mail. When off, an
            admin creates every account first.
          </p>
          @if (err(form.controls.ssoCreateAccounts); as message) {
            <p class="field-error" role="alert">{{ message }}</p>
          }
        </div>

        <h3>Credentials staff earn</h3>
        <div>
          <mat-slide-toggle
            formControlName="staffMayAddCredentials"
            aria-describedby="staff-add-explained"
            >Staff may add credentials they earn</mat-slide-toggle
          >
          <p id="staff-add-explained" class="field-hint">
            When on, staff add a credential they newly earned on My progress; it shows as unverified
            until a manager verifies it. When off, only managers add credentials, and My progress
            tells staff which manager to ask.
          </p>
          @if (err(form.controls.staffMayAddCredentials); as message) {
            <p class="field-error" role="alert">{{ message }}</p>
          }
        </div>

        <div class="form-actions">
          <button mat-flat-button type="submit" [disabled]="state.saving()">
            {{ state.saving() ? 'Saving…' : 'Save settings' }}
          </button>
        </div>
      </form>
    }
  `,
  styleUrls: ['../shared/forms.scss', './admin.scss'],
})
export class DepartmentSettingsPage {
  private readonly departmentApi = inject(DepartmentApi);
  private readonly adminApi = inject(AdminApi);
  private readonly notify = injectNotify();

  protected readonly department = createLoader(
    () => this.departmentApi.getDepartment(),
    'the department settings',
  );
  private readonly users = createLoader(() => this.adminApi.listUsers(), 'the accounts');
  /** The accounts that can be the break-glass admin: active admins. */
  protected readonly admins = computed(() =>
    (this.users.value() ?? []).filter((user) => user.active && user.role === 'admin'),
  );
  protected readonly state = new SaveState();
  protected readonly err = fieldError;
  protected readonly separators = [ENTER, COMMA];
  protected readonly leadDayMessages = {
    required: 'Add at least one number of days.',
    leadDay: 'Enter whole numbers of days from 1 to 730.',
  };

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    timeZone: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    requireVerification: new FormControl(false, { nonNullable: true }),
    staffMayAddCredentials: new FormControl(true, { nonNullable: true }),
    expiryWarningDays: new FormControl<number | null>(null, {
      validators: [Validators.required, Validators.min(1), Validators.max(730)],
    }),
    reminderLeadDays: new FormControl<number[]>([], {
      nonNullable: true,
      validators: [Validators.required],
    }),
    assessmentValidityMonths: new FormControl<number | null>(null, {
      validators: [Validators.min(1), Validators.max(600), Validators.pattern(/^\d+$/)],
    }),
    passwordSignIn: new FormControl(true, { nonNullable: true }),
    breakGlassUserId: new FormControl<string | null>(null),
    ssoCreateAccounts: new FormControl(false, { nonNullable: true }),
  });

  constructor() {
    this.department.load();
    this.users.load();
    effect(() => {
      const loaded = this.department.value();
      if (loaded) {
        this.resetTo(loaded);
      }
    });
  }

  protected addLeadDay(event: MatChipInputEvent): void {
    const text = event.value.trim();
    event.chipInput.clear();
    if (text === '') {
      return;
    }
    const control = this.form.controls.reminderLeadDays;
    const days = Number(text);
    if (!Number.isInteger(days) || days < 1 || days > 730) {
      control.setErrors({ leadDay: true });
      control.markAsTouched();
      return;
    }
    if (!control.value.includes(days)) {
      control.setValue([...control.value, days].sort((a, b) => b - a));
    }
    control.markAsDirty();
  }

  protected removeLeadDay(days: number): void {
    const control = this.form.controls.reminderLeadDays;
    control.setValue(control.value.filter((value) => value !== days));
    control.markAsTouched();
    control.markAsDirty();
  }

  protected saveSettings(): void {
    const before = this.department.value();
    if (!before) {
      return;
    }
    const value = this.form.getRawValue();
    const change = {
      version: before.version,
      ...changedFields(
        {
          name: value.name.trim(),
          timeZone: value.timeZone.trim(),
          requireVerification: value.requireVerification,
          staffMayAddCredentials: value.staffMayAddCredentials,
          expiryWarningDays:
            value.expiryWarningDays === null
              ? before.expiryWarningDays
              : Number(value.expiryWarningDays),
          reminderLeadDays: value.reminderLeadDays,
          assessmentValidityMonths:
            value.assessmentValidityMonths === null || `${value.assessmentValidityMonths}` === ''
              ? null
              : Number(value.assessmentValidityMonths),
          passwordSignIn: value.passwordSignIn,
          breakGlassUserId: value.breakGlassUserId,
          ssoCreateAccounts: value.ssoCreateAccounts,
        },
        before,
      ),
    };
    this.state.save(
      this.form,
      () => this.adminApi.updateDepartment(change),
      FIELDS,
      'save the settings',
      (saved) => {
        this.department.replace(saved);
        this.notify('Department settings saved.');
      },
    );
  }

  private resetTo(department: Department): void {
    this.form.reset({
      name: department.name,
      timeZone: department.timeZone,
      requireVerification: department.requireVerification,
      staffMayAddCredentials: department.staffMayAddCredentials ?? true,
      expiryWarningDays: department.expiryWarningDays,
      reminderLeadDays: [...department.reminderLeadDays],
      assessmentValidityMonths: department.assessmentValidityMonths ?? null,
      passwordSignIn: department.passwordSignIn ?? true,
      breakGlassUserId: department.breakGlassUserId ?? null,
      ssoCreateAccounts: department.ssoCreateAccounts ?? false,
    });
  }
}
