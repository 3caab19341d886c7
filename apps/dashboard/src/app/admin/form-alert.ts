import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** The sentences of a failed save that name no field, and the reload a stale version needs. */
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
          <button mat-stroked-button type="button" (click)="reload.emit()">Reload</button>
        }
      </div>
    }
  `,
  styleUrl: '../shared/forms.scss',
})
export class FormAlert {
  readonly messages = input.required<string[]>();
  readonly staleVersion = input(false);
  readonly reload = output<void>();
}
