/** Reminders, notices, deliveries and webhooks (issue 8). */
import type { IsoDate, IsoTimestamp } from './api';

/**
 * What a reminder is about. The same names are the webhook event kinds, so an integration
 * subscribes to exactly what people are reminded of.
 */
export const REMINDER_KINDS = [
  'credential.expiring',
  'credential.lapsed',
  'credential.state-ending',
  'ce.behind',
  'ce.at-risk',
  'ce.review-waiting',
  'ce.rejected',
  'digest',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Kinds a webhook can subscribe to (the weekly digest is for people, not systems). */
export const WEBHOOK_EVENT_KINDS = REMINDER_KINDS.filter(
  (kind): kind is Exclude<ReminderKind, 'digest'> => kind !== 'digest',
);
export type WebhookEventKind = Exclude<ReminderKind, 'digest'>;

export const NOTICE_CHANNELS = ['in-app', 'email', 'webhook'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** queued: waiting for its first attempt or a retry; sent; failed (given up); suppressed (not tried). */
export const DELIVERY_RESULTS = ['queued', 'retrying', 'sent', 'failed', 'suppressed'] as const;
export type DeliveryResult = (typeof DELIVERY_RESULTS)[number];

/** One in-app notice of the caller's. */
export interface Notice {
  id: string;
  kind: ReminderKind;
  title: string;
  body: string;
  /** the dashboard path it is about (`/staff/<id>`, `/review` ...) */
  link: string;
  /** the day the reminder was due (a caught-up reminder is sent after it) */
  dueOn: IsoDate;
  createdAt: IsoTimestamp;
  readAt: IsoTimestamp | null;
}

export interface NoticePage {
  items: Notice[];
  total: number;
  unread: number;
}

export interface UnreadCount {
  unread: number;
}

export interface ReadAllResponse {
  marked: number;
}

/** A person's e-mail choices: the kinds they do not want by e-mail (the in-app notice stays). */
export interface NotificationPreferences {
  emailOptOut: ReminderKind[];
  /** 0 before the first save; send it back with a change (a stale one answers 409) */
  version: number;
}

/** Lead times (days before the date) and on/off of one kind. */
export interface LeadTimeSetting {
  enabled: boolean;
  leadDays: number[];
}

export interface OnOffSetting {
  enabled: boolean;
}

export interface ReminderSettings {
  /** R10: before a credential expires (the department's reminder lead days; the calendar uses them too) */
  expiring: LeadTimeSetting;
  /** the day after a credential lapsed */
  lapsed: OnOffSetting;
  /** R18: before the last day of an after-lapse state (AHIMA inactive, AAPC grace ...) */
  stateEnding: LeadTimeSetting;
  /** R15: a CE group behind its pace, days before its cycle ends (more than 90) */
  ceBehind: LeadTimeSetting;
  /** R15: a CE group at risk, days before its cycle ends (90 or fewer) */
  ceAtRisk: LeadTimeSetting;
  /** a CE activity waiting for review for more than `afterDays` days */
  reviewWaiting: { enabled: boolean; afterDays: number };
  /** a rejected CE activity, to its holder with the reason */
  rejected: OnOffSetting;
  /** the weekly digest for managers and admins; weekday 1 = Monday ... 7 = Sunday, hour 0-23 in the department's zone */
  digest: { enabled: boolean; weekday: number; hour: number };
  /** expiry lead times of one credential type instead of the department's */
  credentialTypeLeadDays: { credentialTypeId: string; leadDays: number[] }[];
  version: number;
}

export type UpdateReminderSettingsRequest = Partial<Omit<ReminderSettings, 'version'>> & {
  version: number;
  note?: string;
};

export interface RunRemindersRequest {
  date: IsoDate;
}

/** One reminder a run claimed (and so sent: in-app at once, e-mail and webhooks queued). */
export interface ClaimedReminder {
  key: string;
  kind: ReminderKind;
  recipientUserId: string | null;
  dueOn: IsoDate;
  /** due on an earlier day the scheduler did not run */
  caughtUp: boolean;
  channels: NoticeChannel[];
}

export interface RunRemindersResponse {
  date: IsoDate;
  /** the days this run covered: after the last day a run covered, through `date` */
  coveredFrom: IsoDate;
  /** reminders due that an earlier run (or another process) had already claimed */
  alreadyClaimed: number;
  claimed: ClaimedReminder[];
  sent: { inApp: number; email: number; webhook: number };
}

/** A notice as the admins' log shows it: one row per channel of one notice. */
export interface NoticeLogEntry {
  noticeId: string | null;
  deliveryId: string | null;
  kind: ReminderKind;
  key: string;
  recipient: { userId: string | null; email: string | null; label: string };
  title: string;
  channel: NoticeChannel;
  result: DeliveryResult;
  attempts: number;
  lastError: string | null;
  createdAt: IsoTimestamp;
  sentAt: IsoTimestamp | null;
}

export interface NoticeLogQuery {
  userId?: string;
  kind?: ReminderKind;
  channel?: NoticeChannel;
  limit?: number;
  offset?: number;
}

/** An address (e-mail) or endpoint (webhook) that fails permanently; its deliveries are suppressed until cleared. */
export interface FailingAddress {
  id: string;
  channel: 'email' | 'webhook';
  address: string;
  reason: string;
  failures: number;
  firstFailedAt: IsoTimestamp;
  lastFailedAt: IsoTimestamp;
}

export interface Webhook {
  id: string;
  url: string;
  events: WebhookEventKind[];
  description: string | null;
  active: boolean;
  createdAt: IsoTimestamp;
  version: number;
}

export interface CreateWebhookRequest {
  url: string;
  events: WebhookEventKind[];
  description?: string;
}

/** A change of a webhook: any of its fields, `active: false` pauses it; with the version read. */
export type UpdateWebhookRequest = Partial<Omit<CreateWebhookRequest, 'description'>> & {
  description?: string | null;
  active?: boolean;
  version: number;
};

/** The secret signs every delivery (HMAC-SHA256 of the body); it is shown once, at creation. */
export interface CreatedWebhook extends Webhook {
  secret: string;
}

/** The body of every webhook delivery; its HMAC-SHA256 is in the `X-HIM-Signature` header. */
export interface WebhookPayload {
  id: string;
  event: WebhookEventKind;
  key: string;
  dueOn: IsoDate;
  sentAt: IsoTimestamp;
  department: { id: string; name: string };
  subject: Record<string, unknown>;
  text: string;
  link: string;
}
