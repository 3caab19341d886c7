/**
 * The words of every notice, e-mail and webhook text, in one place (no I/O): the field's words,
 * never rule numbers or internal codes. Dates are calendar dates in the department's zone.
 */
import type { IsoDate, ReminderKind } from '@him/contracts';
import type { DigestContent, DueReminder, RecipientRole } from '@him/domain';
import { formatHours } from '@him/domain';

export interface NoticeContext {
  departmentName: string;
  /** the member the reminder is about */
  staffName: string;
  /** the credential type's name and issuing body, for credential reminders */
  credentialTypeName?: string;
  issuingBody?: string;
  role: RecipientRole;
}

export interface NoticeText {
  title: string;
  body: string;
  /** a dashboard path */
  link: string;
}

/** "June 30, 2027": a calendar date as people write it (no zone can shift it). */
export function longDate(date: IsoDate): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

function inDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

function stateWords(state: string): string {
  if (state === 'grace') return 'in its grace period';
  if (state === 'revoked') return 'revoked by the issuing body';
  return state;
}

/** Whose: "Your RHIT" to the holder, "Ann Lee's RHIT" to a manager or reviewer. */
function whose(context: NoticeContext, what: string): string {
  return context.role === 'holder' ? `Your ${what}` : `${context.staffName}'s ${what}`;
}

function memberLink(reminder: DueReminder, context: NoticeContext): string {
  return context.role === 'holder' ? '/my-progress' : `/staff/${reminder.staffId}`;
}

/** The in-app notice (and the e-mail's subject and first lines) of a due reminder. */
export function noticeText(reminder: DueReminder, context: NoticeContext): NoticeText {
  const subject = reminder.subject;
  const link = memberLink(reminder, context);
  if (subject.type === 'credential') {
    const code = subject.credentialTypeCode;
    const named = context.credentialTypeName ? ` (${context.credentialTypeName})` : '';
    const number = subject.number ? `, number ${subject.number}` : '';
    const body = context.issuingBody ? ` with ${context.issuingBody}` : '';
    if (reminder.kind === 'credential.expiring') {
      return {
        title: `${whose(context, code)} expires ${inDays(subject.daysLeft)}`,
        body:
          `${whose(context, code)}${named}${number} expires on ${longDate(subject.expiresOn)}. ` +
          `Renew it${body} before it lapses, then record the new expiry date in HIM Readiness.`,
        link,
      };
    }
    const state = subject.afterLapse;
    const stateLine =
      state && state.until
        ? ` It is now ${stateWords(state.state)} until ${longDate(state.until)}${state.canBeReinstated ? ' and can still be reinstated' : ''}.`
        : '';
    if (reminder.kind === 'credential.state-ending' && state && state.until) {
      return {
        title: `${whose(context, code)} stays ${stateWords(state.state)} only until ${longDate(state.until)}`,
        body:
          `${whose(context, code)}${named}${number} lapsed on ${longDate(subject.expiresOn)} and is ${stateWords(state.state)} until ${longDate(state.until)}. ` +
          `After that day the issuing body revokes it. Reinstate it${body} before then and record it in HIM Readiness.`,
        link,
      };
    }
    return {
      title: `${whose(context, code)} has lapsed`,
      body:
        `${whose(context, code)}${named}${number} expired on ${longDate(subject.expiresOn)} and no longer counts.${stateLine} ` +
        `Renew it${body} and record the new expiry date in HIM Readiness.`,
      link,
    };
  }
  if (subject.type === 'ce-group') {
    const what = `${subject.issuingBody} continuing education`;
    const hours = `${formatHours(subject.earned)} of ${formatHours(subject.required)} hours earned, ${formatHours(subject.remaining)} still to earn`;
    const pending =
      subject.pending > 0 ? ` (${formatHours(subject.pending)} hours wait for review)` : '';
    const cycle = `The cycle for ${subject.credentialTypeCodes.join(', ')} ends on ${longDate(subject.cycleEnd)}, ${inDays(subject.daysLeft)}.`;
    if (reminder.kind === 'ce.behind') {
      return {
        title: `${whose(context, what)} is behind its pace`,
        body: `${cycle} ${hours}${pending}: behind the pace needed to finish on time. Log the hours you have earned in HIM Readiness.`,
        link,
      };
    }
    return {
      title: `${whose(context, what)} is at risk: the cycle ends ${inDays(subject.daysLeft)}`,
      body: `${cycle} ${hours}${pending}. Earn and log the remaining hours before the cycle ends.`,
      link,
    };
  }
  if (reminder.kind === 'ce.rejected') {
    return {
      title: `Your CE activity "${subject.title}" was not approved`,
      body: `The reviewer did not approve "${subject.title}". Reason: ${subject.reason ?? 'none given'}`,
      link: '/my-progress',
    };
  }
  return {
    title: `${context.staffName}'s CE activity waits for your review`,
    body: `"${subject.title}" was submitted on ${longDate(subject.submittedOn)} and has waited ${subject.daysWaiting} days for review.`,
    link: '/review',
  };
}

