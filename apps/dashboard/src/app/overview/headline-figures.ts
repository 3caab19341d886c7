import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import type { FigureView, HeadlineFigures } from './readiness-view';

interface HeadlineCard {
  id: string;
  label: string;
  figure: FigureView;
}

/** The department's three R8 figures as cards. */
@Component({
  selector: 'him-headline-figures',
  imports: [MatCardModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="figure-cards">
      @for (card of cards(); track card.id) {
        <li>
          <mat-card appearance="outlined" class="figure-card" [attr.data-figure]="card.id">
            <mat-card-content>
              <h3 class="figure-label">{{ card.label }}</h3>
              <p class="figure-value">{{ card.figure.value }}</p>
              <p class="figure-detail">{{ card.figure.detail }}</p>
            </mat-card-content>
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
  `,
})
export class HeadlineFigureCards {
  readonly figures = input.required<HeadlineFigures>();

  protected readonly cards = computed<HeadlineCard[]>(() => {
    const figures = this.figures();
    return [
      { id: 'staff-ready', label: 'Staff ready', figure: figures.staffReady },
      { id: 'requirements-met', label: 'Requirements met', figure: figures.requirementsMet },
      { id: 'targets-met', label: 'Coverage targets met', figure: figures.targetsMet },
    ];
  });
}
