import assert from 'node:assert/strict';
import { REVIEW_REMOVE_INPUT } from '../../src/commands/parse-action';
import { reviewView } from '../../src/views/review-card';
import { cardText } from './card-inspect';
import { bigReview, requests, submittedReview } from './fixtures';

type Input = { type: string; id?: string; isMultiSelect?: boolean; label?: string; choices?: { title: string; value: string }[] };

/** Every Input.ChoiceSet of a card, wherever it is nested. */
function choiceSets(card: object): Input[] {
  const found: Input[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    if ((node as Input).type === 'Input.ChoiceSet') found.push(node as Input);
    Object.values(node).forEach(visit);
  };
  visit(card);
  return found;
}

describe('review card', () => {
  it('shows a Keep/Remove choice per trustee when a review has 30 trustees', () => {
    const sets = choiceSets(reviewView(bigReview(30, 'Temp Worker')).card);
    assert.equal(sets.length, 30);
    assert.ok(sets.every((set) => set.id?.startsWith('review-') && set.isMultiSelect === undefined));
  });

  it('shows one multi-select of the trustees to remove, valued by object id, when a review has 31 trustees', () => {
    const review = bigReview(31, 'Temp Worker');
    const view = reviewView(review);
    const [set, ...others] = choiceSets(view.card);
    assert.deepEqual(others, []);
    assert.equal(set?.id, REVIEW_REMOVE_INPUT);
    assert.equal(set?.isMultiSelect, true);
    assert.match(set?.label ?? '', /Select everyone to remove; everyone else is kept/);
    assert.deepEqual(set?.choices?.map((c) => c.value), review.entries.map((e) => e.trustee.id));
    assert.equal(set?.choices?.[0]?.title, 'Temp Worker 0 (ann@contoso.com) · Full Access, Send As');
    assert.equal(set?.choices?.[2]?.title, 'Temp Worker 2 (group, 2 people) · Full Access');
    assert.doesNotMatch(view.text, /did not fit/);
  });

  it('offers only the first trustees that fit and says the others are kept when a review has 300 long names', () => {
    const review = bigReview(300, 'Lorem ipsum dolor sit amet '.repeat(8));
    const view = reviewView(review);
    const values = choiceSets(view.card)[0]?.choices?.map((c) => c.value) ?? [];
    assert.ok(values.length > 20 && values.length < 300, `${values.length} shown`);
    assert.deepEqual(values, review.entries.slice(0, values.length).map((e) => e.trustee.id));
    const hidden = 300 - values.length;
    const notice = `This card lists ${values.length}, and ${hidden} more people and groups with access did not fit on it. This submit keeps them`;
    assert.ok(cardText(view.card).includes(notice), cardText(view.card).slice(-400));
    assert.ok(view.text.includes(notice));
  });

  it('lists only the removals once submitted, counting the kept, when a review has 80 trustees', () => {
    const review = { ...submittedReview, entries: bigReview(80, 'Temp Worker').entries };
    const removed = [review.entries[4]!, review.entries[40]!];
    const view = reviewView(review, { removals: removed.map((e, i) => ({ trustee: e.trustee, request: { ...requests.done, id: `rev-1-${i}` } })) });
    const text = cardText(view.card);
    assert.deepEqual(choiceSets(view.card), []);
    assert.match(text, /Temp Worker 4\b/);
    assert.match(text, /Temp Worker 40\b/);
    assert.doesNotMatch(text, /Temp Worker 5\b/);
    assert.match(text, /2 removals filed \(rev-1-0, rev-1-1\), 78 kept/);
  });
});
