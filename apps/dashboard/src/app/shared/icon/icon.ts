import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A decorative 24-unit icon, drawn in the text's colour and hidden from assistive technology
 * (the words beside it say what it means): `<svg [himIcon]="path" size="16"></svg>`.
 */
@Component({
  // An attribute on the svg itself, so the icon stays one element in the page's markup.
  // eslint-disable-next-line @angular-eslint/component-selector
  selector: 'svg[himIcon]',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    'aria-hidden': 'true',
    focusable: 'false',
    viewBox: '0 0 24 24',
    '[attr.width]': 'size()',
    '[attr.height]': 'size()',
  },
  template: `<svg:path fill="currentColor" [attr.d]="himIcon()" />`,
})
export class Icon {
  /** the path's drawing (`d`), one of the icons in status-icons */
  readonly himIcon = input.required<string>();
  /** width and height in pixels */
  readonly size = input<number | string>(24);
}
