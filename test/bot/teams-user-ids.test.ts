import { strict as assert } from 'node:assert';
import { SqliteStore } from '../../src/adapters/store/sqlite-store';
import { TeamsUserIds } from '../../src/bot/teams-user-ids';
import { tempSqliteStore, type TempSqliteStore } from '../support/temp-store';

const ADELE = '7eef37dd-503c-4c1b-a78b-6fafe83c1ceb';
const MEGAN = 'f346cc9a-9f77-4ed5-a0a5-aafab74408a0';
const card = (userIds: unknown) => ({ card: { type: 'AdaptiveCard', refresh: { action: { verb: 'request.refresh' }, userIds } }, text: 'request' });
const listed = (view: { card: object }) => (view.card as { refresh: { userIds: string[] } }).refresh.userIds;

describe('Teams user ids in refresh lists', () => {
  let temp: TempSqliteStore;
  beforeEach(async () => {
    temp = await tempSqliteStore();
  });
  afterEach(() => temp.cleanup());

  it('does put the Teams id learnt from an activity ahead of the Entra id, and keeps the Entra id alone when unknown', async () => {
    const ids = new TeamsUserIds(temp.store);
    await ids.learn({ from: { id: `29:adele-in-teams`, name: 'Adele', aadObjectId: ADELE } });
    assert.deepEqual(listed(await ids.address(card([ADELE, MEGAN]))), ['29:adele-in-teams', ADELE, MEGAN]);
  });

  it('does use an id another instance learnt when both share the store', async () => {
    await new TeamsUserIds(temp.store).learn({ from: { id: '29:megan-in-teams', name: 'Megan', aadObjectId: MEGAN } });
    const other = new SqliteStore(temp.path);
    try {
      assert.deepEqual(listed(await new TeamsUserIds(other).address(card([MEGAN]))), ['29:megan-in-teams', MEGAN]);
    } finally {
      await other.close();
    }
  });

  it('does keep the list at 60 ids when every approver is known', async () => {
    const ids = new TeamsUserIds(temp.store);
    const people = Array.from({ length: 60 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    for (const person of people) await ids.learn({ from: { id: `29:${person}`, name: person, aadObjectId: person } });
    const userIds = listed(await ids.address(card(people)));
    assert.equal(userIds.length, 60);
    assert.deepEqual(userIds.slice(0, 2), [`29:${people[0]}`, people[0]]);
  });

  it('does leave a card without a refresh list as it is', async () => {
    const view = { card: { type: 'AdaptiveCard', body: [] }, text: 'help' };
    assert.equal(await new TeamsUserIds(temp.store).address(view), view);
  });
});
