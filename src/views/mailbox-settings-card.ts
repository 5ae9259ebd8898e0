import template from '../../cards/mailbox-settings.json';
import type { MailboxSettings } from '../domain/mailbox-settings';
import { SHARED_LIMIT_BYTES } from '../domain/setting-plan';
import { dayText, mailboxKey, mailboxText, truncated } from './format';
import { render } from './render';
import type { View } from './view';
import type { SettingAction } from '../commands/setting-actions';

export interface MailboxSettingsCardData {
  readonly mailbox: string;
  readonly mailboxKey: string;
  readonly facts: readonly { readonly title: string; readonly value: string }[];
  readonly warnings: readonly string[];
  readonly stopForwarding: boolean;
  readonly sentItemsChange: SettingAction;
  readonly sentItemsTitle: string;
  readonly autoReplyOff: boolean;
  /** Hide or show, for admins only; empty otherwise. */
  readonly visibilityChange: SettingAction | '';
  readonly visibilityTitle: string;
  readonly blockSignIn: boolean;
  readonly stopForwardingChange: SettingAction;
  readonly autoReplyOffChange: SettingAction;
  readonly blockSignInChange: SettingAction;
}

const TYPES = { shared: 'Shared mailbox', user: 'User mailbox', room: 'Room mailbox', equipment: 'Equipment mailbox', other: 'Other' };
const GB = 1024 ** 3;
const MAX_REPLY_SHOWN = 300;

/** "mailbox info@": type, size against the 50 GB limit, forwarding, sent items, hidden, sign-in, automatic replies. */
export function mailboxSettingsView(settings: MailboxSettings, canAdminister: boolean): View {
  const data = { ...mailboxSettingsCardData(settings), ...changes(settings, canAdminister) };
  const text = [`Settings of ${data.mailbox}`, ...data.facts.map((f) => `${f.title}: ${f.value}`), ...data.warnings.map((w) => `Warning: ${w}`)];
  return { card: render(template, data), text: text.join('\n') };
}

type Changes = Pick<
  MailboxSettingsCardData,
  | 'stopForwarding' | 'sentItemsChange' | 'sentItemsTitle' | 'autoReplyOff' | 'visibilityChange' | 'visibilityTitle' | 'blockSignIn'
  | 'stopForwardingChange' | 'autoReplyOffChange' | 'blockSignInChange'
>;

/** Buttons for the changes this viewer may ask for; each files the same request as typing it. */
function changes({ mailbox, forwarding, autoReply, signInEnabled }: MailboxSettings, canAdminister: boolean): Changes {
  const copies = mailbox.messageCopyForSentAsEnabled;
  return {
    stopForwarding: forwarding !== undefined,
    sentItemsChange: copies ? 'sent-items-off' : 'sent-items-on',
    sentItemsTitle: copies ? 'Sent Items copies off' : 'Sent Items copies on',
    autoReplyOff: autoReply !== undefined && autoReply.status !== 'disabled',
    visibilityChange: canAdminister ? (mailbox.hiddenFromAddressLists ? 'show' : 'hide') : '',
    visibilityTitle: mailbox.hiddenFromAddressLists ? 'Show in address lists' : 'Hide from address lists',
    blockSignIn: canAdminister && signInEnabled === true,
    stopForwardingChange: 'stop-forwarding',
    autoReplyOffChange: 'auto-reply-off',
    blockSignInChange: 'block-sign-in',
  };
}

function mailboxSettingsCardData(settings: MailboxSettings): Omit<MailboxSettingsCardData, keyof Changes> {
  const { mailbox, sizeBytes, forwarding, signInEnabled, autoReply } = settings;
  const size = sizeBytes === undefined ? 'unknown' : `${(sizeBytes / GB).toFixed(2)} GB of 50 GB (${Math.round((sizeBytes / SHARED_LIMIT_BYTES) * 100)}%)`;
  const forward = forwarding
    ? `to ${forwarding.address}${forwarding.external ? ' (external)' : ''}${forwarding.keepsCopy ? ', keeping a copy' : ''}`
    : 'off';
  const sentItems = mailbox.messageCopyForSentAsEnabled
    ? `on: mail sent as ${mailbox.address} is saved in its Sent Items`
    : "off: mail sent as it stays in the sender's own Sent Items";
  const signIn = signInEnabled === undefined ? 'unknown' : signInEnabled ? 'allowed' : 'blocked';
  const reply = !autoReply || autoReply.status === 'disabled'
    ? 'off'
    : `${autoReply.status === 'scheduled' && autoReply.end ? `until ${dayText(autoReply.end)}` : 'on'}: "${truncated(autoReply.message, MAX_REPLY_SHOWN)}"`;
  const warnings = [
    forwarding?.external ? `Forwarding to ${forwarding.address} is blocked by the default outbound spam policy (5.7.520) unless an admin allows it.` : '',
    mailbox.hiddenFromAddressLists ? 'Hidden mailboxes can break access for delegates.' : '',
    mailbox.kind === 'shared' && signInEnabled ? "The shared mailbox's own account can sign in: block sign-in." : '',
    sizeBytes !== undefined && sizeBytes >= SHARED_LIMIT_BYTES * 0.9 ? 'The mailbox is close to the 50 GB limit of an unlicensed shared mailbox.' : '',
  ].filter(Boolean);
  return {
    mailbox: mailboxText(mailbox),
    mailboxKey: mailboxKey(mailbox.address),
    facts: [
      { title: 'Type', value: TYPES[mailbox.kind] },
      { title: 'Size', value: size },
      { title: 'Forwarding', value: forward },
      { title: 'Sent Items', value: sentItems },
      { title: 'Address lists', value: mailbox.hiddenFromAddressLists ? 'hidden' : 'shown' },
      { title: 'Sign-in', value: signIn },
      { title: 'Automatic replies', value: reply },
    ],
    warnings,
  };
}
