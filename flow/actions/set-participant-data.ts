import { requireExpression, requireList, requireRecord, requireString } from '../arguments';
import { Expression } from '../expression';
import { ActionBase } from './action';

/** One participant data attribute written on the call. */
export interface ParticipantAttributeWrite {
  /** The attribute's name (its key on the call's participant data). */
  readonly attribute: string;
  /** Its new value: a string expression. */
  readonly value: Expression;
}

/**
 * Writes participant data attributes on the call: they travel with the call (to agents, scripts and the
 * flows it is transferred to). Control continues after it.
 */
export class SetParticipantData extends ActionBase {
  readonly kind = 'setParticipantData';
  readonly attributes: readonly ParticipantAttributeWrite[];

  constructor(id: string, attributes: readonly ParticipantAttributeWrite[]) {
    super(id);
    const at = `SetParticipantData ${id}`;
    this.attributes = requireList(attributes, at, 'the attribute list', "pass a list such as [{ attribute: 'tier', value: Expr.string('gold') }]");
    for (const a of this.attributes) {
      requireRecord(a, at, 'an attribute write', "write { attribute: 'name', value: Expr.string('...') }");
      requireString(a.attribute, at, 'an attribute name', 'name the participant data attribute');
      requireExpression(a.value, at, `the value of attribute ${a.attribute}`, 'give it a string expression (Expr.string, Variable.ref())');
    }
  }

  override reads() {
    return this.attributes.map((a) => ({ what: `value of attribute ${a.attribute}`, expression: a.value, expected: 'string' as const }));
  }
}

declare module './action' {
  interface ActionsByKind {
    setParticipantData: SetParticipantData;
  }
}
