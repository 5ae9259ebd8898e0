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
];

const APPROVERS: readonly Command[] = [
  { example: 'pending', meaning: 'Requests waiting for your decision.' },
  { example: 'history info@', meaning: 'What was asked, decided and changed on a mailbox, newest first.' },
];

const ADMINS: readonly Command[] = [
  { example: 'owners info@', meaning: 'Who approves requests for a mailbox (the admins when it has no owners).' },
  { example: 'add owner dana to info@', meaning: 'Make someone an approver for a mailbox.' },
  { example: 'remove owner dana from info@', meaning: 'Stop someone approving for a mailbox.' },
  { example: 'set approvals channel', meaning: 'Say it in a team channel: requests for mailboxes without owners go there.' },
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
