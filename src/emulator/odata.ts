/**
 * OData query options as SharePoint REST and Graph use them for list items: a $filter parser
 * (eq, ne, lt, le, gt, ge, and, or, not, parentheses, startswith, substringof), its evaluation,
 * $orderby, and the list view threshold rule.
 */

/** A comparison operator. */
export type ComparisonOperator = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

/** One side of a comparison. */
export type Operand = { type: 'field'; path: string } | { type: 'literal'; value: string | number | boolean | null };

/** A parsed $filter. */
export type FilterExpression =
  | { type: 'and' | 'or'; left: FilterExpression; right: FilterExpression }
  | { type: 'not'; expr: FilterExpression }
  | { type: 'compare'; op: ComparisonOperator; left: Operand; right: Operand }
  | { type: 'function'; name: 'startswith' | 'substringof' | 'endswith'; args: Operand[] };

/** A $filter the parser could not read. */
export class FilterSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterSyntaxError';
  }
}

type Token = { kind: 'lparen' | 'rparen' | 'comma' } | { kind: 'word'; text: string } | { kind: 'string'; text: string } | { kind: 'number'; value: number };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i: number = 0;
  while (i < source.length) {
    const c: string = source[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(') {
      tokens.push({ kind: 'lparen' });
      i++;
    } else if (c === ')') {
      tokens.push({ kind: 'rparen' });
      i++;
    } else if (c === ',') {
      tokens.push({ kind: 'comma' });
      i++;
    } else if (c === "'") {
      let text: string = '';
      i++;
      for (;;) {
        if (i >= source.length) {
          throw new FilterSyntaxError('an unterminated string literal');
        }
        if (source[i] === "'") {
          if (source[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += source[i++];
      }
      tokens.push({ kind: 'string', text });
    } else if (/[0-9-]/.test(c) && /^-?\d/.test(source.slice(i))) {
      const m: RegExpExecArray = /^-?\d+(\.\d+)?([eE][-+]?\d+)?[LlMmDdFf]?/.exec(source.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'number', value: parseFloat(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_$]/.test(c)) {
      const m: RegExpExecArray = /^[A-Za-z_$][\w$]*(\/[A-Za-z_$][\w$]*)*/.exec(source.slice(i)) as RegExpExecArray;
      const word: string = m[0];
      i += word.length;
      // datetime'2023-11-01T00:00:00Z' is a date literal
      if (/^datetime(offset)?$/i.test(word) && source[i] === "'") {
        const end: number = source.indexOf("'", i + 1);
        if (end < 0) {
          throw new FilterSyntaxError('an unterminated datetime literal');
        }
        tokens.push({ kind: 'string', text: source.slice(i + 1, end) });
        i = end + 1;
      } else {
        tokens.push({ kind: 'word', text: word });
      }
    } else {
      throw new FilterSyntaxError(`an unexpected character "${c}"`);
    }
  }
  return tokens;
}

const OPERATORS: ReadonlyArray<ComparisonOperator> = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'];
const FUNCTIONS: ReadonlyArray<string> = ['startswith', 'substringof', 'endswith'];

/** How deeply a $filter may nest parentheses and `not`: deeper is refused, not parsed until the stack runs out. */
export const MAX_FILTER_DEPTH: number = 100;

/** Parses a $filter expression. */
export function parseFilter(source: string): FilterExpression {
  const tokens: Token[] = tokenize(source);
  let pos: number = 0;
  let depth: number = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isWord = (t: Token | undefined, text: string): boolean => !!t && t.kind === 'word' && t.text.toLowerCase() === text;

  const operand = (): Operand => {
    const t: Token | undefined = tokens[pos++];
    if (!t) {
      throw new FilterSyntaxError('an expression that ends too soon');
    }
    if (t.kind === 'string') {
      return { type: 'literal', value: t.text };
    }
    if (t.kind === 'number') {
      return { type: 'literal', value: t.value };
    }
    if (t.kind === 'word') {
      const lower: string = t.text.toLowerCase();
      if (lower === 'true' || lower === 'false') {
        return { type: 'literal', value: lower === 'true' };
      }
      if (lower === 'null') {
        return { type: 'literal', value: null };
      }
      return { type: 'field', path: t.text };
    }
    throw new FilterSyntaxError('a value where a field or literal was expected');
  };

  const primary = (): FilterExpression => {
    const t: Token | undefined = peek();
    if (!t) {
      throw new FilterSyntaxError('an expression that ends too soon');
    }
    if (t.kind === 'lparen' || isWord(t, 'not')) {
      if (++depth > MAX_FILTER_DEPTH) {
        throw new FilterSyntaxError(`an expression nested more than ${MAX_FILTER_DEPTH} deep`);
      }
      pos++;
      let nested: FilterExpression;
      if (t.kind === 'lparen') {
        nested = orExpr();
        if (!peek() || (peek() as Token).kind !== 'rparen') {
          throw new FilterSyntaxError('a missing closing parenthesis');
        }
        pos++;
      } else {
        nested = { type: 'not', expr: primary() };
      }
      depth--;
      return nested;
    }
    if (t.kind === 'word' && FUNCTIONS.indexOf(t.text.toLowerCase()) >= 0 && tokens[pos + 1] && (tokens[pos + 1] as Token).kind === 'lparen') {
      const name = t.text.toLowerCase() as 'startswith' | 'substringof' | 'endswith';
      pos += 2;
      const args: Operand[] = [operand()];
      while (peek() && (peek() as Token).kind === 'comma') {
        pos++;
        args.push(operand());
      }
      if (!peek() || (peek() as Token).kind !== 'rparen') {
        throw new FilterSyntaxError(`a missing ")" after ${name}(`);
      }
      pos++;
      if (args.length !== 2) {
        throw new FilterSyntaxError(`${name} with ${args.length} arguments instead of 2`);
      }
      // "startswith(Title,'x') eq true" is the same test
      if (isWord(peek(), 'eq') && tokens[pos + 1] && tokens[pos + 1].kind === 'word' && /^true$/i.test((tokens[pos + 1] as { text: string }).text)) {
        pos += 2;
      }
      return { type: 'function', name, args };
    }
    const left: Operand = operand();
    const op: Token | undefined = tokens[pos++];
    if (!op || op.kind !== 'word' || OPERATORS.indexOf(op.text.toLowerCase() as ComparisonOperator) < 0) {
      throw new FilterSyntaxError(`a missing comparison operator after ${left.type === 'field' ? left.path : 'a value'}`);
    }
    const right: Operand = operand();
    return { type: 'compare', op: op.text.toLowerCase() as ComparisonOperator, left, right };
  };

  const andExpr = (): FilterExpression => {
    let left: FilterExpression = primary();
    while (isWord(peek(), 'and')) {
      pos++;
      left = { type: 'and', left, right: primary() };
    }
    return left;
  };

  const orExpr = (): FilterExpression => {
    let left: FilterExpression = andExpr();
    while (isWord(peek(), 'or')) {
      pos++;
      left = { type: 'or', left, right: andExpr() };
    }
    return left;
  };

  if (tokens.length === 0) {
    throw new FilterSyntaxError('an empty expression');
  }
  const expr: FilterExpression = orExpr();
  if (pos < tokens.length) {
    throw new FilterSyntaxError('unexpected text after the end of the expression');
  }
  return expr;
}

/** The field paths a filter refers to, in order of appearance. */
export function filterFields(expr: FilterExpression): string[] {
  switch (expr.type) {
    case 'and':
    case 'or':
      return [...filterFields(expr.left), ...filterFields(expr.right)];
    case 'not':
      return filterFields(expr.expr);
    case 'compare':
      return [expr.left, expr.right].filter((o) => o.type === 'field').map((o) => (o as { path: string }).path);
    default:
      return expr.args.filter((o) => o.type === 'field').map((o) => (o as { path: string }).path);
  }
}

/** A comparable value read from an item. */
export type Comparable = string | number | boolean | null;

/** How a protocol reads a field path from an item, and whether the column is indexed. */
export interface IFieldAccessor {
  read(item: unknown): Comparable | Comparable[];
  indexed: boolean;
  /** Converts a literal to the column's type for comparison. */
  coerce(literal: Comparable): Comparable;
}

/** Resolves a field path to an accessor, or throws when the field does not exist. */
export type FieldResolver = (path: string) => IFieldAccessor;

function compare(a: Comparable, b: Comparable): number {
  if (typeof a === 'string' && typeof b === 'string') {
    const x: string = a.toLowerCase();
    const y: string = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    return a === b ? 0 : a ? 1 : -1;
  }
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function test(op: ComparisonOperator, a: Comparable, b: Comparable): boolean {
  if (a === null || b === null || a === undefined) {
    const aNull: boolean = a === null || a === undefined || a === '';
    const bNull: boolean = b === null || b === '';
    if (op === 'eq') {
      return aNull === bNull && (aNull || compare(a, b) === 0);
    }
    if (op === 'ne') {
      return !(aNull === bNull && (aNull || compare(a, b) === 0));
    }
    return false;
  }
  const c: number = compare(a, b);
  switch (op) {
    case 'eq':
      return c === 0;
    case 'ne':
      return c !== 0;
    case 'lt':
      return c < 0;
    case 'le':
      return c <= 0;
    case 'gt':
      return c > 0;
    default:
      return c >= 0;
  }
}

function side(operand: Operand, item: unknown, resolve: FieldResolver, other: Operand): Comparable | Comparable[] {
  if (operand.type === 'literal') {
    if (other.type === 'field') {
      return resolve(other.path).coerce(operand.value);
    }
    return operand.value;
  }
  return resolve(operand.path).read(item);
}

/** Builds a predicate from a filter. Resolving every field up front surfaces unknown fields at once. */
export function compileFilter(expr: FilterExpression, resolveField: FieldResolver): (item: unknown) => boolean {
  // Each path resolved once (an unknown one refused here, before any item is read), not once an
  // item: a list past the threshold has tens of thousands.
  const resolved: Map<string, IFieldAccessor> = new Map<string, IFieldAccessor>();
  const resolve: FieldResolver = (path: string) => {
    let accessor: IFieldAccessor | undefined = resolved.get(path);
    if (accessor === undefined) {
      accessor = resolveField(path);
      resolved.set(path, accessor);
    }
    return accessor;
  };
  for (const path of filterFields(expr)) {
    resolve(path);
  }
  const run = (e: FilterExpression, item: unknown): boolean => {
    switch (e.type) {
      case 'and':
        return run(e.left, item) && run(e.right, item);
      case 'or':
        return run(e.left, item) || run(e.right, item);
      case 'not':
        return !run(e.expr, item);
      case 'compare': {
        const a = side(e.left, item, resolve, e.right);
        const b = side(e.right, item, resolve, e.left);
        // A multi-value column matches when any of its values does.
        if (Array.isArray(a)) {
          return e.op === 'ne' ? a.every((x) => test('ne', x, b as Comparable)) : a.some((x) => test(e.op, x, b as Comparable));
        }
        return test(e.op, a, b as Comparable);
      }
      default: {
        const [first, second] = e.args;
        const a = side(first, item, resolve, second);
        const b = side(second, item, resolve, first);
        if (e.name === 'substringof') {
          return String(b || '').toLowerCase().indexOf(String(a || '').toLowerCase()) >= 0;
        }
        const text: string = String(a || '').toLowerCase();
        const part: string = String(b || '').toLowerCase();
        return e.name === 'startswith' ? text.slice(0, part.length) === part : text.slice(text.length - part.length) === part;
      }
    }
  };
  return (item: unknown) => run(expr, item);
}

/**
 * The list view threshold, as SharePoint applies it to a list holding more items than the
 * threshold: the query must be narrowed by an indexed column. In an `and`, the first clause on
 * an indexed column is the one used, and it must match no more items than the threshold; in an
 * `or`, every branch must be so narrowed. `not` and clauses on columns that are not indexed do
 * not narrow.
 * @returns the number of items the index narrows to, or undefined when nothing narrows.
 */
export function indexedNarrowing(expr: FilterExpression, items: unknown[], resolve: FieldResolver): number | undefined {
  switch (expr.type) {
    case 'compare':
    case 'function': {
      const fields: string[] = filterFields(expr);
      if (fields.length !== 1 || !resolve(fields[0]).indexed) {
        return undefined;
      }
      const predicate = compileFilter(expr, resolve);
      return items.filter(predicate).length;
    }
    case 'and': {
      const left: number | undefined = indexedNarrowing(expr.left, items, resolve);
      return left !== undefined ? left : indexedNarrowing(expr.right, items, resolve);
    }
    case 'or': {
      const left: number | undefined = indexedNarrowing(expr.left, items, resolve);
      const right: number | undefined = indexedNarrowing(expr.right, items, resolve);
      return left === undefined || right === undefined ? undefined : left + right;
    }
    default:
      return undefined;
  }
}

/** One $orderby key. */
export interface IOrderKey {
  path: string;
  descending: boolean;
}

/** Parses $orderby: "Created desc,Title". */
export function parseOrderBy(source: string): IOrderKey[] {
  return source
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const m: RegExpExecArray | null = /^([\w/$]+)(\s+(asc|desc))?$/i.exec(part);
      if (!m) {
        throw new FilterSyntaxError(`an $orderby clause "${part}" that is not a field optionally followed by asc or desc`);
      }
      return { path: m[1], descending: !!m[3] && m[3].toLowerCase() === 'desc' };
    });
}

function compareNullable(x: Comparable, y: Comparable): number {
  const xNull: boolean = x === null || x === undefined || x === '';
  const yNull: boolean = y === null || y === undefined || y === '';
  return xNull && yNull ? 0 : xNull ? -1 : yNull ? 1 : compare(x, y);
}

/** Compares two items' order-key values, then their ids, so that pages are stable. */
export function compareKeyTuples(keys: IOrderKey[], a: Comparable[], aId: number, b: Comparable[], bId: number): number {
  for (let i: number = 0; i < keys.length; i++) {
    const c: number = compareNullable(a[i], b[i]);
    if (c !== 0) {
      return keys[i].descending ? -c : c;
    }
  }
  return aId - bId;
}
