import template from '../../cards/help.json';
import { render } from './render';
import type { View } from './view';

interface Command {
  readonly example: string;
  readonly meaning: string;
}

export interface HelpCardData {
  readonly intro: string;
  readonly sections: readonly { readonly title: string; readonly commands: readonly Command[] }[];
}

const EVERYONE: readonly Command[] = [
  { example: 'who can access info@', meaning: 'Who can open, send as or send on behalf of a mailbox, and how they got it.' },
  { example: 'my mailboxes', meaning: 'The shared mailboxes you can reach.' },
  {
    example: 'add bob to info@ as full access, send as for 30 days because covering support',
    meaning: 'Ask for access; an owner of the mailbox approves. Rights default to Full Access and Send As.',
  },
  { example: 'add bob to info@ without automapping', meaning: 'Full Access without the mailbox appearing in Outlook by itself.' },
  { example: 'remove bob from info@ send as', meaning: 'Ask to remove access (all rights unless you name some).' },
  { example: "why can't bob open info@", meaning: 'Finds what stops someone using a mailbox and offers the fix.' },
  { example: 'mailbox info@', meaning: 'A mailbox\'s settings: type, size, forwarding, Sent Items, sign-in, automatic replies.' },
  { example: 'automap info@ off for bob', meaning: 'Ask to take a mailbox out of (or put it back in) someone\'s Outlook; they keep access.' },
  { example: 'forward info@ to anna@contoso.com and keep a copy', meaning: 'Ask to forward a mailbox\'s mail ("stop forwarding info@" ends it).' },
  { example: 'sent items info@ on', meaning: 'Ask to keep mail sent as the mailbox in its own Sent Items.' },
  { example: 'auto reply info@ "We are closed until Monday" until 2026-12-01', meaning: 'Ask for automatic replies ("auto reply info@ off" ends them).' },
];

const APPROVERS: readonly Command[] = [
  { example: 'pending', meaning: 'Requests waiting for your decision.' },
  { example: 'history info@', meaning: 'What was asked, decided and changed on a mailbox, newest first; add "since 2026-11-01" for a period.' },
  { example: 'undo <reference>', meaning: 'Ask to put back exactly what a carried-out request changed.' },
  { example: 'review info@', meaning: 'Owners and admins: go through everyone with access to a mailbox and keep or remove each.' },
];

const ADMINS: readonly Command[] = [
  { example: 'owners info@', meaning: 'Who approves requests for a mailbox (the admins when it has no owners).' },
  { example: 'add owner dana to info@', meaning: 'Make someone an approver for a mailbox.' },
  { example: 'remove owner dana from info@', meaning: 'Stop someone approving for a mailbox.' },
  { example: 'verify history', meaning: 'Check that nobody changed or removed audit entries outside the bot.' },
  { example: 'export history', meaning: 'The audit log as CSV, behind a download link valid for 15 minutes.' },
  { example: 'report', meaning: 'Every shared mailbox, who can reach it and what needs attention; a summary card and a CSV.' },
  { example: 'set approvals channel', meaning: 'Say it in a team channel: requests for mailboxes without owners go there.' },
  { example: 'hide info@', meaning: 'Ask to hide a mailbox from the address lists ("show info@" brings it back).' },
  { example: 'block sign-in info@', meaning: 'Ask to stop anyone signing in with the shared mailbox\'s own account.' },
  { example: 'create shared mailbox "Support" support@contoso.com with bob, anna', meaning: 'Ask for a new shared mailbox; the members get Full Access and Send As.' },
  { example: 'convert anna@ to shared', meaning: 'Ask to turn a user mailbox into a shared one.' },
];

export interface HelpOptions {
  readonly isAdmin: boolean;
  readonly isApprover: boolean;
  readonly notUnderstood?: string;
}

/** Only what this user may do: approvers and admins see their extra commands. */
export function helpView(options: HelpOptions): View {
  const sections = [{ title: 'Anyone can ask', commands: EVERYONE }];
  if (options.isApprover || options.isAdmin) sections.push({ title: 'As an approver', commands: APPROVERS });
  if (options.isAdmin) sections.push({ title: 'As an admin', commands: ADMINS });
  const intro = options.notUnderstood
    ? `Sorry, I did not understand "${options.notUnderstood.slice(0, 100)}". Here is what you can ask me:`
    : 'I manage access to shared mailboxes. Here is what you can ask me:';
  const data: HelpCardData = { intro, sections };
  const lines = sections.flatMap((section) => [
    `${section.title}:`,
    ...section.commands.map((command) => `- ${command.example}: ${command.meaning}`),
  ]);
  return { card: render(template, data), text: [intro, ...lines].join('\n') };
}
