import { LiveAnnouncer } from '@angular/cdk/a11y';
import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import type { Assessment, CeActivity, Credential, CredentialType } from '@him/contracts';
import { forkJoin, map } from 'rxjs';
import { CalendarFeeds } from '../calendar/calendar-feeds';
import { AssessmentsApi } from '../core/api/assessments-api';
import { CeApi } from '../core/api/ce-api';
import { serverFormErrors } from '../core/api/form-errors';
import { CredentialsApi } from '../core/api/credentials-api';
import { createLoader } from '../core/api/loader';
import { AuthService } from '../core/auth/auth.service';
import { CatalogApi } from '../core/catalog/catalog-api';
import { injectDepartmentDay } from '../core/department-day';
import { AssessmentForm } from '../shared/assessments/assessment-form';
import { AssessmentHistory } from '../shared/assessments/assessment-history';
import { ruleCategories } from '../shared/ce-activities/ce-categories';
import { CeActivityList } from '../shared/ce-activities/ce-activity-list';
import { withEvidenceOf } from '../evidence/has-evidence';
import { CeProgress } from '../shared/ce-progress/ce-progress';
import { CredentialList } from '../shared/credentials/credential-list';
import { isCredentialInForce } from '../shared/credentials/credential-status';
import { LoadStatus } from '../shared/load-status/load-status';
import { CeActivityForm, type CredentialChoice } from './ce-activity-form';
import { MyReadiness } from './my-readiness';
import { OwnCredentialForm } from './own-credential-form';

/**
 * The signed-in member's own page (staff, and managers or admins who have a staff record):
 * CE progress per CE group, credentials and CE log with their evidence files, logging a CE
 * activity, a self-assessment, and calendar feeds of their deadlines.
 */
