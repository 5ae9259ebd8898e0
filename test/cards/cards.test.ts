import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Outcome } from '../../src/app/outcome';
import { ALL_VERBS } from '../../src/commands/verbs';
import { errorView, requestCard, viewOutcome, type View } from '../../src/views';
import { actionsOf } from '../views/card-inspect';
import { ann, bigReport, outcomes, requests } from '../views/fixtures';
import { cardProblems } from './adaptive-card-check';
import { settingPlan } from '../../src/domain/setting-plan';
import { settingChanges } from '../views/setting-fixtures';
import { grantEndingView } from '../../src/views/grant-ending-card';
import { reportSummaryView } from '../../src/views/report-card';
import { reviewView } from '../../src/views/review-card';
import { bigReview, openReview, submittedReview } from '../views/fixtures';

const CARDS_DIR = join(__dirname, '..', '..', 'cards');
const ALLOWED_ACTIONS = new Set(['Action.Execute', 'Action.ShowCard']);
const TEAMS_MAX_CARD_ACTIONS = 6;

const show = (outcome: Outcome): View => viewOutcome(outcome, ann.id);
const everyRequestCard = Object.values(requests).flatMap((request) =>
  (['approver', 'requester', 'other'] as const).map((viewer) => requestCard(request, viewer, 'Already approved by Dana Park')),
);

/** Settings requests on the plan preview and the approval card, one of each kind. */
const settingRequests = settingChanges.map((change) => ({ ...requests.pending, change }));
const settingPreviews = settingRequests.map((request) =>
  show({ kind: 'request-created', request, plan: { rights: [], unchanged: [], ...settingPlan(request.change) } }),
);
const settingRequestCards = settingRequests.map((request) => requestCard(request, 'approver'));

/** Each template rendered with fixture data, in every state that changes what it shows. */
const renderedExamples: Record<string, readonly View[]> = {
  'access-report.json': [show(outcomes['access-report']), show({ kind: 'access-report', report: bigReport(500) })],
  'diagnosis.json': [show(outcomes.diagnosis), show({ ...outcomes.diagnosis, findings: [{ code: 'all-clear' }] })],
  'error.json': [errorView('That mailbox does not exist.'), errorView('Something went wrong.', 'ref-1')],
  'grant-ending.json': [grantEndingView(requests.done)],
  'help.json': [show(outcomes.help), show({ kind: 'help', isAdmin: false, isApprover: false })],
  'history.json': [show(outcomes.history), show({ ...outcomes.history, entries: [] })],
  'mailbox-settings.json': [
    show(outcomes['mailbox-settings']),
    show({ kind: 'mailbox-settings', canAdminister: false, settings: { mailbox: { ...outcomes['mailbox-settings'].settings.mailbox, hiddenFromAddressLists: false } } }),
  ],
  'my-mailboxes.json': [show(outcomes['my-mailboxes']), show({ ...outcomes['my-mailboxes'], mailboxes: [] })],
  'notice.json': [show(outcomes.notice)],
  'owners.json': [show(outcomes.owners), show({ ...outcomes.owners, owners: [] })],
  'pending-list.json': [show(outcomes['pending-list']), show({ kind: 'pending-list', requests: [] })],
  'pick-person.json': [show(outcomes.pick)],
  'plan-preview.json': [show(outcomes['request-created']), show({ ...outcomes['request-created'], plan: { rights: ['send-as'], unchanged: [], effects: [], warnings: [] } }), ...settingPreviews],
  'request.json': [...everyRequestCard, ...settingRequestCards],
  'review.json': [
    show(outcomes['access-review']),
    reviewView(openReview, { reminder: true }),
    reviewView(submittedReview, { removals: [{ trustee: openReview.entries[0]!.trustee, request: { ...requests.done, id: 'rev-1-0a1b2c3d4e5f' } }] }),
    reviewView({ ...submittedReview, entries: [] }, { notice: 'Already submitted by Dana Park on 2026-11-26: nothing new was filed.' }),
    // The compact form of a review too big for a Keep/Remove per trustee: all on the card, then not all.
    reviewView(bigReview(80, 'Temp Worker'), { reminder: true }),
    reviewView(bigReview(300, 'Lorem ipsum dolor sit amet '.repeat(8))),
    reviewView({ ...submittedReview, entries: bigReview(80, 'Temp Worker').entries }, { removals: [{ trustee: bigReview(80, 'Temp Worker').entries[3]!.trustee }] }),
  ],
  'report.json': [
    show(outcomes['report-progress']),
    show({ kind: 'report-progress', progress: { ...outcomes['report-progress'].progress, started: true } }),
    reportSummaryView({
      mailboxes: 1400,
      counts: { 'external-forwarding': 2, unreachable: 1, 'sign-in-enabled': 0, 'orphaned-entry': 3, 'no-owner': 40 },
      top: ['events@contoso.com forwards outside the organisation to events-agency@fabrikam.com'],
      url: 'https://bot.contoso.com/exports/r1?exp=1&sig=x',
      expiresAt: '2026-11-25T09:15:00Z',
    }),
  ],
};

