import template from '../../cards/review.json';
import type { ReviewRemoval } from '../app/outcome';
import type { AccessReview, ReviewEntry } from '../domain/access-review';
import type { ChangeRequest } from '../domain/change-request';
import { listWords } from '../domain/rights-text';
import { REVIEW_INPUT_PREFIX, REVIEW_REMOVE_INPUT } from '../commands/parse-action';
import { mailboxText, rightNames } from './format';
import { render } from './render';
import { compactReviewData } from './review-compact';
import type { View } from './view';

/** Group members named on the card; the rest are counted. */
const MEMBERS_SHOWN = 10;
/**
 * Above this many trustees, or this many bytes, the card lists everyone in one multi-select instead of a
 * Keep/Remove per trustee: each of those takes about 500 bytes (more for a group with its members), and
 * Teams refuses a card over 28 KB.
 */
const FULL_CARD_MAX_ENTRIES = 30;
const FULL_CARD_MAX_BYTES = 22 * 1024;

export interface ReviewCardData {
  readonly reviewId: string;
  readonly title: string;
  readonly mailbox: string;
  readonly intro: string;
  readonly notice: string;
  readonly open: boolean;
  readonly entries: readonly {
    readonly inputId: string;
    readonly name: string;
    readonly detail: string;
    readonly members: string;
    readonly choiceLabel: string;
    readonly outcome: string;
  }[];
  readonly summary: string;
  /** The compact form: one multi-select of the trustees to remove (open), or only the removals (submitted). */
  readonly compact: boolean;
  readonly removeInputId: string;
  readonly removeLabel: string;
  readonly choices: readonly { readonly title: string; readonly value: string }[];
  /** How many trustees the compact card could not hold, and what becomes of them. */
  readonly notShown: string;
}

export interface ReviewViewOptions {
  readonly removals?: readonly ReviewRemoval[];
  readonly notice?: string;
  /** The one reminder of an unfinished scheduled review. */
  readonly reminder?: boolean;
}

/**
 * The review: Keep/Remove per direct trustee while open; once submitted, what became of each. A review
 * too big for that gets the compact form (see review-compact.ts).
 */
export function reviewView(review: AccessReview, options: ReviewViewOptions = {}): View {
  const data = fullReviewData(review, options);
  const full = renderReview(data);
  if (review.entries.length <= FULL_CARD_MAX_ENTRIES && sizeOf(full) <= FULL_CARD_MAX_BYTES) return full;
  const removedIds = new Set((options.removals ?? []).map((removal) => removal.trustee.id));
  const intro = data.open ? introText(review, options.reminder === true, true) : data.intro;
  return renderReview(compactReviewData(review, { ...data, intro }, removedIds, (compact) => sizeOf(renderReview(compact))));
}

/** What Teams counts against its limit: the card with its text fallback. */
const sizeOf = (view: View): number => Buffer.byteLength(JSON.stringify(view.card)) + Buffer.byteLength(view.text);

function fullReviewData(review: AccessReview, options: ReviewViewOptions): ReviewCardData {
  const open = review.status === 'open';
  const removals = new Map((options.removals ?? []).map((removal) => [removal.trustee.id, removal]));
  const entries = review.entries.map((entry) => ({
    inputId: `${REVIEW_INPUT_PREFIX}${entry.trustee.id}`,
    name: entry.trustee.displayName,
    detail: `${entry.trustee.kind === 'group' ? 'Group' : entry.trustee.address} · ${rightNames(entry.rights)}`,
    members: membersText(entry),
    choiceLabel: `Keep or remove ${entry.trustee.displayName}`,
    outcome: open ? '' : outcomeText(removals.get(entry.trustee.id)),
  }));
  const data: ReviewCardData = {
    reviewId: review.id,
    title: `${options.reminder ? 'Reminder: access' : 'Access'} review of ${review.mailbox.displayName}`,
    mailbox: mailboxText(review.mailbox),
    intro: open ? introText(review, options.reminder === true) : `Started ${review.startedAt.slice(0, 10)} by ${review.startedBy.displayName}.`,
    notice: options.notice ?? '',
    open,
    entries,
    summary: open ? '' : summaryText(review, options.removals ?? []),
    compact: false,
    removeInputId: REVIEW_REMOVE_INPUT,
    removeLabel: '',
    choices: [],
    notShown: '',
  };
  return data;
}

