import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import type { CeRule } from '@him/contracts';
import { AdminApi } from '../core/api/admin-api';
import { createLoader } from '../core/api/loader';
import { LoadStatus } from '../shared/load-status/load-status';
import {
  type AdminDialogResult,
  confirmThenDelete,
  injectConfirm,
  injectNotify,
} from './admin-support';
import { CeRuleDialog, type CeRuleDialogData } from './ce-rule-dialog';
import { formatHours, ceMinimumInWords } from '@him/domain';

/** One CE rule per issuing body: cycle, extra hours per additional credential, cap, minimums. */
@Component({
  selector: 'him-ce-rules-page',
  imports: [MatButtonModule, MatTableModule, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>CE rules</h2>
    <div class="page-actions">
      <button mat-flat-button type="button" (click)="openRule()">Add CE rule</button>
    </div>
    @if (actionError(); as message) {
      <p class="action-error" role="alert">{{ message }}</p>
    }
    <him-load-status
      what="the CE rules"
      errorTitle="The CE rules could not be loaded"
      [loading]="rules.loading()"
      [error]="rules.error()"
      (retry)="rules.load()"
    />
    @if (rules.value(); as loaded) {
      @if (loaded.length === 0) {
        <p class="empty-panel">No CE rules yet. Add one per issuing body.</p>
      } @else {
        <div class="table-scroll" role="region" aria-label="CE rules" tabindex="0">
          <table mat-table [dataSource]="loaded">
            <caption class="cdk-visually-hidden">
              CE rules by issuing body
            </caption>
            <ng-container matColumnDef="issuingBody">
              <th mat-header-cell *matHeaderCellDef scope="col">Issuing body</th>
              <th
                *matCellDef="let rule"
                scope="row"
                class="row-header mat-mdc-cell mdc-data-table__cell"
              >
                {{ rule.issuingBody }}
              </th>
            </ng-container>
            <ng-container matColumnDef="cycleMonths">
              <th mat-header-cell *matHeaderCellDef scope="col" class="numeric">Cycle (months)</th>
              <td mat-cell *matCellDef="let rule" class="numeric">{{ rule.cycleMonths }}</td>
            </ng-container>
            <ng-container matColumnDef="extra">
              <th mat-header-cell *matHeaderCellDef scope="col" class="numeric">
                + per additional
              </th>
              <td mat-cell *matCellDef="let rule" class="numeric">
                {{ hours(rule.extraPerAdditional) }}
              </td>
            </ng-container>
            <ng-container matColumnDef="cap">
              <th mat-header-cell *matHeaderCellDef scope="col" class="numeric">Cap</th>
              <td mat-cell *matCellDef="let rule" class="numeric">
                {{ rule.cap === null ? 'No cap' : hours(rule.cap) }}
              </td>
            </ng-container>
            <ng-container matColumnDef="minimums">
              <th mat-header-cell *matHeaderCellDef scope="col">Minimums</th>
              <td mat-cell *matCellDef="let rule">
                <ul class="plain-list">
                  @for (minimum of rule.minimums; track $index) {
                    <li>{{ words(minimum) }}</li>
                  } @empty {
                    <li>None</li>
                  }
                </ul>
              </td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef scope="col">Actions</th>
              <td mat-cell *matCellDef="let rule">
                <div class="row-actions">
                  <button
                    mat-stroked-button
                    type="button"
                    [attr.aria-label]="'Edit ' + rule.issuingBody + ' rule'"
                    (click)="openRule(rule)"
                  >
                    Edit
                  </button>
                  <button
                    mat-stroked-button
                    type="button"
                    [attr.aria-label]="'Delete ' + rule.issuingBody + ' rule'"
                    (click)="deleteRule(rule)"
                  >
                    Delete
                  </button>
                </div>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let rule; columns: columns"></tr>
          </table>
        </div>
      }
    }
  `,
  styleUrls: ['../shared/page.scss', './admin.scss'],
})
export class CeRulesPage {
  private readonly adminApi = inject(AdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = injectNotify();
  private readonly confirm = injectConfirm();

  protected readonly rules = createLoader(() => this.adminApi.ceRules.list(), 'the CE rules');
  protected readonly actionError = signal<string | null>(null);
  protected readonly columns = [
    'issuingBody',
    'cycleMonths',
    'extra',
    'cap',
    'minimums',
    'actions',
  ];
  protected readonly words = ceMinimumInWords;
  protected readonly hours = formatHours;

  constructor() {
    this.rules.load();
  }

  protected openRule(rule?: CeRule): void {
    this.actionError.set(null);
    this.dialog
      .open<CeRuleDialog, CeRuleDialogData, AdminDialogResult<CeRule>>(CeRuleDialog, {
        data: { rule },
        width: '680px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((result) => {
        if (result && 'saved' in result) {
          this.notify(`CE rule of ${result.saved.issuingBody} ${rule ? 'saved' : 'added'}.`);
        }
        if (result) {
          this.rules.load();
        }
      });
  }

  protected deleteRule(rule: CeRule): void {
    this.actionError.set(null);
    confirmThenDelete(
      this.confirm,
      {
        title: `Delete the CE rule of ${rule.issuingBody}?`,
        message: `Credentials of ${rule.issuingBody} will have no CE requirement until a new rule is added.`,
        confirmLabel: 'Delete CE rule',
      },
      () => this.adminApi.ceRules.remove(rule.issuingBody),
      'delete the CE rule',
      (failure) => {
        if (failure) {
          this.actionError.set(failure);
          return;
        }
        this.notify(`CE rule of ${rule.issuingBody} deleted.`);
        this.rules.load();
      },
    );
  }
}