const templateFiles = readdirSync(CARDS_DIR).filter((file) => file.endsWith('.json'));
const readTemplate = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(CARDS_DIR, file), 'utf8'));

describe('card templates', () => {
  it('has a kebab-case name and rendered fixture examples for every template', () => {
    for (const file of templateFiles) {
      assert.match(file, /^[a-z0-9]+(-[a-z0-9]+)*\.json$/, file);
      assert.ok(renderedExamples[file]?.length, `${file} has no rendered example`);
    }
    assert.deepEqual(Object.keys(renderedExamples).sort(), [...templateFiles].sort());
  });

  for (const file of templateFiles) {
    describe(file, () => {
      const template = readTemplate(file);

      it('parses and validates with the Adaptive Cards object model as a template', () => {
        assert.deepEqual(cardProblems(template, { isTemplate: true }), [], file);
      });

      it('targets Adaptive Cards 1.5 or earlier', () => {
        const [major, minor] = String(template.version).split('.').map(Number);
        assert.equal(template.type, 'AdaptiveCard', file);
        assert.ok(major === 1 && minor !== undefined && minor <= 5, `${file} has version ${String(template.version)}`);
      });

      it('uses only Execute and ShowCard actions, with known verbs and ids-only data', () => {
        for (const action of actionsOf(template)) {
          assert.ok(ALLOWED_ACTIONS.has(String(action.type)), `${file}: ${String(action.type)} is not allowed`);
          if (action.type !== 'Action.Execute') continue;
          assert.ok(ALL_VERBS.includes(String(action.verb)), `${file}: unknown verb ${String(action.verb)}`);
          for (const value of Object.values((action.data ?? {}) as Record<string, unknown>)) {
            assert.match(String(value), /^\$\{[$\w.]+\}$/, `${file}: action data must bind an id, got ${String(value)}`);
          }
        }
      });

      it('renders with fixture data to valid cards with nothing left unbound', () => {
        for (const view of renderedExamples[file] ?? []) {
          const json = JSON.stringify(view.card);
          assert.doesNotMatch(json, /\$\{/, file);
          assert.deepEqual(cardProblems(view.card, { isTemplate: false }), [], file);
          const actions = (view.card as { actions?: unknown[] }).actions ?? [];
          assert.ok(actions.length <= TEAMS_MAX_CARD_ACTIONS, `${file}: ${actions.length} card-level actions`);
        }
      });
    });
  }

  it('reports unknown elements and actions, so a broken template cannot pass', () => {
    const broken = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlok', text: 'x' }], actions: [{ type: 'Action.Exec', title: 'x' }] };
    const problems = cardProblems(broken, { isTemplate: true }).join('\n');
    assert.match(problems, /UnknownElementType/);
    assert.match(problems, /UnknownActionType/);
  });
});
