import { AppError } from '../domain/errors';
import type { Command } from './command';

/** The settings changes a card button may start, by the name the card carries in `change`. */
export const SETTING_ACTIONS = {
  'stop-forwarding': (mailbox: string): Command => ({ kind: 'request-forwarding', mailbox, keepCopy: false }),
  'sent-items-on': (mailbox: string): Command => ({ kind: 'request-sent-items', mailbox, enabled: true }),
  'sent-items-off': (mailbox: string): Command => ({ kind: 'request-sent-items', mailbox, enabled: false }),
  'auto-reply-off': (mailbox: string): Command => ({ kind: 'request-auto-reply', mailbox }),
  hide: (mailbox: string): Command => ({ kind: 'request-address-lists', mailbox, hidden: true }),
  show: (mailbox: string): Command => ({ kind: 'request-address-lists', mailbox, hidden: false }),
  'block-sign-in': (mailbox: string): Command => ({ kind: 'request-block-sign-in', mailbox }),
} as const;

export type SettingAction = keyof typeof SETTING_ACTIONS;

/** A settings button: the same request as typing it, so the same checks and the same approval apply. */
export function settingAction(change: unknown, mailbox: string): Command {
  if (typeof change !== 'string' || !Object.hasOwn(SETTING_ACTIONS, change)) {
    throw new AppError('invalid', 'This card is out of date or damaged. Send "help" to start again.');
  }
  return SETTING_ACTIONS[change as SettingAction](mailbox);
}
