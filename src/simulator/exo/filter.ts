import type { ExoObject } from './envelope';

type Test = (row: ExoObject) => boolean;
type Token = { kind: 'word' | 'string' | 'op' | 'paren'; text: string };

/** Compiles the OPATH subset used for recipient filters (-eq, -ne, -like, -and, -or, -not, parentheses); null when unparseable. */
export function compileFilter(text: string): Test | null {
  const tokens = tokenize(text);
  if (!tokens) return null;
  let position = 0;
  const peek = () => tokens[position];
  const next = () => tokens[position++];

  function orExpr(): Test | null {
    let left = andExpr();
    while (left && peek()?.kind === 'op' && peek()?.text === '-or') {
      next();
      const right = andExpr();
      if (!right) return null;
      const l = left;
      left = (row) => l(row) || right(row);
    }
    return left;
  }
  function andExpr(): Test | null {
    let left = unary();
    while (left && peek()?.kind === 'op' && peek()?.text === '-and') {
      next();
      const right = unary();
      if (!right) return null;
      const l = left;
      left = (row) => l(row) && right(row);
    }
    return left;
  }
  function unary(): Test | null {
    const token = peek();
    if (token?.kind === 'op' && token.text === '-not') {
      next();
      const inner = unary();
      return inner ? (row) => !inner(row) : null;
    }
    if (token?.kind === 'paren' && token.text === '(') {
      next();
      const inner = orExpr();
      return next()?.text === ')' ? inner : null;
    }
    return comparison();
  }
  function comparison(): Test | null {
    const property = next();
    const operator = next();
    const value = next();
    if (property?.kind !== 'word' || operator?.kind !== 'op' || !value || (value.kind !== 'string' && value.kind !== 'word')) return null;
    const expected = value.kind === 'word' ? value.text.replace(/^\$/, '') : value.text;
    const read = (row: ExoObject) => {
      const found = Object.keys(row).find((k) => k.toLowerCase() === property.text.toLowerCase());
      const raw = found ? row[found] : undefined;
      return Array.isArray(raw) ? raw.map((v) => String(v).toLowerCase()) : [String(raw ?? '').toLowerCase()];
    };
    const wanted = expected.toLowerCase();
    switch (operator.text) {
      case '-eq': return (row) => read(row).includes(wanted);
      case '-ne': return (row) => !read(row).includes(wanted);
      case '-like': {
        const pattern = new RegExp(`^${wanted.split('*').map(escapeRegex).join('.*')}$`);
        return (row) => read(row).some((v) => pattern.test(v));
      }
      default: return null;
    }
  }
  const test = orExpr();
  return test && position === tokens.length ? test : null;
}

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\(|\))|'((?:[^']|'')*)'|"((?:[^"]|"")*)"|(-[a-zA-Z]+)|([^\s()'"]+))/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(text)) !== null && match[0].length > 0) {
    consumed = pattern.lastIndex;
    if (match[1]) tokens.push({ kind: 'paren', text: match[1] });
    else if (match[2] !== undefined) tokens.push({ kind: 'string', text: match[2].replace(/''/g, "'") });
    else if (match[3] !== undefined) tokens.push({ kind: 'string', text: match[3].replace(/""/g, '"') });
    else if (match[4]) tokens.push({ kind: 'op', text: match[4].toLowerCase() });
    else if (match[5]) tokens.push({ kind: 'word', text: match[5] });
  }
  return text.slice(consumed).trim() === '' ? tokens : null;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
