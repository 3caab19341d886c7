import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { CeRule } from '@him/contracts';
import { afterLapseStepsInWords, ceMinimumInWords, formatHours } from '@him/domain';
import { AdminApi } from '../core/api/admin-api';
import { createLoader } from '../core/api/loader';
import { type AdminColumn, AdminList, injectAdminActions } from './admin-list';
import { CeRuleDialog, type CeRuleDialogData } from './ce-rule-dialog';

/** One CE rule per issuing body: cycle, extra hours per additional credential, cap, minimums. */
@Component({
  selector: 'him-ce-rules-page',
  imports: [AdminList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <him-admin-list
      heading="CE rules"
      what="the CE rules"
      addLabel="Add CE rule"
      label="CE rules"
      caption="CE rules by issuing body"
      emptyText="No CE rules yet. Add one per issuing body."
      [loading]="rules.loading()"
      [error]="rules.error()"
      [items]="rules.value()"
      [columns]="columns"
      [rowName]="name"
      [actionError]="actions.actionError()"
      (retry)="rules.load()"
      (add)="openRule()"
      (edit)="openRule($event)"
      (remove)="deleteRule($event)"
    />
  `,
})
export class CeRulesPage {
  private readonly adminApi = inject(AdminApi);
  protected readonly actions = injectAdminActions();

  protected readonly rules = createLoader(() => this.adminApi.ceRules.list(), 'the CE rules');
  protected readonly columns: AdminColumn<CeRule>[] = [
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
  ];
  /** "Edit AHIMA rule" */
  protected readonly name = (rule: CeRule) => `${rule.issuingBody} rule`;

  constructor() {
    this.rules.load();
  }

  protected openRule(rule?: CeRule): void {
    this.actions.openDialog<CeRuleDialogData, CeRule>(
      CeRuleDialog,
      { rule },
      '680px',
      (saved) => `CE rule of ${saved.issuingBody} ${rule ? 'saved' : 'added'}.`,
      () => this.rules.load(),
    );
  }

  protected deleteRule(rule: CeRule): void {
    this.actions.remove(
      {
        title: `Delete the CE rule of ${rule.issuingBody}?`,
        message: `Credentials of ${rule.issuingBody} will have no CE requirement until a new rule is added.`,
        confirmLabel: 'Delete CE rule',
      },
      () => this.adminApi.ceRules.remove(rule.issuingBody),
      'delete the CE rule',
      `CE rule of ${rule.issuingBody} deleted.`,
      () => this.rules.load(),
    );
  }
}
