import { AudioPromptTarget } from '../audio-prompt-target';
import { propsOf, requirePromptTarget } from '../arguments';
import { invalid } from '../errors';
import { ActionBase } from './action';

export interface HoldMusicProps {
  /**
   * The prompt played.
   * @default - the flow's hold prompt (`Flow.HoldPrompt`, set by the in-queue flow's `holdMusic`)
   */
  readonly prompt?: AudioPromptTarget;
  /**
   * Plays the prompt, repeated, for this many seconds before control moves on.
   * @default - the entire prompt once
   */
  readonly durationSeconds?: number;
}

/**
 * Plays hold music to a caller waiting in queue, then continues (only in in-queue call flows). Architect
 * resumes the prompt where the previous Hold Music of the same prompt stopped.
 */
export class HoldMusic extends ActionBase {
  readonly kind = 'holdMusic';
  readonly prompt?: AudioPromptTarget;
  readonly durationSeconds?: number;

  constructor(id: string, props: HoldMusicProps = {}) {
    super(id);
    const p = propsOf(props, `HoldMusic ${id}`);
    this.prompt = p.prompt === undefined ? undefined : requirePromptTarget(p.prompt, `HoldMusic ${id}`, 'prompt');
    const seconds = p.durationSeconds;
    if (seconds !== undefined && (!Number.isInteger(seconds) || seconds < 1)) {
      throw invalid('GC1016', `HoldMusic ${id}`, 'durationSeconds must be a whole number of seconds, at least 1', seconds, 'use e.g. 60');
    }
    this.durationSeconds = seconds;
  }

  override references(): readonly object[] {
    return this.prompt ? [this.prompt] : [];
  }
}

declare module './action' {
  interface ActionsByKind {
    holdMusic: HoldMusic;
  }
}