/** The weekly digest as a notice: counts in the title, the lists in the body. */
export function digestText(content: DigestContent, scope: string, on: IsoDate): NoticeText {
  const parts: string[] = [];
  if (content.expiring.length) parts.push(`${content.expiring.length} lapsing within 30 days`);
  if (content.lapsed.length) parts.push(`${content.lapsed.length} lapsed last week`);
  if (content.behind.length) parts.push(`${content.behind.length} CE behind or at risk`);
  if (content.waiting.length) parts.push(`${content.waiting.length} waiting for review`);
  const lines: string[] = [`Week of ${longDate(on)}, ${scope}.`];
  if (content.expiring.length) {
    lines.push('', 'Lapsing within 30 days:');
    for (const e of content.expiring)
      lines.push(
        `- ${e.staffName}: ${e.credentialTypeCode} expires on ${longDate(e.expiresOn)} (${inDays(e.daysLeft)})`,
      );
  }
  if (content.lapsed.length) {
    lines.push('', 'Lapsed last week:');
    for (const e of content.lapsed)
      lines.push(`- ${e.staffName}: ${e.credentialTypeCode} expired on ${longDate(e.expiresOn)}`);
  }
  if (content.behind.length) {
    lines.push('', 'Continuing education behind or at risk:');
    for (const g of content.behind)
      lines.push(
        `- ${g.staffName}: ${g.issuingBody}, ${g.status === 'behind' ? 'behind its pace' : 'at risk'}, ${formatHours(g.remaining)} hours still to earn by ${longDate(g.cycleEnd)}`,
      );
  }
  if (content.waiting.length) {
    lines.push('', 'Waiting for your review:');
    for (const w of content.waiting)
      lines.push(`- ${w.staffName}: "${w.title}", submitted on ${longDate(w.submittedOn)}`);
  }
  return { title: `Weekly digest: ${parts.join(', ')}`, body: lines.join('\n'), link: '/overview' };
}

export interface EmailText {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** An e-mail for a notice: plain text and HTML naming the person, the subject, the date and the link back. */
export function noticeEmail(
  notice: { title: string; body: string; link: string; kind: ReminderKind },
  recipientName: string,
  departmentName: string,
  publicUrl: string,
): EmailText {
  const url = `${publicUrl}${notice.link}`;
  const preferences = `${publicUrl}/notifications`;
  const greeting = `Hello ${recipientName},`;
  const footer = `You receive this from HIM Readiness, ${departmentName}. Choose which reminders you get by e-mail: ${preferences}`;
  const text = [
    greeting,
    '',
    notice.title,
    '',
    notice.body,
    '',
    `Open it: ${url}`,
    '',
    '--',
    footer,
  ].join('\n');
  const paragraphs = notice.body
    .split('\n\n')
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(notice.title)}</title></head>
<body style="font-family: Arial, sans-serif; color: #1a1a1a; line-height: 1.5">
<p>${escapeHtml(greeting)}</p>
<h1 style="font-size: 18px">${escapeHtml(notice.title)}</h1>
${paragraphs}
<p><a href="${escapeHtml(url)}">Open it in HIM Readiness</a></p>
<hr>
<p style="font-size: 12px; color: #555">You receive this from HIM Readiness, ${escapeHtml(departmentName)}.
<a href="${escapeHtml(preferences)}">Choose which reminders you get by e-mail</a>.</p>
</body></html>`;
  return { subject: notice.title, text, html };
}
