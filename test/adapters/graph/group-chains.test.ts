import assert from 'node:assert/strict';
import type { Person } from '../../../src/domain/directory';
import { memberChains } from '../../../src/adapters/graph/group-chains';

const person = (id: string): Person => ({ id, displayName: id, userPrincipalName: `${id}@contoso.com`, accountEnabled: true });

describe('memberChains', () => {
  it('gives each user the chain of groups outermost first, ending on cycles', () => {
    const chains = memberChains({
      rootId: 'g1',
      names: new Map([['g1', 'Sales'], ['g2', 'Sales EMEA'], ['g3', 'Loop']]),
      members: new Map([['g1', ['alice', 'g2']], ['g2', ['bob', 'g3']], ['g3', ['g1', 'bob']]]),
      users: new Map([['alice', person('alice')], ['bob', person('bob')]]),
    });
    assert.deepEqual(chains.map((m) => [m.user.id, m.via]), [
      ['alice', ['Sales']],
      ['bob', ['Sales', 'Sales EMEA']],
      ['bob', ['Sales', 'Sales EMEA', 'Loop']],
    ]);
  });

  it('still lists a transitive member it cannot place, under the granted group', () => {
    const chains = memberChains({ rootId: 'g1', names: new Map([['g1', 'Sales']]), members: new Map(), users: new Map([['zoe', person('zoe')]]) });
    assert.deepEqual(chains.map((m) => [m.user.id, m.via]), [['zoe', ['Sales']]]);
  });
});
