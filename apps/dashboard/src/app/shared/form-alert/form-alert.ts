import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/**
 * The sentences of a failed save that name no field, as one alert above the form's fields,
 * and, where the record changed meanwhile, the button that reloads it (`reloadLabel`).
 */
@Component({
  selector: 'him-form-alert',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (messages().length > 0) {
      <div class="form-alert" role="alert">
        @for (message of messages(); track $index) {
          <p>{{ message }}</p>
        }
        @if (staleVersion()) {
          <button mat-stroked-button type="button" (click)="reload.emit()">
            {{ reloadLabel() }}
          </button>
        }
      </div>
    }
  `,
  styleUrl: '../forms.scss',
})
export class FormAlert {
  readonly messages = input.required<readonly string[]>();
  /** the save was refused because the record changed since it was read */
  readonly staleVersion = input(false);
  readonly reloadLabel = input('Reload');
  readonly reload = output<void>();
}
