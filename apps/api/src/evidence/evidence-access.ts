import type { EvidenceOwnerKind } from '@him/contracts';
import { hasPermission, PERMISSIONS } from '../auth/permissions';
import type { Caller } from '../auth/access-policy';

/** The record a file is attached to, as the access rules need it. */
export interface EvidenceOwner {
  kind: EvidenceOwnerKind;
  id: string;
  staffId: string;
  /** someone relied on the record: the CE activity was reviewed, the credential verified */
  reviewed: boolean;
}

/**
 * Who may do what with evidence, in one place. Reading goes with reading the record
 * (AccessPolicy.canSeeStaff: staff only their own, 404 otherwise).
 */
export const EvidenceRules = {
  /** The member attaches to their own credentials and CE activities; managers and admins to any in the department. */
  mayAttach(user: Caller, ownerStaffId: string): boolean {
    return user.staffId === ownerStaffId || hasPermission(user.role, PERMISSIONS.staffWrite);
  },

  /**
   * Managers and admins delete any file; the member only a file they uploaded themselves,
   * and only until the record is reviewed (an approved CE activity, a verified credential),
   * so the document a reviewer relied on cannot disappear.
   */
  mayDelete(user: Caller, owner: EvidenceOwner, uploadedByUserId: string | null): boolean {
    if (hasPermission(user.role, PERMISSIONS.staffWrite)) return true;
    return user.staffId === owner.staffId && uploadedByUserId === user.id && !owner.reviewed;
  },
};
