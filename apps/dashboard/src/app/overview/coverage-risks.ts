import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { CoverageGapRow, SinglePointRow } from './readiness-view';

/** R7: coverage targets short of holders, and requirements only one active member meets. */
@Component({
  selector: 'him-coverage-risks',
  imports: [MatTableModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="coverage-gaps-heading" class="risk-section">
      <h2 id="coverage-gaps-heading" tabindex="-1">Coverage gaps</h2>
      @if (gaps().length === 0) {
        <p class="empty-note">No coverage gaps: every coverage target has enough active holders.</p>
      } @else {
        <p class="section-intro">Coverage targets with fewer active holders than the team needs.</p>
        <div class="table-scroll" role="region" aria-label="Coverage gaps table" tabindex="0">
          <table
            mat-table
            [dataSource]="gaps()"
            [trackBy]="trackRow"
            aria-labelledby="coverage-gaps-heading"
          >
            <ng-container matColumnDef="team">
              <th mat-header-cell *matHeaderCellDef scope="col">Team</th>
              <th
                *matCellDef="let gap"
                scope="row"
                class="row-header mat-mdc-cell mdc-data-table__cell"
              >
                {{ gap.teamName }}
              </th>
            </ng-container>
            <ng-container matColumnDef="requirement">
              <th mat-header-cell *matHeaderCellDef scope="col">Requirement</th>
              <td mat-cell *matCellDef="let gap">{{ gap.requirement }}</td>
            </ng-container>
            <ng-container matColumnDef="holders">
              <th mat-header-cell *matHeaderCellDef scope="col" class="numeric">Holders</th>
              <td mat-cell *matCellDef="let gap" class="numeric">
                {{ gap.holders }} of {{ gap.minHolders }} needed
              </td>
            </ng-container>
            <ng-container matColumnDef="gap">
              <th mat-header-cell *matHeaderCellDef scope="col" class="numeric">Short by</th>
              <td mat-cell *matCellDef="let gap" class="numeric">{{ gap.gap }}</td>
            </ng-container>
            <ng-container matColumnDef="holderNames">
              <th mat-header-cell *matHeaderCellDef scope="col">Current holders</th>
              <td mat-cell *matCellDef="let gap">
                @if (gap.holderMembers.length === 0) {
                  No one
                } @else {
                  <ul class="member-links">
                    @for (member of gap.holderMembers; track member.staffId) {
                      <li>
                        <a [routerLink]="['/staff', member.staffId]">{{ member.name }}</a>
                      </li>
                    }
                  </ul>
                }
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="gapColumns"></tr>
            <tr mat-row *matRowDef="let gap; columns: gapColumns"></tr>
          </table>
        </div>
      }
    </section>

    <section aria-labelledby="single-points-heading" class="risk-section">
      <h2 id="single-points-heading">Single points of failure</h2>
      @if (singlePoints().length === 0) {
        <p class="empty-note">
          No single points of failure: every requirement a team depends on has more than one holder.
        </p>
      } @else {
        <p class="section-intro">Requirements that exactly one active member of the team meets.</p>
        <div
          class="table-scroll"
          role="region"
          aria-label="Single points of failure table"
          tabindex="0"
        >
          <table
            mat-table
            [dataSource]="singlePoints()"
            [trackBy]="trackRow"
            aria-labelledby="single-points-heading"
          >
            <ng-container matColumnDef="team">
              <th mat-header-cell *matHeaderCellDef scope="col">Team</th>
              <th
                *matCellDef="let point"
                scope="row"
                class="row-header mat-mdc-cell mdc-data-table__cell"
              >
                {{ point.teamName }}
              </th>
            </ng-container>
            <ng-container matColumnDef="requirement">
              <th mat-header-cell *matHeaderCellDef scope="col">Requirement</th>
              <td mat-cell *matCellDef="let point">{{ point.requirement }}</td>
            </ng-container>
            <ng-container matColumnDef="staff">
              <th mat-header-cell *matHeaderCellDef scope="col">Only holder</th>
              <td mat-cell *matCellDef="let point">
                <a [routerLink]="['/staff', point.staffId]">{{ point.staffName }}</a>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="singlePointColumns"></tr>
            <tr mat-row *matRowDef="let point; columns: singlePointColumns"></tr>
          </table>
        </div>
      }
    </section>
  `,
  styleUrl: './overview-tables.scss',
  styles: `
    :host {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 32px;
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-headline-small);
    }
    .section-intro {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .member-links {
      display: flex;
      flex-wrap: wrap;
      gap: 0 4px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .member-links li:not(:last-child)::after {
      content: ',';
    }
  `,
})
export class CoverageRisks {
  readonly gaps = input.required<CoverageGapRow[]>();
  readonly singlePoints = input.required<SinglePointRow[]>();

  protected readonly gapColumns = ['team', 'requirement', 'holders', 'gap', 'holderNames'];
  protected readonly singlePointColumns = ['team', 'requirement', 'staff'];
  protected readonly trackRow = (_index: number, row: { key: string }) => row.key;
}
