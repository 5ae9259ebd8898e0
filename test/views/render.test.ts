import assert from 'node:assert/strict';
import { render, renderPlain } from '../../src/views/render';

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

  it('does render the same card from plain data as render, and gives each caller its own copy when asked again', () => {
    const data = { name: 'Ann' };
    const first = renderPlain(template, data) as { body: { text: string }[] };
    assert.deepEqual(first, render(template, data));
    first.body[0]!.text = 'changed by the first caller';
    const again = renderPlain(template, { name: 'Ann' });
    assert.deepEqual(again, render(template, data));
    assert.deepEqual(renderPlain(template, { name: 'Bo' }), render(template, { name: 'Bo' }));
  });

  it('throws naming the field each time plain data leaves a binding unbound', () => {
    for (let i = 0; i < 2; i += 1) assert.throws(() => renderPlain(template, { other: 'x' }), /Unbound template field \$\{name\}/);
  });
});
