/**
 * What the platform adds at the root of an exported flow that nobody wrote, by key, with the values real
 * exports show. A key we did not render is ignored only when its value is unset (see `isUnset`) or
 * matches this table leaf by leaf; anything else was changed or added by someone (in Architect) and is a
 * difference. `ANY` marks the few leaves that real exports show varying from flow to flow; `'*'` stands
 * for any key (a language). Evidence: the provider's examples/resources/genesyscloud_architect_ivr/
 * holiday_flow.yaml, openhours_flow.yaml and closedhours_flow.yaml (v1.84.1), and GenesysCloudBlueprints
 * dr-fallback-ivr DR-Emergency-IVR.yaml and DR-Fallback-Ivr.yaml (see emulator/CONTRACT.md, EXPORT-12):
 * all five agree on every value below that is not ANY. In-queue call exports carry the same settingsActionDefaults,
 * settingsErrorHandling, settingsPrompts and supportedLanguages (provider examples/resources/genesyscloud_flow/
 * inqueuecall_default_example.yaml; GenesysCloudBlueprints automated-callback-blueprint "Proactive callback offer.yaml"
 * adds callBridge: {processingPrompt: {noValue: true}}, which is unset and so ignored). Below the root (menus, choices, actions) only
 * unset values are ignored: the five show menu-level settings only as `noValue`. To accept a default
 * seen in a newer export, add it here with the export that shows it.
 */
export const PLATFORM_DEFAULTS: Readonly<Record<string, unknown>> = {
  settingsActionDefaults: {
    playAudioOnSilence: { timeout: { lit: { seconds: 40 } } },
    detectSilence: { timeout: { lit: { seconds: 40 } } },
    // noValue in holiday_flow.yaml, PromptSystem.processing in openhours_flow.yaml
    callData: { processingPrompt: ANY },
    collectInput: { noEntryTimeout: { lit: { seconds: 5 } } },
    dialByExtension: { interDigitTimeout: { lit: { seconds: 6 } } },
    transferToUser: { connectTimeout: { noValue: true } },
    transferToNumber: { connectTimeout: { noValue: true } },
    transferToGroup: { connectTimeout: { noValue: true } },
    transferToFlowSecure: { connectTimeout: { lit: { seconds: 15 } } },
  },
  // The apology text varies between exports; what happens on an error (disconnect) does not.
  settingsErrorHandling: { errorHandling: { disconnect: { none: true } }, preHandlingAudio: ANY },
  settingsMenu: {
    extensionDialingMaxDelay: { lit: { seconds: 1 } },
    listenForExtensionDialing: { lit: true },
    menuSelectionTimeout: { lit: { seconds: 10 } },
    repeatCount: { lit: 3 },
  },
  settingsPrompts: { ensureAudioInPrompts: false, promptMediaToValidate: [{ mediaType: 'audio' }, { mediaType: 'tts' }] },
  settingsSpeechRec: {
    completeMatchTimeout: { lit: { ms: 100 } },
    incompleteMatchTimeout: { lit: { ms: 1500 } },
    maxSpeechLengthTimeout: { lit: { seconds: 20 } },
    minConfidenceLevel: { lit: 50 },
    asrCompanyDir: 'none',
    asrEnabledOnFlow: true,
    // false in holiday_flow.yaml, true in closedhours_flow.yaml
    suppressRecording: ANY,
  },
  // We leave supportedLanguages out of inbound call flows; every real export carries the default
  // language with no language skill and a text-to-speech voice (Jill for en-us in all five).
  supportedLanguages: { '*': { defaultLanguageSkill: { noValue: true }, textToSpeech: ANY } },
};

/** Stands for "any value" in PLATFORM_DEFAULTS. */
function ANY(): void {}

/**
 * Whether a value the platform has and we did not render is unset or, at the root of the flow, the
 * platform's default for `key`. Compared leaf by leaf, so error handling that transfers instead of
 * disconnecting, or a menu that repeats 0 times, is not a default.
 */
export function isPlatformDefault(key: string, value: unknown, atRoot: boolean): boolean {
  if (!atRoot) return isNeutral(value);
  return matchesDefault(value, Object.hasOwn(PLATFORM_DEFAULTS, key) ? PLATFORM_DEFAULTS[key] : undefined);
}

function matchesDefault(value: unknown, known: unknown): boolean {
  if (known === ANY) return true;
  if (known === undefined) return isNeutral(value);
  if (Array.isArray(value) || Array.isArray(known)) return JSON.stringify(value) === JSON.stringify(known);
  if (isRecord(known)) {
    if (!isRecord(value)) return false;
    const keyOf = (k: string) => (Object.hasOwn(known, k) ? known[k] : Object.hasOwn(known, '*') ? known['*'] : undefined);
    return Object.keys(value).every((k) => matchesDefault(value[k], keyOf(k)));
  }
  return !isRecord(value) && !Array.isArray(value) && String(value) === String(known);
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
