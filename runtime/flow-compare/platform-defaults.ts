/**
 * What the platform adds to an exported flow that nobody wrote, by key. A key we did not render is
 * ignored only when its value is unset (see `isNeutral`) or matches this table; anything else was added
 * by someone (in Architect) and is a difference. `ANY` marks values that real exports show varying from
 * flow to flow (the org's and the flow's own defaults, which this project does not manage). Each entry
 * names the real exports that show it: the provider's examples/resources/genesyscloud_architect_ivr/
 * holiday_flow.yaml, openhours_flow.yaml and closedhours_flow.yaml (v1.84.1), and GenesysCloudBlueprints
 * dr-fallback-ivr DR-Emergency-IVR.yaml and DR-Fallback-Ivr.yaml (see emulator/CONTRACT.md, EXPORT-12).
 * To accept a default seen in a newer export, add it here with the export that shows it.
 */
export const PLATFORM_DEFAULTS: Readonly<Record<string, unknown>> = {
  // Action defaults differ between real exports (callData.processingPrompt is noValue in holiday_flow.yaml,
  // PromptSystem.processing in openhours_flow.yaml): not ours to compare.
  settingsActionDefaults: ANY,
  // Error handling routes calls, so it is compared: every real export disconnects; the apology may vary.
  settingsErrorHandling: { errorHandling: { disconnect: { none: true } }, preHandlingAudio: ANY },
  // Menu, prompt and speech-recognition settings: the same values in every export above except
  // suppressRecording (true in closedhours_flow.yaml, false in holiday_flow.yaml).
  settingsMenu: ANY,
  settingsPrompts: ANY,
  settingsSpeechRec: ANY,
  // Every real inboundCall export carries languages with a text-to-speech voice (holiday_flow.yaml: `voice: Jill`);
  // we leave supportedLanguages out of inbound call flows, so whatever the platform fills in is its default.
  supportedLanguages: ANY,
};

/** Stands for "any value" in PLATFORM_DEFAULTS. */
function ANY(): void {}

/**
 * Whether a value the platform has and we did not render is the platform's default for `key` (or
 * neutral: nothing set, false, empty). Compared leaf by leaf, so error handling that transfers instead
 * of disconnecting is not a default.
 */
export function isPlatformDefault(key: string, value: unknown): boolean {
  return matchesDefault(value, Object.hasOwn(PLATFORM_DEFAULTS, key) ? PLATFORM_DEFAULTS[key] : undefined);
}

function matchesDefault(value: unknown, known: unknown): boolean {
  if (known === ANY || isNeutral(value)) return true;
  if (known === undefined) return false;
  if (Array.isArray(value) || Array.isArray(known)) return JSON.stringify(value) === JSON.stringify(known);
  if (isRecord(value)) return isRecord(known) && Object.keys(value).every((k) => matchesDefault(value[k], Object.hasOwn(known, k) ? known[k] : undefined));
  return !isRecord(known) && String(value) === String(known);
}

/** Nothing set: `noValue: true`, `none: true`, false or empty. */
export function isUnset(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '' || value === 'false') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 0 || (keys.length === 1 && (keys[0] === 'noValue' || keys[0] === 'none') && String(value[keys[0]]) === 'true');
}

/** Unset, or an object of only unset values (`failureOutputs: {errorType: {noValue: true}, ...}`). */
export function isNeutral(value: unknown): boolean {
  if (isUnset(value)) return true;
  return isRecord(value) && Object.keys(value).every((k) => isNeutral(value[k]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}
