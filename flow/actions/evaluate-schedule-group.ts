import { propsOf, optionalString } from '../arguments';
import { optionalActions } from './action-lists';
import { Action, ActionBase, Branch } from './action';

export interface EvaluateScheduleGroupProps {
  /**
   * Name of the schedule group whose open / closed / holiday state picks the branch.
   * @default - none (`ToScheduleGroup(NOT_SET)`, as in the real export): only the emergency group is evaluated
   */
  readonly scheduleGroup?: string;
  /**
   * Name of the emergency group: while it is active, `onEmergency` runs.
   * @default - none
   */
  readonly emergencyGroup?: string;
  /** Runs while the emergency group is active. @default - nothing (control continues after the action) */
  readonly onEmergency?: readonly Action[];
  /** Runs when the schedule group is open. @default - nothing (control continues after the action) */
  readonly onOpen?: readonly Action[];
  /** Runs when the schedule group is closed. @default - nothing (control continues after the action) */
  readonly onClosed?: readonly Action[];
  /** Runs when the schedule group is in a holiday. @default - nothing (control continues after the action) */
  readonly onHoliday?: readonly Action[];
}

/**
 * Evaluates an emergency group and / or a schedule group now: the emergency branch runs while the
 * emergency group is active, else the open, closed or holiday branch of the schedule group. A branch
 * without actions (or none taken) continues with the next action, as Architect does.
 */
export class EvaluateScheduleGroup extends ActionBase {
  readonly kind = 'evaluateScheduleGroup';
  readonly scheduleGroup?: string;
  readonly emergencyGroup?: string;
  readonly onEmergency: readonly Action[];
  readonly onOpen: readonly Action[];
  readonly onClosed: readonly Action[];
  readonly onHoliday: readonly Action[];

  constructor(id: string, props: EvaluateScheduleGroupProps) {
    super(id);
    const at = `EvaluateScheduleGroup ${id}`;
    const p = propsOf(props, at);
    this.scheduleGroup = optionalString(p.scheduleGroup, at, 'scheduleGroup', 'name the schedule group as configured');
    this.emergencyGroup = optionalString(p.emergencyGroup, at, 'emergencyGroup', 'name the emergency group as configured');
    this.onEmergency = optionalActions(p.onEmergency, at, 'onEmergency');
    this.onOpen = optionalActions(p.onOpen, at, 'onOpen');
    this.onClosed = optionalActions(p.onClosed, at, 'onClosed');
    this.onHoliday = optionalActions(p.onHoliday, at, 'onHoliday');
  }

  /**
   * Branches in Architect's order of evaluation; an empty one continues after the action. Without a
   * schedule group, open / closed / holiday are empty (validation), so control continues when the
   * emergency group is not active.
   */
  override branches(): Branch[] {
    return [
      ...(this.emergencyGroup === undefined ? [] : [{ label: 'emergency', actions: this.onEmergency }]),
      { label: 'open', actions: this.onOpen },
      { label: 'closed', actions: this.onClosed },
      { label: 'holiday', actions: this.onHoliday },
    ];
  }
}

declare module './action' {
  interface ActionsByKind {
    evaluateScheduleGroup: EvaluateScheduleGroup;
  }
}
