import { Action } from '../actions/action';
import { CollectDigits, CollectDigitsProps } from '../actions/collect-digits';
import { Decision } from '../actions/decision';
import { Loop } from '../actions/loop';
import { PlayAudio } from '../actions/play-audio';
import { Expression } from '../expression';
import { Prompt } from '../prompt';
import { Variable } from '../variable';

export interface CollectWithRetriesProps {
  /** What to collect, as for `CollectDigits` (without its outputs). */
  readonly collect: Omit<CollectDigitsProps, 'onSuccess' | 'onFailure'>;
  /** Total tries (1–100); a no-input and a bad input each use one. */
  readonly attempts: number;
  /** Integer variable the loop counts tries in (0-based). */
  readonly counter: Variable<'integer'>;
  /**
   * Whether the collected digits are acceptable ("bad input" otherwise).
   * @default - any complete entry is accepted
   */
  readonly isValid?: Expression<'boolean'>;
  /** Runs for an acceptable entry; must end the path (a terminal action or `LoopExit`). */
  readonly onValid: readonly Action[];
  /**
   * Played after no input (or too few digits) before the next try.
   * @default - nothing; the collect prompt plays again
   */
  readonly noInputPrompt?: Prompt;
  /**
   * Played after a bad input before the next try.
   * @default - nothing; the collect prompt plays again
   */
  readonly badInputPrompt?: Prompt;
}

/**
 * Collect digits with bounded retries on no input and on bad input: a `Loop` around `CollectDigits`
 * (and a validity `Decision`). Returns the loop; the actions after it in the caller's list run once
 * the tries are used up. Ids derive from `id` (`<id>`, `<id> tries`, `<id> valid`, ...).
 */
export function collectWithRetries(id: string, props: CollectWithRetriesProps): Action {
  const retryAudio = (suffix: string, prompt: Prompt | undefined): Action[] => (prompt ? [new PlayAudio(`${id} ${suffix}`, { prompt })] : []);
  const onSuccess = props.isValid
    ? [new Decision(`${id} valid`, { condition: props.isValid, yes: props.onValid, no: retryAudio('bad input', props.badInputPrompt) })]
    : props.onValid;
  return new Loop(`${id} tries`, {
    counter: props.counter,
    count: props.attempts,
    body: [new CollectDigits(id, { ...props.collect, onSuccess, onFailure: retryAudio('no input', props.noInputPrompt) })],
  });
}
