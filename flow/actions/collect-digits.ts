import { Digits } from '../digits';
import { invalid } from '../errors';
import { Prompt } from '../prompt';
import { Variable } from '../variable';
import { Action, ActionBase, Branch } from './action';
import { requireActions } from './action-lists';

export interface CollectDigitsProps {
  /** String variable that receives the digits. */
  readonly into: Variable<'string'>;
  readonly digits: Digits;
  /**
   * Prompt played while waiting for input.
   * @default - no prompt (play one before the action)
   */
  readonly prompt?: Prompt;
  /**
   * Seconds to wait for the first digit before taking the failure path.
   * @default 5
   */
  readonly noEntryTimeoutSeconds?: number;
  /**
   * Seconds to wait between digits before taking the failure path.
   * @default - the flow's default (written as `noValue`, the only form real exports show)
   */
  readonly interDigitTimeoutSeconds?: number;
  /** Runs when the expected number of digits was entered. */
  readonly onSuccess: readonly Action[];
  /** Runs on no input, too few digits or a timeout. Retries are a surrounding `Loop`. */
  readonly onFailure: readonly Action[];
}

/** Collects DTMF digits into a string variable (Architect's Collect Input). */
export class CollectDigits extends ActionBase {
  readonly kind = 'collectDigits';
  readonly into: Variable<'string'>;
  readonly digits: Digits;
  readonly prompt?: Prompt;
  readonly noEntryTimeoutSeconds: number;
  readonly interDigitTimeoutSeconds?: number;
  readonly onSuccess: readonly Action[];
  readonly onFailure: readonly Action[];

  constructor(id: string, props: CollectDigitsProps) {
    super(id);
    this.into = props.into;
    this.digits = props.digits;
    this.prompt = props.prompt;
    this.noEntryTimeoutSeconds = seconds(id, 'noEntryTimeoutSeconds', props.noEntryTimeoutSeconds ?? 5);
    this.interDigitTimeoutSeconds =
      props.interDigitTimeoutSeconds === undefined ? undefined : seconds(id, 'interDigitTimeoutSeconds', props.interDigitTimeoutSeconds);
    this.onSuccess = requireActions(props.onSuccess, `CollectDigits ${id}`, 'onSuccess', 'pass the actions run once digits are collected');
    this.onFailure = requireActions(props.onFailure, `CollectDigits ${id}`, 'onFailure', 'pass the actions run when no valid input came');
  }

  override branches(): Branch[] {
    return [
      { label: 'success', actions: this.onSuccess },
      { label: 'failure', actions: this.onFailure },
    ];
  }

  override writes() {
    return [{ what: 'into', variable: this.into, valueType: 'string' as const }];
  }
}

declare module './action' {
  interface ActionsByKind {
    collectDigits: CollectDigits;
  }
}

function seconds(id: string, prop: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 60) {
    throw invalid('GC1016', `CollectDigits ${id}`, `${prop} must be a whole number of seconds from 1 to 60`, value, 'use e.g. 5');
  }
  return value;
}
