/**
 * An Architect prompt resource a flow plays by name (hold music, a recorded greeting): a system prompt
 * (`PromptSystem.on_hold_music`) or a user prompt of the org (`genesyscloud_architect_user_prompt`).
 * Unlike `Prompt.tts`, its audio lives in Genesys; the flow writes only its name.
 */
export interface AudioPromptTarget {
  /** The prompt's own name (`on_hold_music`, `Welcome_Greeting`). */
  readonly promptName: string;
  /** How Architect names it in a flow: `PromptSystem.<name>` or `Prompt.<name>`. */
  readonly nameInFlow: string;
}

/** A built-in Architect system prompt, e.g. `systemPrompt('on_hold_music')`. */
export function systemPrompt(promptName: string): AudioPromptTarget {
  return { promptName, nameInFlow: `PromptSystem.${promptName}` };
}

/** A user prompt that exists in the org, by name (it must exist when the flow publishes). */
export function userPromptNamed(promptName: string): AudioPromptTarget {
  return { promptName, nameInFlow: `Prompt.${promptName}` };
}
