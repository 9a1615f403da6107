import { propsOf, requireString } from '../arguments';
import { optionalActions } from './action-lists';
import { Action, ActionBase, Branch } from './action';

export interface EvaluateScheduleProps {
  /** Name of the schedule whose hours are checked against the current time (Architect's default time zone). */
  readonly schedule: string;
  /** Runs while the schedule is active. @default - nothing (control continues after the action) */
  readonly onActive?: readonly Action[];
  /** Runs while it is not. @default - nothing (control continues after the action) */
  readonly onInactive?: readonly Action[];
}

/**
 * Evaluates one schedule now: the active branch runs during its hours, the inactive one outside them.
 * A branch without actions continues with the next action, as Architect does.
 */
export class EvaluateSchedule extends ActionBase {
  readonly kind = 'evaluateSchedule';
  readonly schedule: string;
  readonly onActive: readonly Action[];
  readonly onInactive: readonly Action[];

  constructor(id: string, props: EvaluateScheduleProps) {
    super(id);
    const at = `EvaluateSchedule ${id}`;
    const p = propsOf(props, at);
    this.schedule = requireString(p.schedule, at, 'schedule', 'name the schedule as configured');
    this.onActive = optionalActions(p.onActive, at, 'onActive');
    this.onInactive = optionalActions(p.onInactive, at, 'onInactive');
  }

  override branches(): Branch[] {
    return [
      { label: 'active', actions: this.onActive },
      { label: 'inactive', actions: this.onInactive },
    ];
  }
}

declare module './action' {
  interface ActionsByKind {
    evaluateSchedule: EvaluateSchedule;
  }
}
