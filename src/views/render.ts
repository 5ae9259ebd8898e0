import { Template } from 'adaptivecards-templating';

const BINDING = /\$\{[^}]*\}/;

// Preparing a template parses every binding expression; cards are rendered on every turn, so prepare each once.
const prepared = new WeakMap<object, Template>();

function templateFor(template: object): Template {
  let ready = prepared.get(template);
  if (!ready) {
    ready = new Template(template);
    prepared.set(template, ready);
  }
  return ready;
}

/** Expands a cards/*.json template; throws if any ${binding} is left unbound. */
export function render<T extends object>(template: object, data: T): object {
  const card: unknown = templateFor(template).expand({ $root: inert(data) });
  const unbound = JSON.stringify(card).match(BINDING);
  if (unbound) throw new Error(`Unbound template field ${unbound[0]}`);
  return card as object;
}

// User text such as a reason may contain "${"; a zero-width space keeps it from looking like an unbound field.
function inert(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('${', '$\u200B{');
  if (Array.isArray(value)) return value.map(inert);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, inert(inner)]));
  }
  return value;
}
