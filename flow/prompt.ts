import { invalid } from './errors';

/** Audio an action plays. Only text-to-speech is modelled; recorded prompts are a later addition. */
export class Prompt {
  /** Text-to-speech in the flow's language. */
  static tts(text: string): Prompt {
    if (text.trim() === '') throw invalid('GC1016', 'Prompt.tts', 'TTS text is empty', text, 'pass the words to speak');
    return new Prompt(text);
  }
  private constructor(readonly text: string) {}
}
