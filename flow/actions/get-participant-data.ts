import { requireList, requireRecord, requireVariable, requireString } from '../arguments';
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
    const at = `GetParticipantData ${id}`;
    this.attributes = requireList(
      attributes,
      at,
      'the attribute list',
      "pass a list such as [{ attribute: 'tier', into: Variable.string('Flow.Tier') }]",
    );
    for (const r of this.attributes) {
      requireRecord(r, at, 'an attribute read', "write { attribute: 'name', into: Variable.string('Flow.Name') }");
      requireString(r.attribute, at, 'an attribute name', 'name the participant data attribute');
      requireVariable(r.into, at, `the variable of attribute ${r.attribute}`, 'give a string Variable');
    }
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
