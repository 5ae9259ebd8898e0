type Row = Record<string, unknown>;
export type Predicate = (row: Row) => boolean;
type Token = { kind: 'word' | 'string' | 'punct'; text: string };

/** Compiles the Graph $filter subset: eq/ne, in, startswith(), any() on collections, and/or/not, parentheses. */
export function compileGraphFilter(text: string): Predicate {
  const tokens = tokenize(text);
  let position = 0;
  const peek = () => tokens[position];
  const next = () => {
    const token = tokens[position++];
    if (!token) throw new Error('unexpected end of filter');
    return token;
  };
  const expect = (text: string) => {
    const token = next();
    if (token.text.toLowerCase() !== text) throw new Error(`expected '${text}' but found '${token.text}'`);
  };
  const literal = (): unknown => {
    const token = next();
    if (token.kind === 'string') return token.text;
    if (token.kind === 'word' && /^(true|false|null)$/i.test(token.text)) return JSON.parse(token.text.toLowerCase());
    if (token.kind === 'word' && /^[0-9a-f-]{36}$/i.test(token.text)) return token.text;
    throw new Error(`expected a literal but found '${token.text}'`);
  };

  function orExpr(): Predicate {
    let left = andExpr();
    while (peek()?.text.toLowerCase() === 'or') {
      next();
      const l = left;
      const r = andExpr();
      left = (row) => l(row) || r(row);
    }
    return left;
  }
  function andExpr(): Predicate {
    let left = unary();
    while (peek()?.text.toLowerCase() === 'and') {
      next();
      const l = left;
      const r = unary();
      left = (row) => l(row) && r(row);
    }
    return left;
  }
  function unary(): Predicate {
    const token = peek();
    if (token?.text.toLowerCase() === 'not') {
      next();
      const inner = unary();
      return (row) => !inner(row);
    }
    if (token?.text === '(') {
      next();
      const inner = orExpr();
      expect(')');
      return inner;
    }
    return comparison();
  }
  function comparison(): Predicate {
    const first = next();
    if (first.kind !== 'word') throw new Error(`unexpected '${first.text}'`);
    if (/^(startswith|endswith)$/i.test(first.text)) {
      expect('(');
      const property = next().text;
      expect(',');
      const value = String(literal()).toLowerCase();
      expect(')');
      const ends = first.text.toLowerCase() === 'endswith';
      return (row) => {
        const actual = read(row, property);
        return typeof actual === 'string' && (ends ? actual.toLowerCase().endsWith(value) : actual.toLowerCase().startsWith(value));
      };
    }
    const [property, collectionOp] = first.text.split('/');
    if (collectionOp) {
      if (!/^any$/i.test(collectionOp)) throw new Error(`unsupported operator '${collectionOp}'`);
      expect('(');
      const variable = next().text;
      expect(':');
      if (next().text !== variable) throw new Error('lambda variable mismatch');
      expect('eq');
      const value = String(literal()).toLowerCase();
      expect(')');
      return (row) => {
        const actual = read(row, property!);
        return Array.isArray(actual) && actual.some((item) => String(item).toLowerCase() === value);
      };
    }
    const operator = next().text.toLowerCase();
    if (operator === 'in') {
      expect('(');
      const values: unknown[] = [literal()];
      while (peek()?.text === ',') {
        next();
        values.push(literal());
      }
      expect(')');
      return (row) => values.some((v) => same(read(row, property!), v));
    }
    if (operator !== 'eq' && operator !== 'ne') throw new Error(`unsupported operator '${operator}'`);
    const value = literal();
    return operator === 'eq' ? (row) => same(read(row, property!), value) : (row) => !same(read(row, property!), value);
  }

  const predicate = orExpr();
  if (position !== tokens.length) throw new Error(`unexpected '${tokens[position]?.text}'`);
  return predicate;
}

function read(row: Row, property: string): unknown {
  const name = Object.keys(row).find((k) => k.toLowerCase() === property.toLowerCase());
  return name === undefined ? undefined : row[name];
}

function same(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'string' && typeof expected === 'string') return actual.toLowerCase() === expected.toLowerCase();
  return (actual ?? null) === expected;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:'((?:[^']|'')*)'|([(),:])|([A-Za-z0-9_.@\-/$]+))/gy;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null && match[0].length > 0) {
    consumed = pattern.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: 'string', text: match[1].replace(/''/g, "'") });
    else if (match[2]) tokens.push({ kind: 'punct', text: match[2] });
    else if (match[3]) tokens.push({ kind: 'word', text: match[3] });
  }
  if (text.slice(consumed).trim() !== '') throw new Error(`cannot read '${text.slice(consumed).trim()}'`);
  return tokens;
}
