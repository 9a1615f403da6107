import { Builtin, Expr, Variable, stringLiteral } from '../../flow';

const pin = Variable.string('Flow.Pin');
const n = Variable.integer('Flow.N');

describe('typed expressions render Architect text', () => {
  it.each([
    ['string literal', Expr.string('abc'), '"abc"'],
    ['escaped quotes and backslashes', Expr.string('a "b" \\c'), '"a \\"b\\" \\\\c"'],
    ['integer', Expr.integer(42), '42'],
    ['decimal', Expr.decimal(1.5), '1.5'],
    ['boolean', Expr.boolean(false), 'false'],
    ['variable', pin.ref(), 'Flow.Pin'],
    ['builtin', Builtin.callAni, 'Call.Ani'],
    ['equals with a literal', pin.ref().equals('1234'), 'Flow.Pin == "1234"'],
    ['not equals', n.ref().notEquals(3), 'Flow.N != 3'],
    ['ordering', n.ref().lessThan(3), 'Flow.N < 3'],
    ['<=', n.ref().lessThanOrEqual(3), 'Flow.N <= 3'],
    ['>', n.ref().greaterThan(3), 'Flow.N > 3'],
    ['>=', n.ref().greaterThanOrEqual(3), 'Flow.N >= 3'],
    ['and/or nest with parentheses', Expr.or(Expr.and(n.ref().greaterThan(1), n.ref().lessThan(5)), Expr.boolean(true)), '((Flow.N > 1) and (Flow.N < 5)) or true'],
    ['not', Expr.not(pin.ref().equals('x')), 'not (Flow.Pin == "x")'],
    ['plus', Expr.plus(n.ref(), 1), 'Flow.N + 1'],
    ['minus of a sum', Expr.minus(Expr.plus(n.ref(), 1), 2), '(Flow.N + 1) - 2'],
    ['Len', Expr.len(pin.ref()), 'Len(Flow.Pin)'],
    ['ToInt', Expr.toInt(pin.ref()), 'ToInt(Flow.Pin)'],
    ['ToString', Expr.toString(n.ref()), 'ToString(Flow.N)'],
    ['IsSet', Expr.isSet(pin.ref()), 'IsSet(Flow.Pin)'],
    ['IsNotSetOrEmpty', Expr.isNotSetOrEmpty(pin.ref()), 'IsNotSetOrEmpty(Flow.Pin)'],
    ['Append', Expr.append(pin.ref(), Expr.string('#')), 'Append(Flow.Pin, "#")'],
    ['Right', Expr.right(Builtin.callAni, 4), 'Right(Call.Ani, 4)'],
    ['raw in a comparison is parenthesised', Expr.raw('integer', 'Len(Flow.X) + 1').equals(2), '(Len(Flow.X) + 1) == 2'],
  ])('%s', (_name, expression, text) => {
    expect(expression.render()).toBe(text);
  });

  it('types results', () => {
    expect(pin.ref().equals('1').type).toBe('boolean');
    expect(Expr.len(pin.ref()).type).toBe('integer');
    expect(Expr.toString(n.ref()).type).toBe('string');
  });

  it('lists the variables it reads, and whether it has raw parts', () => {
    const e = Expr.and(pin.ref().equals('1'), Expr.toInt(pin.ref()).greaterThan(n.ref()));
    expect(e.variables().map((v) => v.name)).toEqual(['Flow.Pin', 'Flow.Pin', 'Flow.N']);
    expect(e.hasRaw()).toBe(false);
    expect(Expr.not(Expr.raw('boolean', 'x')).hasRaw()).toBe(true);
  });

  it('needs an operand for and/or', () => {
    expect(() => Expr.and()).toThrow(/at least one operand/);
  });

  it('stringLiteral escapes backslash before quote', () => {
    expect(stringLiteral('\\"')).toBe('"\\\\\\""');
  });

  it('variables know their scope and local name', () => {
    expect(pin.scope).toBe('Flow');
    expect(pin.localName).toBe('Pin');
    expect(Variable.boolean('NoScope').scope).toBeUndefined();
  });
});
