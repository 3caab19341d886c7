import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { FigureChangeView } from './figure-change';
import type { FigureView, HeadlineFigures } from './readiness-view';

/** Where a headline figure's people are listed on the page. */
export type FigureTarget = 'not-ready' | 'coverage-gaps';

interface HeadlineCard {
  id: string;
  label: string;
  figure: FigureView;
  target: FigureTarget;
  linkText: string;
}

/** The department's three R8 figures as cards, each with its change and a way to the people behind it. */
@Component({
  selector: 'him-headline-figures',
  imports: [MatCardModule, MatButtonModule, FigureChangeView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="figure-cards">
      @for (card of cards(); track card.id) {
        <li>
          <mat-card appearance="outlined" class="figure-card">
            <mat-card-content [attr.data-figure]="card.id">
              <h3 class="figure-label">{{ card.label }}</h3>
              <p class="figure-value">{{ card.figure.value }}</p>
              <p class="figure-detail">{{ card.figure.detail }}</p>
              @if (card.figure.change; as change) {
                <him-figure-change class="figure-change" [change]="change" />
              }
            </mat-card-content>
            @if (showLinks()) {
              <mat-card-actions>
                <button
                  mat-button
                  type="button"
                  class="figure-link"
                  (click)="showPeople.emit(card.target)"
                >
                  {{ card.linkText }}
                </button>
              </mat-card-actions>
            }
          </mat-card>
        </li>
      }
    </ul>
  `,
  styles: `
    .figure-cards {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
      gap: 16px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .figure-card {
      height: 100%;
      background: var(--mat-sys-surface-container-lowest);
    }
    .figure-label {
      margin: 0;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .figure-value {
      margin: 8px 0 4px;
      font: var(--mat-sys-display-small);
      color: var(--mat-sys-on-surface);
    }
    .figure-detail {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .figure-change {
      margin-top: 4px;
    }
  `,
})
export class HeadlineFigureCards {
  readonly figures = input.required<HeadlineFigures>();
  /** offers "See who is not ready" and "See coverage gaps" under the cards */
  readonly showLinks = input(false);
  readonly showPeople = output<FigureTarget>();

  protected readonly cards = computed<HeadlineCard[]>(() => {
    const figures = this.figures();
    return [
      {
        id: 'staff-ready',
        label: 'Staff ready',
        figure: figures.staffReady,
        target: 'not-ready',
        linkText: 'See who is not ready',
      },
      {
        id: 'requirements-met',
        label: 'Requirements met',
        figure: figures.requirementsMet,
        target: 'not-ready',
        linkText: 'See missing requirements',
      },
      {
        id: 'targets-met',
        label: 'Coverage targets met',
        figure: figures.targetsMet,
        target: 'coverage-gaps',
        linkText: 'See coverage gaps',
      },
    ];
  });
}
