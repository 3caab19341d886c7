import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { CeRule } from '@him/contracts';
import { afterLapseStepsInWords, ceMinimumInWords, formatHours } from '@him/domain';
import { AdminApi } from '../core/api/admin-api';
import { AdminList, adminListPage } from './admin-list';
import { CeRuleDialog, type CeRuleDialogData } from './ce-rule-dialog';

/** One CE rule per issuing body: cycle, extra hours per additional credential, cap, minimums. */
@Component({
  selector: 'him-ce-rules-page',
  imports: [AdminList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<him-admin-list [page]="page" />`,
})
export class CeRulesPage {
  protected readonly page = adminListPage<CeRule, CeRuleDialogData>({
    noun: 'CE rule',
    caption: 'CE rules by issuing body',
    emptyText: 'No CE rules yet. Add one per issuing body.',
    records: inject(AdminApi).ceRules,
    key: (rule) => rule.issuingBody,
    columns: () => [
      { key: 'issuingBody', header: 'Issuing body', text: (rule) => rule.issuingBody },
      {
        key: 'cycleMonths',
        header: 'Cycle (months)',
        numeric: true,
        text: (rule) => String(rule.cycleMonths),
      },
      {
        key: 'extra',
        header: '+ per additional',
        numeric: true,
        text: (rule) => formatHours(rule.extraPerAdditional),
      },
      {
        key: 'cap',
        header: 'Cap',
        numeric: true,
        text: (rule) => (rule.cap === null ? 'No cap' : formatHours(rule.cap)),
      },
      {
        key: 'minimums',
        header: 'Minimums',
        list: (rule) => rule.minimums.map(ceMinimumInWords),
      },
      {
        key: 'afterLapse',
        header: 'After an expiry',
        text: (rule) => afterLapseStepsInWords(rule.afterLapse),
      },
    ],
    /** "Edit AHIMA rule" */
    rowName: (rule) => `${rule.issuingBody} rule`,
    /** "CE rule of AHIMA saved." */
    recordName: (rule) => `CE rule of ${rule.issuingBody}`,
    dialog: { component: CeRuleDialog, width: '680px', data: (rule) => ({ rule }) },
    deleteQuestion: (rule) => `Delete the CE rule of ${rule.issuingBody}?`,
    deleteWarning: (rule) =>
      `Credentials of ${rule.issuingBody} will have no CE requirement until a new rule is added.`,
  });
}
