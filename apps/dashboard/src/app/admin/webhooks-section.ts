import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { WEBHOOK_EVENT_KINDS, type Webhook, type WebhookEventKind } from '@him/contracts';
import { KIND_LABELS, NotificationsApi } from '../notifications/notifications-api';

type EventControls = Record<WebhookEventKind, FormControl<boolean>>;

function eventControls(): EventControls {
  return Object.fromEntries(
    WEBHOOK_EVENT_KINDS.map((kind) => [kind, new FormControl(false, { nonNullable: true })]),
  ) as EventControls;
}

/** The API's refusal in words: its field messages, or a plain "try again". */
function refusal(e: { error?: { message?: string[] | string } }): string {
  const message = e.error?.message ?? 'try again';
  return Array.isArray(message) ? message.join('; ') : message;
}

/**
 * The admin's webhook endpoints: register an HTTPS address for event kinds (its signing
 * secret is shown once), pause or resume it, change its events, remove it. Deliveries appear
 * in "Notices sent" with the webhook channel.
 */
@Component({
  selector: 'him-webhooks-section',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">Webhooks</h2>
      <p>
        Other systems (a staffing tool, a ticket queue) receive each reminder as a signed JSON POST.
        The signature is the HMAC-SHA256 of the body with the endpoint's secret, in the
        <code>X-HIM-Signature</code> header; failed deliveries are retried with backoff.
      </p>
      @if (webhooks().length === 0) {
        <p>No endpoint is registered.</p>
      } @else {
        <ul class="endpoints">
          @for (w of webhooks(); track w.id) {
            <li>
              <p>
                <strong>{{ w.url }}</strong>
                @if (!w.active) {
                  <span class="paused">(paused)</span>
                }
                @if (w.description) {
                  — {{ w.description }}
                }
              </p>
              <p>
                Sends: {{ eventWords(w.events) }}. Registered {{ w.createdAt | date: 'medium' }}.
              </p>
              <button mat-stroked-button type="button" (click)="toggle(w)">
                {{ w.active ? 'Pause' : 'Resume'
                }}<span class="cdk-visually-hidden"> {{ w.url }}</span>
              </button>
              <button mat-button type="button" (click)="remove(w)">
                Remove<span class="cdk-visually-hidden"> {{ w.url }}</span>
              </button>
            </li>
          }
        </ul>
      }
      <form [formGroup]="form" (ngSubmit)="add()" aria-label="Register a webhook endpoint">
        <mat-form-field class="url">
          <mat-label>Endpoint address (HTTPS)</mat-label>
          <input matInput type="url" formControlName="url" autocomplete="off" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>What it is for (optional)</mat-label>
          <input matInput formControlName="description" />
        </mat-form-field>
        <fieldset [formGroup]="form.controls.events">
          <legend>Send</legend>
          @for (kind of kinds; track kind) {
            <mat-checkbox [formControlName]="kind">{{ kindLabel(kind) }}</mat-checkbox>
          }
        </fieldset>
        <button mat-flat-button type="submit">Register endpoint</button>
      </form>
      @if (secret(); as created) {
        <div class="secret" role="region" aria-label="Signing secret">
          <p>
            The signing secret of {{ created.url }} is shown this once: copy it into the receiving
            system now.
          </p>
          <code>{{ created.secret }}</code>
          <button mat-button type="button" (click)="secret.set(null)">I have copied it</button>
        </div>
      }
      <p role="status">{{ status() }}</p>
    </section>
  `,
  styles: `
    .endpoints {
      padding-left: 20px;
    }
    .endpoints li {
      margin-bottom: 12px;
    }
    .endpoints p {
      margin: 2px 0;
    }
    .paused {
      font-style: italic;
    }
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: center;
    }
    .url {
      min-width: min(420px, 100%);
    }
    fieldset {
      border: 1px solid #c4c7c5;
      border-radius: 8px;
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      width: 100%;
    }
    .secret {
      border: 2px solid #1a73e8;
      border-radius: 8px;
      padding: 8px 16px;
      margin-top: 12px;
    }
    .secret code {
      word-break: break-all;
      display: block;
      margin: 8px 0;
    }
  `,
})
export class WebhooksSection implements OnInit {
  private readonly api = inject(NotificationsApi);

  protected readonly kinds = WEBHOOK_EVENT_KINDS;
  protected readonly webhooks = signal<Webhook[]>([]);
  protected readonly secret = signal<{ url: string; secret: string } | null>(null);
  protected readonly status = signal('');
  protected readonly form = new FormGroup({
    url: new FormControl('', { nonNullable: true }),
    description: new FormControl('', { nonNullable: true }),
    events: new FormGroup(eventControls()),
  });

  ngOnInit(): void {
    this.load();
  }

  protected kindLabel(kind: WebhookEventKind): string {
    return KIND_LABELS[kind];
  }

  protected eventWords(events: WebhookEventKind[]): string {
    return events.map((kind) => KIND_LABELS[kind].toLowerCase()).join(', ');
  }

  protected add(): void {
    const { url, description, events } = this.form.getRawValue();
    const chosen = WEBHOOK_EVENT_KINDS.filter((kind) => events[kind]);
    if (!url.trim() || chosen.length === 0) {
      this.status.set('Type the endpoint address and choose at least one thing to send.');
      return;
    }
    this.api
      .createWebhook({
        url: url.trim(),
        events: chosen,
        ...(description.trim() ? { description: description.trim() } : {}),
      })
      .subscribe({
        next: (created) => {
          this.secret.set({ url: created.url, secret: created.secret });
          this.form.reset();
          this.status.set(`${created.url} registered.`);
          this.load();
        },
        error: (e) => this.status.set(`Not registered: ${refusal(e)}`),
      });
  }

  protected toggle(w: Webhook): void {
    this.api.updateWebhook(w.id, { active: !w.active, version: w.version }).subscribe({
      next: (saved) => {
        this.status.set(`${saved.url} ${saved.active ? 'resumed' : 'paused'}.`);
        this.load();
      },
      error: (e) => this.status.set(`Not changed: ${refusal(e)}`),
    });
  }

  protected remove(w: Webhook): void {
    this.api.deleteWebhook(w.id).subscribe({
      next: () => {
        this.status.set(`${w.url} removed: nothing more is sent to it.`);
        this.load();
      },
      error: (e) => this.status.set(`Not removed: ${refusal(e)}`),
    });
  }

  private load(): void {
    this.api.webhooks().subscribe((list) => this.webhooks.set(list));
  }
}
