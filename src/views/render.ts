import { Template } from 'adaptivecards-templating';
import { BoundedMap } from '../bounded-map';

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
  return expand(template, data).card;
}

// Cards a busy chat asks for again and again (every refresh of a request card), kept as JSON per template and data.
const rendered = new WeakMap<object, BoundedMap<string, string>>();
const RENDERED_KEPT = 500;

/**
 * `render` for data that is plain JSON (strings, numbers, booleans, arrays and objects of them): the same
 * data always expands to the same card, so a card rendered lately is read back from its JSON instead of
 * expanded again. Each caller gets its own copy.
 */
export function renderPlain<T extends object>(template: object, data: T): object {
  const key = JSON.stringify(data);
  let byData = rendered.get(template);
  if (!byData) {
    byData = new BoundedMap(RENDERED_KEPT);
    rendered.set(template, byData);
  }
  const known = byData.get(key);
  if (known !== undefined) return JSON.parse(known) as object;
  const { card, json } = expand(template, data);
  byData.set(key, json);
  return card;
}

function expand(template: object, data: object): { card: object; json: string } {
  const card = templateFor(template).expand({ $root: inert(data) }) as object;
  const json = JSON.stringify(card);
  const unbound = json.match(BINDING);
  if (unbound) throw new Error(`Unbound template field ${unbound[0]}`);
  return { card, json };
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
