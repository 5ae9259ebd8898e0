import type { AutoReplySetting } from '../../domain/setting-change';
import type { GraphObject } from './graph-gateway';

const STATUSES: readonly AutoReplySetting['status'][] = ['disabled', 'alwaysEnabled', 'scheduled'];

/** Graph's casing of enums varies between `Scheduled` and `scheduled`, so they are compared case-insensitively. */
export function toAutoReply(setting: GraphObject): AutoReplySetting {
  const raw = String(setting['status'] ?? '').toLowerCase();
  const status = STATUSES.find((s) => s.toLowerCase() === raw) ?? 'disabled';
  const start = instant(setting['scheduledStartDateTime']);
  const end = instant(setting['scheduledEndDateTime']);
  return {
    status,
    message: plainText(String(setting['internalReplyMessage'] ?? '')),
    ...(status === 'scheduled' && start ? { start } : {}),
    ...(status === 'scheduled' && end ? { end } : {}),
  };
}

/** The same message for colleagues and for everybody else. */
export function fromAutoReply(setting: AutoReplySetting): Record<string, unknown> {
  const at = (iso: string) => ({ dateTime: iso.replace(/Z$/, ''), timeZone: 'UTC' });
  return {
    status: setting.status,
    externalAudience: setting.status === 'disabled' ? 'none' : 'all',
    ...(setting.status === 'disabled' ? {} : { internalReplyMessage: setting.message, externalReplyMessage: setting.message }),
    ...(setting.start ? { scheduledStartDateTime: at(setting.start) } : {}),
    ...(setting.end ? { scheduledEndDateTime: at(setting.end) } : {}),
  };
}

function instant(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const dateTime = (value as Record<string, unknown>)['dateTime'];
  if (typeof dateTime !== 'string') return undefined;
  const parsed = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(dateTime) ? dateTime : `${dateTime}Z`);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

/** Outlook stores replies as HTML; the card shows the words. */
function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
}
