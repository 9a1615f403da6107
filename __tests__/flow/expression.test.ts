/**
 * Typed expressions: the Architect text of every builder and operator, parenthesisation of nested
 * expressions, result types, and the walks validation relies on (`variables()`, `hasRaw()`).
 */
import { Builtin, Expr, Expression, Variable, stringLiteral } from '../../flow';

const pin = Variable.string('Flow.Pin');
const n = Variable.integer('Flow.N');
const m = Variable.integer('Flow.M');
const amount = Variable.decimal('Flow.Amount');
const ok = Variable.boolean('Flow.Ok');

describe('literals', () => {
  it.each<[string, Expression, string]>([
    ['string', Expr.string('abc'), '"abc"'],
    ['empty string', Expr.string(''), '""'],
    ['string with quotes', Expr.string('He said "Hi"'), '"He said \\"Hi\\""'],
    ['string with backslashes', Expr.string('C:\\temp\\'), '"C:\\\\temp\\\\"'],
    ['string with a backslash before a quote', Expr.string('a\\"b'), '"a\\\\\\"b"'],
    ['string with unicode', Expr.string('Grüße'), '"Grüße"'],
    ['string with substitution braces', Expr.string('{{queue_sales}}'), '"{{queue_sales}}"'],
    ['integer', Expr.integer(42), '42'],
    ['zero', Expr.integer(0), '0'],
    ['negative integer', Expr.integer(-3), '-3'],
    ['decimal', Expr.decimal(1.5), '1.5'],
    ['negative decimal', Expr.decimal(-0.25), '-0.25'],
    ['true', Expr.boolean(true), 'true'],
    ['false', Expr.boolean(false), 'false'],
  ])('%s', (_name, e, text) => {
    expect(e.render()).toBe(text);
  });

  it('have the type of their builder', () => {
    expect(Expr.string('x').type).toBe('string');
    expect(Expr.integer(1).type).toBe('integer');
    expect(Expr.decimal(1).type).toBe('decimal');
    expect(Expr.boolean(true).type).toBe('boolean');
  });

  it('stringLiteral escapes backslashes first, then quotes', () => {
    expect(stringLiteral('plain')).toBe('"plain"');
    expect(stringLiteral('"')).toBe('"\\""');
    expect(stringLiteral('\\')).toBe('"\\\\"');
    expect(stringLiteral('\\"')).toBe('"\\\\\\""');
    expect(Expr.string('a "b" \\c').render()).toBe(stringLiteral('a "b" \\c'));
  });
});

describe('variables and built-in call data', () => {
  it('render their full Architect names with their types', () => {
    expect(pin.ref().render()).toBe('Flow.Pin');
    expect(pin.ref().type).toBe('string');
    expect(n.ref().type).toBe('integer');
    expect(amount.ref().type).toBe('decimal');
    expect(ok.ref().type).toBe('boolean');
    expect(Variable.string('Common.Account').ref().render()).toBe('Common.Account');
  });

  it('Builtin.callAni and Builtin.calledAddress are strings', () => {
    expect(Builtin.callAni.render()).toBe('Call.Ani');
    expect(Builtin.calledAddress.render()).toBe('Call.CalledAddress');
    expect(Builtin.callAni.type).toBe('string');
    expect(Builtin.calledAddress.type).toBe('string');
  });

  it('know their scope and local name', () => {
    expect(pin.scope).toBe('Flow');
    expect(pin.localName).toBe('Pin');
    expect(pin.name).toBe('Flow.Pin');
    expect(Variable.integer('Common.Attempt')).toMatchObject({ scope: 'Common', localName: 'Attempt', type: 'integer' });
    expect(Variable.boolean('NoScope')).toMatchObject({ scope: undefined, localName: 'NoScope' });
    expect(Variable.string('.Odd')).toMatchObject({ scope: undefined, localName: '.Odd' });
    expect(Variable.string('Flow.a.b')).toMatchObject({ scope: 'Flow', localName: 'a.b' });
  });
});

