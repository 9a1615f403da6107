import { Prompt } from '../prompt';
import { Action } from './action';

export interface PlayAudioProps {
  readonly prompt: Prompt;
}

/** Plays a prompt to the caller, then continues. */
export class PlayAudio extends Action {
  readonly kind = 'playAudio';
  constructor(
    id: string,
    readonly props: PlayAudioProps,
  ) {
    super(id);
  }
}
