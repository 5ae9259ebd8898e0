import assert from 'node:assert/strict';
import { render } from '../../src/views/render';

describe('render', () => {
  const template = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Hello ${name}' }] };

  it('fills bindings from the data', () => {
    assert.deepEqual(render(template, { name: 'Ann' }), { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Hello Ann' }] });
  });

  it('throws naming the field when a binding has no data', () => {
    assert.throws(() => render(template, { other: 'x' }), /Unbound template field \$\{name\}/);
  });

  it('does not mistake user text containing ${ for an unbound field', () => {
    const card = render(template, { name: 'a ${b} c' }) as { body: { text: string }[] };
    assert.equal(card.body[0]?.text, 'Hello a $\u200B{b} c');
  });
});