describe('comparison operators', () => {
  it.each<[string, Expression, string]>([
    ['equals a string literal', pin.ref().equals('1234'), 'Flow.Pin == "1234"'],
    ['equals an expression', pin.ref().equals(Variable.string('Common.ExpectedPin').ref()), 'Flow.Pin == Common.ExpectedPin'],
    ['notEquals', n.ref().notEquals(3), 'Flow.N != 3'],
    ['lessThan', n.ref().lessThan(3), 'Flow.N < 3'],
    ['lessThanOrEqual', n.ref().lessThanOrEqual(3), 'Flow.N <= 3'],
    ['greaterThan', n.ref().greaterThan(m.ref()), 'Flow.N > Flow.M'],
    ['greaterThanOrEqual', n.ref().greaterThanOrEqual(-1), 'Flow.N >= -1'],
    ['decimal literal', amount.ref().lessThan(9.99), 'Flow.Amount < 9.99'],
    ['boolean literal', ok.ref().equals(false), 'Flow.Ok == false'],
    ['string literal that looks like a number stays a string', pin.ref().notEquals('0'), 'Flow.Pin != "0"'],
    ['builtin', Builtin.callAni.equals('+15551234567'), 'Call.Ani == "+15551234567"'],
  ])('%s', (_name, e, text) => {
    expect(e.render()).toBe(text);
    expect(e.type).toBe('boolean');
  });

  it('type the literal on the right like the left operand', () => {
    const e = n.ref().equals(3);
    if (e.node.kind !== 'compare') throw new Error('expected a comparison');
    expect(e.node.op).toBe('==');
    expect(e.node.right.type).toBe('integer');
    expect(e.node.left.render()).toBe('Flow.N');
    const s = pin.ref().equals('3');
    if (s.node.kind !== 'compare') throw new Error('expected a comparison');
    expect(s.node.right.type).toBe('string');
  });
});

describe('logic and arithmetic', () => {
  const a = n.ref().greaterThan(1);
  const b = n.ref().lessThan(5);
  const c = pin.ref().equals('x');

  it.each<[string, Expression, string]>([
    ['and of two comparisons', Expr.and(a, b), '(Flow.N > 1) and (Flow.N < 5)'],
    ['or of two comparisons', Expr.or(a, b), '(Flow.N > 1) or (Flow.N < 5)'],
    ['and of one operand is that operand', Expr.and(a), 'Flow.N > 1'],
    ['and of three nests to the left', Expr.and(a, b, c), '((Flow.N > 1) and (Flow.N < 5)) and (Flow.Pin == "x")'],
    ['or of ands', Expr.or(Expr.and(a, b), c), '((Flow.N > 1) and (Flow.N < 5)) or (Flow.Pin == "x")'],
    ['and with an or on the right', Expr.and(ok.ref(), Expr.or(a, b)), 'Flow.Ok and ((Flow.N > 1) or (Flow.N < 5))'],
    ['and of plain booleans', Expr.and(ok.ref(), Expr.boolean(true)), 'Flow.Ok and true'],
    ['not of a comparison', Expr.not(c), 'not (Flow.Pin == "x")'],
    ['not of a variable', Expr.not(ok.ref()), 'not Flow.Ok'],
    ['not of a function call', Expr.not(Expr.isSet(pin.ref())), 'not IsSet(Flow.Pin)'],
    ['not of an and', Expr.not(Expr.and(a, b)), 'not ((Flow.N > 1) and (Flow.N < 5))'],
    ['plus', Expr.plus(n.ref(), 1), 'Flow.N + 1'],
    ['plus an expression', Expr.plus(n.ref(), m.ref()), 'Flow.N + Flow.M'],
    ['minus', Expr.minus(n.ref(), 2), 'Flow.N - 2'],
    ['minus of a sum', Expr.minus(Expr.plus(n.ref(), 1), 2), '(Flow.N + 1) - 2'],
    ['minus a difference (right operand kept grouped)', Expr.minus(n.ref(), Expr.minus(m.ref(), 1)), 'Flow.N - (Flow.M - 1)'],
    ['comparison of sums', Expr.plus(n.ref(), 1).greaterThan(Expr.minus(m.ref(), 1)), '(Flow.N + 1) > (Flow.M - 1)'],
    ['comparison of a function result', Expr.len(pin.ref()).equals(4), 'Len(Flow.Pin) == 4'],
  ])('%s', (_name, e, text) => {
    expect(e.render()).toBe(text);
  });

  it('types logic as boolean and arithmetic as integer', () => {
    expect(Expr.and(a, b).type).toBe('boolean');
    expect(Expr.or(a, b).type).toBe('boolean');
    expect(Expr.not(a).type).toBe('boolean');
    expect(Expr.plus(n.ref(), 1).type).toBe('integer');
    expect(Expr.minus(n.ref(), 1).type).toBe('integer');
  });

  it('and/or need at least one operand', () => {
    expect(() => Expr.and()).toThrow(/Expr\.and needs at least one operand/);
    expect(() => Expr.or()).toThrow(/Expr\.or needs at least one operand/);
  });
});