import { ReassessmentsDue } from '../shared/reassessments/reassessments-due';
@Component({
  selector: 'him-my-progress-page',
  imports: [
    ReassessmentsDue,
    AssessmentForm,
    AssessmentHistory,
    CalendarFeeds,
    CeActivityForm,
    CeActivityList,
    CeProgress,
    CredentialList,
    LoadStatus,
    MyReadiness,
    OwnCredentialForm,
  ],
  templateUrl: './my-progress-page.html',
  styleUrls: ['../shared/page.scss', './my-progress-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyProgressPage {
  private readonly liveAnnouncer = inject(LiveAnnouncer);
  private readonly ceApi = inject(CeApi);
  private readonly credentialsApi = inject(CredentialsApi);
  private readonly assessmentsApi = inject(AssessmentsApi);
  private readonly catalogApi = inject(CatalogApi);

  /** The route needs a staff record (data.needsStaffRecord), so this is set. */
  protected readonly staffId = inject(AuthService).user()?.staffId ?? '';

  private readonly departmentDay = injectDepartmentDay();
  protected readonly ceGroups = createLoader(
    () => this.ceApi.getCeStatus({ staffId: this.staffId }),
    'your CE progress',
  );
  protected readonly credentials = createLoader(
    () =>
      forkJoin({
        credentials: this.credentialsApi.listForMember(this.staffId),
        types: this.catalogApi.credentialTypes(),
      }),
    'your credentials',
  );
  protected readonly activities = createLoader(
    () => this.ceApi.listForMember(this.staffId),
    'your CE activities',
  );
  /** whom to ask where the department's managers add credentials */
  protected readonly teamManagers = createLoader(
    () => this.credentialsApi.teamManagers(this.staffId),
    'your team managers',
  );
  private readonly ceRules = createLoader(() => this.catalogApi.ceRules(), 'CE rules');
  protected readonly assessments = createLoader(
    () =>
      forkJoin({
        skills: this.catalogApi.skills(),
        assessments: this.assessmentsApi.listForMember(this.staffId),
      }).pipe(
        map(({ skills, assessments }) => ({
          skills,
          assessments,
          skillNames: new Map(skills.map((skill) => [skill.id, skill.name])),
        })),
      ),
    'your skill assessments',
  );

  private readonly document = inject(DOCUMENT);
  /** the submitted activity being edited in the log form */
  protected readonly editingActivity = signal<CeActivity | null>(null);
  protected readonly withdrawingId = signal<string | null>(null);
  protected readonly activityError = signal<string | null>(null);
  /** the department's setting (true until it is known: the API has the last word) */
  protected readonly staffMayAddCredentials = computed(
    () => this.departmentDay.department.value()?.staffMayAddCredentials ?? true,
  );
  /** the API's limit for a certificate, stated in the form before a file is chosen */
  protected readonly evidenceMaxBytes = computed(
    () => this.departmentDay.department.value()?.evidenceMaxBytes ?? null,
  );

  /** Today in the department's time zone; the page waits for it. */
  protected readonly today = this.departmentDay.today;
  protected readonly warningDays = this.departmentDay.warningDays;
  protected readonly credentialTypes = computed(
    () =>
      new Map<string, CredentialType>(
        (this.credentials.value()?.types ?? []).map((type) => [type.id, type]),
      ),
  );
  /** Own credentials in force today: what a new CE activity may be meant for. */
  protected readonly credentialChoices = computed<CredentialChoice[]>(() => {
    const types = this.credentialTypes();
    const today = this.today();
    return (this.credentials.value()?.credentials ?? [])
      .filter(
        (credential) =>
          today !== null && isCredentialInForce(credential, today, this.warningDays()),
      )
      .map((credential) => {
        const type = types.get(credential.credentialTypeId);
        return {
          id: credential.id,
          label: type ? `${type.code} (${type.issuingBody})` : 'Credential',
        };
      });
  });
  protected readonly credentialLabels = computed(() => {
    const types = this.credentialTypes();
    return new Map(
      (this.credentials.value()?.credentials ?? []).map((credential) => [
        credential.id,
        types.get(credential.credentialTypeId)?.code ?? 'Credential',
      ]),
    );
  });
  protected readonly ruleCategories = computed(() => ruleCategories(this.ceRules.value() ?? []));
  /** R11: the longest cycle of the department's CE rules (a date before it cannot count). */
  protected readonly longestCycleMonths = computed(() => {
    const months = (this.ceRules.value() ?? []).map((rule) => rule.cycleMonths);
    return months.length > 0 ? Math.max(...months) : null;
  });

  constructor() {
    for (const loader of [
      this.ceGroups,
      this.credentials,
      this.activities,
      this.ceRules,
      this.assessments,
    ]) {
      loader.load();
    }
    // Whom to ask is needed only where staff may not add their credentials themselves.
    effect(() => {
      if (this.departmentDay.department.value()?.staffMayAddCredentials === false) {
        untracked(() => this.teamManagers.load());
      }
    });
  }

  /** A logged activity is listed at once, and its hours show as pending in the CE cards. */
  protected showLoggedActivity(activity: CeActivity): void {
    this.activities.replace([activity, ...(this.activities.value() ?? [])]);
    this.ceGroups.load();
    void this.liveAnnouncer.announce(
      `Logged ${activity.title}: submitted, awaiting review.`,
      'polite',
    );
  }

  /** A credential the member added: listed at once, unverified; readiness may change with it. */
  protected showAddedCredential(credential: Credential): void {
    const current = this.credentials.value();
    if (current) {
      this.credentials.replace({
        ...current,
        credentials: [credential, ...current.credentials],
      });
    }
  }

  /** The activity goes into the log form above; its section comes into view. */
  protected editActivity(activity: CeActivity): void {
    this.activityError.set(null);
    this.editingActivity.set(activity);
    this.document
      .getElementById('log-activity-heading')
      ?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }

  protected showUpdatedActivity(activity: CeActivity): void {
    this.editingActivity.set(null);
    this.activities.replace(
      (this.activities.value() ?? []).map((item) => (item.id === activity.id ? activity : item)),
    );
    this.ceGroups.load();
    void this.liveAnnouncer.announce(
      `Saved ${activity.title}: submitted, awaiting review.`,
      'polite',
    );
  }

  /** DELETE: the API refuses once the activity was reviewed (409), which is said at the list. */
  protected withdrawActivity(activity: CeActivity): void {
    this.activityError.set(null);
    this.withdrawingId.set(activity.id);
    this.ceApi.remove(activity.id).subscribe({
      next: () => {
        this.withdrawingId.set(null);
        if (this.editingActivity()?.id === activity.id) {
          this.editingActivity.set(null);
        }
        this.activities.replace(
          (this.activities.value() ?? []).filter((item) => item.id !== activity.id),
        );
        this.ceGroups.load();
        void this.liveAnnouncer.announce(`Withdrew ${activity.title}.`, 'polite');
      },
      error: (error: unknown) => {
        this.withdrawingId.set(null);
        this.activityError.set(
          serverFormErrors(error, {}, `withdraw “${activity.title}”`).general.join(' '),
        );
        // Reviewed meanwhile: show its status now.
        this.activities.load();
      },
    });
  }

  /** An attached or deleted file flips the record's `hasEvidence`; nothing else changes. */
  protected showCredentialEvidence(changed: Credential): void {
    const current = this.credentials.value();
    if (current) {
      this.credentials.replace({
        ...current,
        credentials: withEvidenceOf(current.credentials, changed),
      });
    }
  }

  protected showActivityEvidence(changed: CeActivity): void {
    this.activities.replace(withEvidenceOf(this.activities.value() ?? [], changed));
  }

  protected showRecordedAssessment(assessment: Assessment): void {
    const current = this.assessments.value();
    if (current) {
      this.assessments.replace({ ...current, assessments: [assessment, ...current.assessments] });
    }
  }
}