function renderReview(data: ReviewCardData): View {
  const lines = data.entries.map((e) => `- ${e.name} (${e.detail})${e.members ? ` ${e.members}` : ''}${e.outcome ? `: ${e.outcome}` : ''}`);
  // A client that shows only the text cannot tick anything: the compact list is counted, not repeated.
  const choices = data.choices.length > 0 ? `${data.choices.length} people and groups to choose from on the card.` : '';
  const text = [data.title, data.notice, data.intro, data.removeLabel, ...lines, choices, data.notShown, data.summary].filter(Boolean).join('\n');
  return { card: render<ReviewCardData>(template, data), text };
}

function introText(review: AccessReview, reminder: boolean, compact = false): string {
  const due = review.dueAt ? ` Please submit by ${review.dueAt.slice(0, 10)}.` : '';
  const lead = reminder ? 'This review is not finished yet.' : 'Everyone with access to this mailbox, directly or through a group.';
  const how = compact
    ? 'Tick each person or group to remove, then submit; everyone left unticked is kept. Removing a group takes away the access of everyone it brings in. Removals are carried out once you submit'
    : 'Keep or remove each person or group, then submit: removals are carried out once you submit';
  return `${lead} ${how}, and removing your own access goes to another approver.${due}`;
}

/** People in a granted group lose access only with the group's grant; the card says so. */
function membersText(entry: ReviewEntry): string {
  if (entry.trustee.kind !== 'group') return '';
  if (entry.members.length === 0) return 'No enabled members.';
  const names = entry.members.slice(0, MEMBERS_SHOWN).map((m) => m.displayName);
  const more = entry.members.length - names.length;
  const who = listWords(more > 0 ? [...names, `${more} more`] : names);
  return `Through this group: ${who}. They can't be removed one by one here: the choice is for the whole group's grant (change the group's members in Entra instead).`;
}

function outcomeText(removal: ReviewRemoval | undefined): string {
  if (!removal) return 'Kept.';
  if (!removal.request) return 'Not removed: it takes away your own access and nobody else can approve that.';
  return `${removalState(removal.request)} (request ${removal.request.id}).`;
}

function removalState(request: ChangeRequest): string {
  switch (request.status) {
    case 'pending':
      return 'Removal waiting for another approver, as it takes away your own access';
    case 'approved':
    case 'executing':
      return 'Removal approved, being carried out';
    case 'done':
    case 'revoked':
      return 'Removed';
    case 'failed':
      return `Removal failed${request.result?.error ? `: ${request.result.error}` : ''}`;
    default:
      return `Removal ${request.status}`;
  }
}

function summaryText(review: AccessReview, removals: readonly ReviewRemoval[]): string {
  const filed = removals.flatMap((r) => (r.request ? [r.request.id] : []));
  const kept = review.entries.length - removals.length;
  const by = review.submittedBy?.displayName ?? 'a reviewer';
  const ids = filed.length > 0 ? ` (${filed.join(', ')})` : '';
  return `Submitted by ${by}: ${filed.length} ${filed.length === 1 ? 'removal' : 'removals'} filed${ids}, ${kept} kept.`;
}

/** What the admins are told once a scheduled review is overdue. */
export function reviewOverdueText(review: AccessReview): string {
  const due = review.dueAt?.slice(0, 10) ?? 'its due day';
  return `The access review of ${mailboxText(review.mailbox)} started ${review.startedAt.slice(0, 10)} was due on ${due} and is not finished: its owners have not submitted it (review ${review.id}).`;
}
