import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute } from '@angular/router';
import type {
  Assessment,
  CeActivity,
  CeReviewDecision,
  Credential,
  CredentialType,
  MemberActions,
  StaffStatus,
} from '@him/contracts';
import { forkJoin, map } from 'rxjs';
import { staffStatusLabel } from '@him/domain';
import { AssessmentsApi } from '../core/api/assessments-api';
import { AuditApi } from '../core/api/audit-api';
import { CeApi } from '../core/api/ce-api';
import { CredentialsApi } from '../core/api/credentials-api';
import { createLoader } from '../core/api/loader';
import { ReadinessApi } from '../core/api/readiness-api';
import { StaffApi } from '../core/api/staff-api';
import { AuthService } from '../core/auth/auth.service';
import { CatalogApi } from '../core/catalog/catalog-api';
import { requirementCatalogOf } from '../core/catalog/requirement-catalog';
import { injectDepartmentDay } from '../core/department-day';
import { PRODUCT_NAME } from '../core/page-title-strategy';
import { NotFoundPage } from '../not-found/not-found-page';
import { AssessmentForm } from '../shared/assessments/assessment-form';
import { AssessmentHistory } from '../shared/assessments/assessment-history';
import { CeActivityList } from '../shared/ce-activities/ce-activity-list';
import { withEvidenceOf } from '../evidence/has-evidence';
import { CeProgress } from '../shared/ce-progress/ce-progress';
import { CredentialList } from '../shared/credentials/credential-list';
import { LoadStatus } from '../shared/load-status/load-status';
import { type StatusBadge, StatusChip } from '../shared/status/status-chip';
import { ICON_CHECK_CIRCLE, ICON_CANCEL, ICON_SCHEDULE } from '../shared/status/status-icons';
import { SAVE_FILE } from '../core/save-file';
import { serverFormErrors } from '../core/api/form-errors';
import { httpErrorMessage } from '../core/api/http-error-message';
import { ReportsApi } from '../reports/reports-api';
import {
  ReviewDialog,
  type ReviewDialogData,
  type ReviewDialogResult,
} from '../review/review-dialog';
import { AuditTrail } from './audit-trail';
import {
  CredentialDialog,
  type CredentialDialogData,
  type CredentialDialogResult,
} from './credential-dialog';
import { RevokeDialog, type RevokeDialogData } from './revoke-dialog';
import { memberReadinessOf, requirementsView } from './requirements-view';

const STAFF_STATUS_LOOKS: Record<StaffStatus, Omit<StatusBadge, 'label'>> = {
  active: { tone: 'success', icon: ICON_CHECK_CIRCLE },
  leave: { tone: 'warning', icon: ICON_SCHEDULE },
  terminated: { tone: 'neutral', icon: ICON_CANCEL },
};

/** HTTP answers that mean "no such member for you": unknown id, malformed id, not permitted. */
const NOT_FOUND_STATUSES = [400, 403, 404];

/** Until the member is loaded nothing is offered. */
const NO_ACTIONS: MemberActions = {
  editProfile: false,
  terminate: false,
  delete: false,
  addCredential: false,
  reportOwnCredential: false,
  verifyCredential: false,
  addAssessment: false,
  addSelfAssessment: false,
  logCe: false,
  approveCeAtOnce: false,
  reviewCe: false,
  uploadEvidence: false,
};

/**
 * One member for admins and managers: role, team and status; requirements met and missing;
 * credentials (add, edit, revoke, evidence files); CE progress; assessments (add); CE log
 * with certificates and review; audit trail. Only what the API would accept of the caller is
 * offered (the member's `can`).
 */
