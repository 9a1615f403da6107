/**
 * What the platform adds to an exported flow that nobody wrote, by key, with the value it adds. A key
 * we did not render is ignored only when its value is neutral (see `isNeutral`) or the default below;
 * anything else was added by someone (in Architect) and is a difference. Each entry names the real
 * exports that show it (the same files as emulator/CONTRACT.md, EXPORT-12). To accept a default seen in
 * a newer export, add it here with the export that shows it.
 */
export const PLATFORM_DEFAULTS: Readonly<Record<string, unknown>> = {
  // holiday_flow.yaml (provider examples, v1.84.1), DR-Emergency-IVR.yaml, DR-Fallback-Ivr.yaml (GenesysCloudBlueprints dr-fallback-ivr)
  settingsActionDefaults: {
    playAudioOnSilence: { timeout: { lit: { seconds: 40 } } },
    detectSilence: { timeout: { lit: { seconds: 40 } } },
    callData: { processingPrompt: { noValue: true } },
    collectInput: { noEntryTimeout: { lit: { seconds: 5 } } },
    dialByExtension: { interDigitTimeout: { lit: { seconds: 6 } } },
    transferToUser: { connectTimeout: { noValue: true } },
    transferToNumber: { connectTimeout: { noValue: true } },
    transferToGroup: { connectTimeout: { noValue: true } },
    transferToFlowSecure: { connectTimeout: { lit: { seconds: 15 } } },
  },
  // the same three exports
  settingsErrorHandling: { errorHandling: { disconnect: { none: true } }, preHandlingAudio: { tts: 'Sorry, an error occurred. Please try your call again.' } },
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
  },
  // every real inboundCall export carries languages with a text-to-speech voice (holiday_flow.yaml: `voice: Jill`);
  // we leave supportedLanguages out of inbound call flows, so whatever the platform fills in is its default.
  supportedLanguages: ANY,
};

/** Stands for "any value" in PLATFORM_DEFAULTS. */
function ANY(): void {}

/**
 * Whether a value the platform has and we did not render is the platform's default for `key` (or
 * neutral: nothing set, false, empty). Settings blocks compare leaf by leaf, so one changed setting
 * (e.g. error handling that transfers instead of disconnecting) is not a default.
 */
export function isPlatformDefault(key: string, value: unknown): boolean {
  const known = PLATFORM_DEFAULTS[key];
  if (known === ANY) return true;
  return matchesDefault(value, known);
}

function matchesDefault(value: unknown, known: unknown): boolean {
  if (isNeutral(value)) return true;
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
