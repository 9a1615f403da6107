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
    this.attributes = attributes;
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