import { ReassessmentsDue } from '../shared/reassessments/reassessments-due';
@Component({
  selector: 'him-staff-profile-page',
  imports: [
    MatButtonModule,
    ReassessmentsDue,
    AssessmentForm,
    AssessmentHistory,
    AuditTrail,
    CeActivityList,
    CeProgress,
    CredentialList,
    LoadStatus,
    NotFoundPage,
    StatusChip,
  ],
  templateUrl: './staff-profile-page.html',
  styleUrls: ['../shared/page.scss', './staff-profile-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffProfilePage {
  private readonly dialog = inject(MatDialog);
  private readonly liveAnnouncer = inject(LiveAnnouncer);
  private readonly title = inject(Title);
  private readonly staffApi = inject(StaffApi);
  private readonly catalogApi = inject(CatalogApi);
  private readonly readinessApi = inject(ReadinessApi);
  private readonly credentialsApi = inject(CredentialsApi);
  private readonly ceApi = inject(CeApi);
  private readonly assessmentsApi = inject(AssessmentsApi);
  private readonly auditApi = inject(AuditApi);
  private readonly reportsApi = inject(ReportsApi);
  private readonly saveFile = inject(SAVE_FILE);

  protected readonly downloadingFile = signal(false);
  protected readonly memberFileError = signal<string | null>(null);

  protected readonly staffId = signal('');
  /** the caller's own staff record: their own profile offers no manager assessment */
  protected readonly ownStaffId = signal(inject(AuthService).user()?.staffId ?? null);
  protected readonly reviewError = signal<string | null>(null);

  protected readonly staff = createLoader(
    () => this.staffApi.getStaff(this.staffId()),
    'this staff member',
  );
  protected readonly catalog = createLoader(
    () =>
      forkJoin({
        skills: this.catalogApi.skills(),
        credentialTypes: this.catalogApi.credentialTypes(),
        roles: this.catalogApi.roles(),
        teams: this.catalogApi.teams(),
      }),
    'the skill and credential catalog',
  );
  private readonly departmentDay = injectDepartmentDay();
  protected readonly readiness = createLoader(
    () => this.readinessApi.getReadiness(this.today() ?? '', this.staff.value()?.teamId),
    'requirements',
  );
  protected readonly credentials = createLoader(
    () => this.credentialsApi.listForMember(this.staffId()),
    'credentials',
  );
  protected readonly ceGroups = createLoader(
    () => this.ceApi.getCeStatus({ staffId: this.staffId() }),
    'CE progress',
  );
  protected readonly assessments = createLoader(
    () => this.assessmentsApi.listForMember(this.staffId()),
    'assessments',
  );
  protected readonly activities = createLoader(
    () => this.ceApi.listForMember(this.staffId()),
    'CE activities',
  );
  protected readonly audit = createLoader(
    () => this.auditApi.listForMember(this.staffId()),
    'the audit trail',
  );

  /** What the API accepts of the caller for this member. */
  protected readonly can = computed(() => this.staff.value()?.can ?? NO_ACTIONS);
  protected readonly notFound = computed(() =>
    NOT_FOUND_STATUSES.includes(this.staff.errorStatus() ?? -1),
  );
  /** Today in the department's time zone; the sections wait for it. */
  protected readonly today = this.departmentDay.today;
  protected readonly timeZone = computed(() => this.departmentDay.department.value()?.timeZone);
  protected readonly warningDays = this.departmentDay.warningDays;
  protected readonly credentialTypes = computed(
    () =>
      new Map<string, CredentialType>(
        (this.catalog.value()?.credentialTypes ?? []).map((type) => [type.id, type]),
      ),
  );
  protected readonly skillNames = computed(
    () => new Map((this.catalog.value()?.skills ?? []).map((skill) => [skill.id, skill.name])),
  );
  protected readonly header = computed(() => {
    const staff = this.staff.value();
    if (!staff) {
      return null;
    }
    const catalog = this.catalog.value();
    return {
      staff,
      roleName: catalog?.roles.find((role) => role.id === staff.roleId)?.name ?? 'Unknown role',
      teamName: catalog?.teams.find((team) => team.id === staff.teamId)?.name ?? 'Unknown team',
      status: { label: staffStatusLabel(staff.status), ...STAFF_STATUS_LOOKS[staff.status] },
    };
  });
  protected readonly requirements = computed(() => {
    const staff = this.staff.value();
    const catalog = this.catalog.value();
    const readiness = this.readiness.value();
    if (!staff || !catalog || !readiness) {
      return null;
    }
    return requirementsView(
      staff.status,
      catalog.roles.find((role) => role.id === staff.roleId),
      memberReadinessOf(readiness, staff.id),
      requirementCatalogOf(catalog.skills, catalog.credentialTypes),
    );
  });
  /** Names for the audit trail and the CE log: "CCS credential". */
  protected readonly credentialLabels = computed(() => {
    const types = this.credentialTypes();
    return new Map(
      (this.credentials.value() ?? []).map((credential) => [
        credential.id,
        types.get(credential.credentialTypeId)?.code ?? 'Credential',
      ]),
    );
  });
  protected readonly auditRecordNames = computed(() => {
    const names = new Map<string, string>();
    for (const [id, code] of this.credentialLabels()) {
      names.set(id, `${code} credential`);
    }
    names.set(this.staffId(), 'Staff record');
    return names;
  });

  constructor() {
    this.catalog.load();
    // The same page shows another member when only the id in the address changes.
    inject(ActivatedRoute)
      .paramMap.pipe(
        map((params) => params.get('id') ?? ''),
        takeUntilDestroyed(),
      )
      .subscribe((staffId) => {
        this.staffId.set(staffId);
        for (const loader of [
          this.staff,
          this.credentials,
          this.ceGroups,
          this.assessments,
          this.activities,
        ]) {
          loader.load();
        }
      });

    // Requirements need the member's team and the department's day; the audit trail the
    // ids of the member's credentials.
    effect(() => {
      if (this.staff.value() && this.today()) {
        untracked(() => this.readiness.load());
      }
    });
    effect(() => {
      if (this.credentials.value()) {
        untracked(() => this.audit.load());
      }
    });
    effect(() => {
      const staff = this.staff.value();
      if (staff) {
        this.title.setTitle(`${staff.name} · Staff profile · ${PRODUCT_NAME}`);
      } else if (this.notFound()) {
        this.title.setTitle(`Page not found · ${PRODUCT_NAME}`);
      }
    });
  }

  /** The member file a surveyor asks for: one PDF of this member's records, as of today. */
  protected downloadMemberFile(): void {
    if (this.downloadingFile()) return;
    this.downloadingFile.set(true);
    this.memberFileError.set(null);
    this.reportsApi.downloadMemberFile(this.staffId(), this.today() ?? undefined).subscribe({
      next: ({ blob, fileName }) => {
        this.downloadingFile.set(false);
        this.saveFile(blob, fileName);
        void this.liveAnnouncer.announce(`Member file downloaded: ${fileName}`, 'polite');
      },
      error: (error: unknown) => {
        this.downloadingFile.set(false);
        this.memberFileError.set(httpErrorMessage(error, 'the member file'));
      },
    });
  }

  protected openAddCredential(): void {
    this.openCredentialDialog(undefined);
  }

  protected openEditCredential(credential: Credential): void {
    this.openCredentialDialog(credential);
  }

  protected openRevokeCredential(credential: Credential): void {
    const staff = this.staff.value();
    const code = this.credentialTypes().get(credential.credentialTypeId)?.code ?? 'the credential';
    this.dialog
      .open<RevokeDialog, RevokeDialogData, Credential>(RevokeDialog, {
        data: { credential, description: staff ? `${code} of ${staff.name}` : code },
        width: '520px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((revoked) => {
        if (revoked) {
          this.reloadAfterCredentialChange(`${code} revoked.`);
        }
      });
  }

  protected showRecordedAssessment(assessment: Assessment): void {
    this.assessments.replace([assessment, ...(this.assessments.value() ?? [])]);
    // A new assessment can change which skill requirements are met (R2, R3).
    this.readiness.load();
  }

  /** Approves or rejects an activity awaiting review, after the reviewer confirms (and gives a reason). */
  protected reviewActivity(activity: CeActivity, decision: CeReviewDecision): void {
    const staff = this.staff.value();
    this.reviewError.set(null);
    this.dialog
      .open<ReviewDialog, ReviewDialogData, ReviewDialogResult>(ReviewDialog, {
        data: { decision, what: staff ? `“${activity.title}” by ${staff.name}` : activity.title },
        width: '480px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.ceApi
          .review(activity.id, {
            status: decision,
            version: activity.version,
            ...(result.note ? { note: result.note } : {}),
          })
          .subscribe({
            next: () => {
              this.activities.load();
              this.ceGroups.load();
              void this.liveAnnouncer.announce(
                `${activity.title} ${decision === 'approved' ? 'approved' : 'rejected'}.`,
                'polite',
              );
            },
            error: (error: unknown) =>
              this.reviewError.set(
                serverFormErrors(error, {}, `review ${activity.title}`).general.join(' '),
              ),
          });
      });
  }

  /** An attached or deleted file flips the record's `hasEvidence`; nothing else changes. */
  protected showCredentialEvidence(changed: Credential): void {
    this.credentials.replace(withEvidenceOf(this.credentials.value() ?? [], changed));
  }

  protected showActivityEvidence(changed: CeActivity): void {
    this.activities.replace(withEvidenceOf(this.activities.value() ?? [], changed));
  }

  private openCredentialDialog(credential: Credential | undefined): void {
    const staff = this.staff.value();
    const catalog = this.catalog.value();
    const today = this.today();
    if (!staff || !catalog || !today) {
      return;
    }
    this.dialog
      .open<CredentialDialog, CredentialDialogData, CredentialDialogResult>(CredentialDialog, {
        data: {
          staffId: staff.id,
          staffName: staff.name,
          credentialTypes: catalog.credentialTypes,
          today,
          credential,
          mayVerify: this.can().verifyCredential,
        },
        width: '560px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) {
          return;
        }
        if ('reload' in result) {
          this.reloadAfterCredentialChange('Credentials reloaded.');
          return;
        }
        const code =
          this.credentialTypes().get(result.saved.credentialTypeId)?.code ?? 'Credential';
        this.reloadAfterCredentialChange(credential ? `${code} saved.` : `${code} added.`);
      });
  }

  /** Credentials change readiness (R5) and CE groups (R11), so those reload with them. */
  private reloadAfterCredentialChange(message: string): void {
    this.credentials.load();
    this.ceGroups.load();
    this.readiness.load();
    void this.liveAnnouncer.announce(message, 'polite');
  }
}
