import type { Forwarding } from './access-report';
import type { Mailbox } from './mailbox';
import type { AutoReplySetting } from './setting-change';

/** Everything the settings card shows about one mailbox; undefined where the service did not say. */
export interface MailboxSettings {
  readonly mailbox: Mailbox;
  readonly sizeBytes?: number;
  readonly forwarding?: Forwarding;
  readonly signInEnabled?: boolean;
  readonly autoReply?: AutoReplySetting;
}
