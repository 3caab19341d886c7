import { ChangeDetectionStrategy, Component } from '@angular/core';
import { DeadEnd } from '../shared/dead-end/dead-end';

@Component({
  selector: 'him-not-found-page',
  imports: [DeadEnd],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <him-dead-end heading="Page not found">
      <p>There is no page at this address. Check the link, or start again from your start page.</p>
    </him-dead-end>
  `,
})
export class NotFoundPage {}
