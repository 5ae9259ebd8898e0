import type { AccessReview, ReviewEntry } from '../domain/access-review';
import { rightNames, truncated } from './format';
import type { ReviewCardData } from './review-card';

/** Teams refuses a card over 28 KB with its text fallback; this leaves room for the activity around it. */
const CARD_BYTES = 26 * 1024;
/** A very long name or address is cut, so that one trustee cannot take the room of many. */
const MAX_TITLE = 200;
/** Card markup beyond the text: the multi-select around its choices, and around one row of the submitted list. */
const INPUT_MARKUP_BYTES = 300;
const ROW_MARKUP_BYTES = 450;

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * The compact review card for a review too big for a Keep/Remove per trustee. Open: one multi-select of
 * the trustees to remove, as many as fit, saying how many more there are; a trustee not on the card is
 * never sent, so the submit keeps it. Submitted: only the removals, the kept ones counted in the summary.
 */
export function compactReviewData(
  review: AccessReview,
  data: ReviewCardData,
  removedIds: ReadonlySet<string>,
  sizeOf: (data: ReviewCardData) => number,
): ReviewCardData {
  const mailbox = review.mailbox.address;
  const total = review.entries.length;
  if (data.open) {
    const choices = review.entries.map((entry) => ({ title: choiceTitle(entry), value: entry.trustee.id }));
    const open = { ...data, compact: true, entries: [], removeLabel: 'Select everyone to remove; everyone else is kept' };
    // The card without its list, saying the longest "more" it could: what is left of the 26 KB is the list's.
    const room = CARD_BYTES - INPUT_MARKUP_BYTES - sizeOf({ ...open, choices: [], notShown: notOnCardText(total, total, mailbox) });
    const shown = fitting(choices, room, (choice) => bytes(JSON.stringify(choice)) + 2);
    const hidden = total - shown.length;
    return { ...open, choices: shown, notShown: hidden > 0 ? notOnCardText(shown.length, hidden, mailbox) : '' };
  }
  const removed = data.entries.filter((_, index) => removedIds.has(review.entries[index]?.trustee.id ?? ''));
  const closed = { ...data, compact: true, entries: [] };
  const room = CARD_BYTES - sizeOf({ ...closed, notShown: moreRemovalsText(total, mailbox) });
  // Each row is shown on the card and again in the text fallback.
  const shown = fitting(removed, room, (row) => 2 * bytes(`${row.name}${row.detail}${row.members}${row.outcome}`) + ROW_MARKUP_BYTES);
  const hidden = removed.length - shown.length;
  return { ...closed, entries: shown, notShown: hidden > 0 ? moreRemovalsText(hidden, mailbox) : '' };
}

/** "Ann Lee (ann@contoso.com) · Full Access" or "Sales (group, 12 people) · Full Access". */
function choiceTitle(entry: ReviewEntry): string {
  const { trustee, members } = entry;
  const who = trustee.kind === 'group' ? `group, ${members.length} ${members.length === 1 ? 'person' : 'people'}` : trustee.address;
  return truncated(`${trustee.displayName} (${who}) · ${rightNames(entry.rights)}`, MAX_TITLE);
}

function notOnCardText(shown: number, hidden: number, mailbox: string): string {
  const who = hidden === 1 ? '1 more person or group' : `${hidden} more people and groups`;
  return (
    `This card lists ${shown}, and ${who} with access did not fit on it. This submit keeps them; they are on the list ` +
    `again in the next review (send "review ${mailbox}"; removals made here leave room for them), and anyone can be ` +
    `removed at any time with "remove <person> from ${mailbox}".`
  );
}

const moreRemovalsText = (hidden: number, mailbox: string): string =>
  `and ${hidden} more ${hidden === 1 ? 'removal' : 'removals'}: see "history ${mailbox}".`;

/** The first rows whose costs add up to no more than `room` bytes. */
function fitting<T>(rows: readonly T[], room: number, cost: (row: T) => number): readonly T[] {
  let used = 0;
  let count = 0;
  for (const row of rows) {
    used += cost(row);
    if (used > room) break;
    count += 1;
  }
  return rows.slice(0, count);
}