describe('functions', () => {
  it.each<[string, Expression, string, string]>([
    ['Len', Expr.len(pin.ref()), 'Len(Flow.Pin)', 'integer'],
    ['ToInt', Expr.toInt(pin.ref()), 'ToInt(Flow.Pin)', 'integer'],
    ['ToString of an integer', Expr.toString(n.ref()), 'ToString(Flow.N)', 'string'],
    ['ToString of a boolean', Expr.toString(ok.ref()), 'ToString(Flow.Ok)', 'string'],
    ['IsSet', Expr.isSet(amount.ref()), 'IsSet(Flow.Amount)', 'boolean'],
    ['IsNotSetOrEmpty', Expr.isNotSetOrEmpty(pin.ref()), 'IsNotSetOrEmpty(Flow.Pin)', 'boolean'],
    ['Append of two', Expr.append(pin.ref(), Expr.string('#')), 'Append(Flow.Pin, "#")', 'string'],
    ['Append of three', Expr.append(Expr.string('a'), pin.ref(), Builtin.callAni), 'Append("a", Flow.Pin, Call.Ani)', 'string'],
    ['Right with a number', Expr.right(Builtin.callAni, 4), 'Right(Call.Ani, 4)', 'string'],
    ['Right with an expression', Expr.right(pin.ref(), Expr.minus(Expr.len(pin.ref()), 1)), 'Right(Flow.Pin, Len(Flow.Pin) - 1)', 'string'],
    ['nested calls', Expr.toInt(Expr.right(Expr.toString(n.ref()), 2)), 'ToInt(Right(ToString(Flow.N), 2))', 'integer'],
    ['call of arithmetic', Expr.toString(Expr.plus(n.ref(), 1)), 'ToString(Flow.N + 1)', 'string'],
  ])('%s', (_name, e, text, type) => {
    expect(e.render()).toBe(text);
    expect(e.type).toBe(type);
  });
});

describe('raw expressions', () => {
  it('render as written, with the declared type', () => {
    const r = Expr.raw('integer', 'Len(Flow.X) + 1');
    expect(r.render()).toBe('Len(Flow.X) + 1');
    expect(r.type).toBe('integer');
  });

  it('are parenthesised as operands, not as function arguments', () => {
    expect(Expr.raw('integer', 'Len(Flow.X) + 1').equals(2).render()).toBe('(Len(Flow.X) + 1) == 2');
    expect(Expr.plus(Expr.raw('integer', 'Flow.A * 2'), 1).render()).toBe('(Flow.A * 2) + 1');
    expect(Expr.not(Expr.raw('boolean', 'Flow.A or Flow.B')).render()).toBe('not (Flow.A or Flow.B)');
    expect(Expr.toString(Expr.raw('integer', 'Flow.A * 2')).render()).toBe('ToString(Flow.A * 2)');
  });
});

describe('walks', () => {
  it('subexpressions() lists the expression first, then its parts depth first', () => {
    const left = pin.ref();
    const e = left.equals('1');
    const parts = e.subexpressions();
    expect(parts).toHaveLength(3);
    expect(parts[0]).toBe(e);
    expect(parts[1]).toBe(left);
    expect(parts[2].render()).toBe('"1"');
    expect(
      Expr.and(e, Expr.not(ok.ref()))
        .subexpressions()
        .map((x) => x.render()),
    ).toEqual(['(Flow.Pin == "1") and not Flow.Ok', 'Flow.Pin == "1"', 'Flow.Pin', '"1"', 'not Flow.Ok', 'Flow.Ok']);
  });

  it('variables() lists every variable read, in order and with repeats, through every node kind', () => {
    const e = Expr.and(pin.ref().equals('1'), Expr.toInt(pin.ref()).greaterThan(Expr.plus(n.ref(), m.ref())), Expr.not(ok.ref()));
    expect(e.variables().map((v) => v.name)).toEqual(['Flow.Pin', 'Flow.Pin', 'Flow.N', 'Flow.M', 'Flow.Ok']);
    expect(e.variables()[0]).toBe(pin);
    expect(Expr.append(Builtin.callAni, Expr.string('x'), amount.ref().equals(1) as never).variables()).toEqual([amount]);
  });

  it('variables() is empty for literals, builtins and raw text', () => {
    expect(Expr.string('Flow.Pin').variables()).toEqual([]);
    expect(Builtin.callAni.variables()).toEqual([]);
    expect(Expr.raw('string', 'Flow.Pin').variables()).toEqual([]);
    expect(Expr.and(Expr.boolean(true), Builtin.callAni.equals('1')).variables()).toEqual([]);
  });

  it('hasRaw() finds raw parts at any depth', () => {
    expect(Expr.raw('boolean', 'x').hasRaw()).toBe(true);
    expect(Expr.not(Expr.raw('boolean', 'x')).hasRaw()).toBe(true);
    expect(Expr.and(ok.ref(), Expr.len(Expr.append(pin.ref(), Expr.raw('string', 'Flow.X'))).equals(3)).hasRaw()).toBe(true);
    expect(Expr.plus(n.ref(), Expr.raw('integer', '1')).hasRaw()).toBe(true);
  });

  it('hasRaw() is false for fully typed expressions', () => {
    expect(Expr.and(pin.ref().equals('1'), Expr.toInt(pin.ref()).greaterThan(n.ref())).hasRaw()).toBe(false);
    expect(Expr.right(Builtin.callAni, 4).hasRaw()).toBe(false);
    expect(Expr.string('raw').hasRaw()).toBe(false);
  });
});
