import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import type {
  CreatedWebhook,
  CreateWebhookRequest,
  FailingAddress,
  NoticeLogEntry,
  NoticePage,
  NotificationPreferences,
  Page,
  ReminderKind,
  ReminderSettings,
  UnreadCount,
  UpdateReminderSettingsRequest,
  UpdateWebhookRequest,
  Webhook,
} from '@him/contracts';
import { Observable, tap } from 'rxjs';
import { apiUrl } from '../core/api/api-url';

/** What each kind of notice is called in the dashboard. */
export const KIND_LABELS: Record<ReminderKind, string> = {
  'credential.expiring': 'Credential expiring',
  'credential.lapsed': 'Credential lapsed',
  'credential.state-ending': 'Reinstatement period ending',
  'ce.behind': 'CE behind its pace',
  'ce.at-risk': 'CE at risk',
  'ce.review-waiting': 'CE waiting for review',
  'ce.rejected': 'CE activity not approved',
  digest: 'Weekly digest',
};

/** The caller's notices and the unread count the bell shows (one signal for the whole app). */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);
  readonly unread = signal<number | null>(null);

  refreshUnread(): void {
    this.http
      .get<UnreadCount>(apiUrl('notifications/unread-count'))
      .subscribe({ next: (r) => this.unread.set(r.unread), error: () => undefined });
  }

  list(limit = 100, offset = 0): Observable<NoticePage> {
    const params = new HttpParams().set('limit', limit).set('offset', offset);
    return this.http
      .get<NoticePage>(apiUrl('notifications'), { params })
      .pipe(tap((page) => this.unread.set(page.unread)));
  }

  markRead(id: string): Observable<UnreadCount> {
    return this.http
      .post<UnreadCount>(apiUrl(`notifications/${id}/read`), {})
      .pipe(tap((r) => this.unread.set(r.unread)));
  }

  markAllRead(): Observable<{ marked: number }> {
    return this.http
      .post<{ marked: number }>(apiUrl('notifications/read-all'), {})
      .pipe(tap(() => this.unread.set(0)));
  }

  preferences(): Observable<NotificationPreferences> {
    return this.http.get<NotificationPreferences>(apiUrl('notifications/preferences'));
  }

  savePreferences(choices: NotificationPreferences): Observable<NotificationPreferences> {
    return this.http.patch<NotificationPreferences>(apiUrl('notifications/preferences'), choices);
  }

  // admins

  settings(): Observable<ReminderSettings> {
    return this.http.get<ReminderSettings>(apiUrl('reminders/settings'));
  }

  saveSettings(change: UpdateReminderSettingsRequest): Observable<ReminderSettings> {
    return this.http.patch<ReminderSettings>(apiUrl('reminders/settings'), change);
  }

  log(filter: { userId?: string; kind?: string }, limit = 100): Observable<Page<NoticeLogEntry>> {
    let params = new HttpParams().set('limit', limit);
    if (filter.userId) params = params.set('userId', filter.userId);
    if (filter.kind) params = params.set('kind', filter.kind);
    return this.http.get<Page<NoticeLogEntry>>(apiUrl('notifications/log'), { params });
  }

  failing(): Observable<FailingAddress[]> {
    return this.http.get<FailingAddress[]>(apiUrl('notifications/failing-addresses'));
  }

  clearFailing(id: string): Observable<FailingAddress> {
    return this.http.delete<FailingAddress>(apiUrl(`notifications/failing-addresses/${id}`));
  }

  webhooks(): Observable<Webhook[]> {
    return this.http.get<Webhook[]>(apiUrl('webhooks'));
  }

  createWebhook(request: CreateWebhookRequest): Observable<CreatedWebhook> {
    return this.http.post<CreatedWebhook>(apiUrl('webhooks'), request);
  }

  updateWebhook(id: string, change: UpdateWebhookRequest): Observable<Webhook> {
    return this.http.patch<Webhook>(apiUrl(`webhooks/${id}`), change);
  }

  deleteWebhook(id: string): Observable<Webhook> {
    return this.http.delete<Webhook>(apiUrl(`webhooks/${id}`));
  }
}
