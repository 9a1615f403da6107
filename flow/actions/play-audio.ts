import { Prompt } from '../prompt';
import { ActionBase } from './action';

export interface PlayAudioProps {
  readonly prompt: Prompt;
}

/** Plays a prompt to the caller, then continues. */
export class PlayAudio extends ActionBase {
  readonly kind = 'playAudio';
  readonly prompt: Prompt;

  constructor(id: string, props: PlayAudioProps) {
    super(id);
    this.prompt = props.prompt;
  }
}

declare module './action' {
  interface ActionsByKind {
    playAudio: PlayAudio;
  }
}
