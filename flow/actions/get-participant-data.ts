import { Variable } from '../variable';
import { ActionBase } from './action';

/** One participant data attribute read into a string variable. */
export interface ParticipantAttributeRead {
  /** The attribute's name (its key on the call's participant data). */
  readonly attribute: string;
  /** The string variable that receives the value (NOT_SET when the call has no such attribute). */
  readonly into: Variable;
}

/** Reads participant data attributes of the call into string variables; control continues after it. */
export class GetParticipantData extends ActionBase {
  readonly kind = 'getParticipantData';
  readonly attributes: readonly ParticipantAttributeRead[];

  constructor(id: string, attributes: readonly ParticipantAttributeRead[]) {
    super(id);
    this.attributes = attributes;
  }

  override writes() {
    return this.attributes.map((a) => ({ what: `attribute ${a.attribute}`, variable: a.into, valueType: 'string' as const }));
  }
}

declare module './action' {
  interface ActionsByKind {
    getParticipantData: GetParticipantData;
  }
}
