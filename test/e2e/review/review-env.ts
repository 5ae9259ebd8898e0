import { strict as assert } from 'node:assert';
import { Verb } from '../../../src/commands/verbs';
import type { Speaker } from '../../support/activities';
import type { BotEnv } from '../../support/bot-env';
import type { ConnectorCall } from '../../support/fake-connector';
import { cardOf, personalChat, postedTo, textOf, verbsOf } from '../approvals/helpers';

/** The review a card is about, from its Submit button. */
export function reviewIdOf(card: any): string {
  const id = card?.actions?.find((a: any) => a.verb === Verb.submitReview)?.data?.reviewId;
  assert.equal(typeof id, 'string', `no review id in card ${JSON.stringify(card)}`);
  return id;
}

/** The object id of a seeded user (by UPN prefix) or group (by display name). */
export function objectId(env: BotEnv, name: string): string {
  const user = env.sim.seed.users.find((u) => u.userPrincipalName.toLowerCase().startsWith(`${name.toLowerCase()}@`));
  const group = env.sim.seed.groups.find((g) => g.displayName === name);
  const id = user?.id ?? group?.id;
  assert.ok(id, `no seeded user or group ${name}`);
  return id;
}

/** Card data with the Keep/Remove inputs merged in, as Teams sends an Action.Execute. */
export function submission(reviewId: string, choices: Readonly<Record<string, 'keep' | 'remove'>>): Record<string, string> {
  return { reviewId, ...Object.fromEntries(Object.entries(choices).map(([id, choice]) => [`review-${id}`, choice])) };
}

/** Review cards (with a Submit button) posted to a person's 1:1 chat. */
export function reviewCardsFor(calls: readonly ConnectorCall[], person: Speaker): any[] {
  return postedTo(calls, personalChat(person)).filter((m) => verbsOf(cardOf(m)).includes(Verb.submitReview));
}

/** Messages saying a review is overdue, in a person's 1:1 chat. */
export function overdueReportsFor(calls: readonly ConnectorCall[], person: Speaker): any[] {
  return postedTo(calls, personalChat(person)).filter((m) => /is not finished: its owners have not submitted it/.test(textOf(m)));
}
