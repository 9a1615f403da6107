import { parse, stringify } from 'yaml';

/**
 * What an export returns. The platform does not hand back the file that was imported: it regenerates
 * the flow from its own model. Every rule below is observed in real exports (see CONTRACT.md, "Exports"):
 *
 * - refIds are the platform's own, `<name>_<n>`, and every `*Ref` string points at them (provider
 *   examples/resources/genesyscloud_architect_ivr/holiday_flow.yaml: `Main Menu_10`, `Closed_12`;
 *   GenesysCloudBlueprints dr-fallback-ivr DR-Emergency-IVR.yaml: `Startup Task_42`);
 * - `variables` are listed sorted by name, case-insensitively (GenesysCloudBlueprints exports with a
 *   variables list);
 * - settings blocks and defaults nobody wrote are added (holiday_flow.yaml, DR-Emergency-IVR.yaml);
 * - a menu choice's inline task carries only its actions (DR-Emergency-IVR.yaml `menuTask`).
 */
export function regenerateExport(yaml: string): string {
  const doc = parse(yaml) as Record<string, Record<string, unknown>>;
  const [rootKey] = Object.keys(doc);
  const body = structuredClone(doc[rootKey] ?? {});
  renameRefIds(rootKey, body);
  if (Array.isArray(body.variables))
    body.variables = [...body.variables].sort((a, b) => variableName(a).localeCompare(variableName(b), 'en', { sensitivity: 'base' }));
  if (rootKey === 'inboundCall') addInboundCallDefaults(body);
  if (rootKey === 'inqueueCall') addInQueueCallDefaults(body);
  return stringify({ [rootKey]: orderRootKeys(body) }, { lineWidth: 0 });
}

/** Root keys in the order real exports list them (holiday_flow.yaml); keys not listed keep their place after these. */
const ROOT_ORDER = [
  'name',
  'description',
  'division',
  'startUpRef',
  'defaultLanguage',
  'supportedLanguages',
  'initialGreeting',
  'variables',
  'settingsInQueueCall',
  'settingsActionDefaults',
  'settingsCommonModule',
  'settingsErrorHandling',
  'settingsMenu',
  'settingsPrompts',
  'settingsSpeechRec',
  'menus',
  'tasks',
  'startUpTaskActions',
];

function orderRootKeys(body: Record<string, unknown>): Record<string, unknown> {
  const keys = [...ROOT_ORDER.filter((k) => k in body), ...Object.keys(body).filter((k) => !ROOT_ORDER.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, body[k]]));
}

/**
 * Gives every menu and task a platform refId `<name>_<n>` (menus first, then tasks, n from 10 in steps
 * of 2, as in holiday_flow.yaml) and rewrites every `*Ref` string that pointed at the old one.
 */
function renameRefIds(rootKey: string, body: Record<string, unknown>): void {
  const renamed = new Map<string, string>();
  let n = 10;
  for (const [listKey, itemKey] of [
    ['menus', 'menu'],
    ['tasks', 'task'],
    ['states', 'state'],
  ]) {
    for (const item of asList(body[listKey])) {
      const node = item[itemKey] as Record<string, unknown> | undefined;
      if (!node || typeof node !== 'object') continue;
      const platformId = `${String(node.name ?? itemKey)}_${n}`;
      n += 2;
      if (typeof node.refId === 'string') renamed.set(`${listKey}/${itemKey}[${node.refId}]`, `${listKey}/${itemKey}[${platformId}]`);
      node.refId = platformId;
    }
  }
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (!value || typeof value !== 'object') return value;
    const node = value as Record<string, unknown>;
    for (const [key, child] of Object.entries(node)) {
      if (key.endsWith('Ref') && typeof child === 'string') {
        const target = /^(?:\/[A-Za-z]+\/|\.\/)(.+)$/.exec(child)?.[1];
        const to = target ? renamed.get(target) : undefined;
        if (to) node[key] = `/${rootKey}/${to}`;
      } else {
        node[key] = rewrite(child);
      }
    }
    return node;
  };
  rewrite(body);
}

// The values below restate the real exports on the platform's side. runtime/flow-compare/platform-defaults.ts
// states the same exports on our side; the emulator deliberately does not import it, so a wrong table in
// our code cannot make the emulator agree with it.
/**
 * The action defaults and error handling every real call export carries, inbound and in-queue alike (the
 * exports named at the callers below show the same values). New objects per flow: exports share nothing.
 */
function addCallDefaults(body: Record<string, unknown>): void {
  body.settingsActionDefaults ??= {
    playAudioOnSilence: { timeout: { lit: { seconds: 40 } } },
    detectSilence: { timeout: { lit: { seconds: 40 } } },
    callData: { processingPrompt: { noValue: true } },
    collectInput: { noEntryTimeout: { lit: { seconds: 5 } } },
    dialByExtension: { interDigitTimeout: { lit: { seconds: 6 } } },
    transferToUser: { connectTimeout: { noValue: true } },
    transferToNumber: { connectTimeout: { noValue: true } },
    transferToGroup: { connectTimeout: { noValue: true } },
    transferToFlowSecure: { connectTimeout: { lit: { seconds: 15 } } },
  };
  body.settingsErrorHandling ??= {
    errorHandling: { disconnect: { none: true } },
    preHandlingAudio: { tts: 'Sorry, an error occurred. Please try your call again.' },
  };
}

function addInboundCallDefaults(body: Record<string, unknown>): void {
  addCallDefaults(body);
  body.settingsMenu ??= {
    extensionDialingMaxDelay: { lit: { seconds: 1 } },
    listenForExtensionDialing: { lit: true },
    menuSelectionTimeout: { lit: { seconds: 10 } },
    repeatCount: { lit: 3 },
  };
  body.settingsPrompts ??= { ensureAudioInPrompts: false, promptMediaToValidate: [{ mediaType: 'audio' }, { mediaType: 'tts' }] };
  body.settingsSpeechRec ??= {
    completeMatchTimeout: { lit: { ms: 100 } },
    incompleteMatchTimeout: { lit: { ms: 1500 } },
    maxSpeechLengthTimeout: { lit: { seconds: 20 } },
    minConfidenceLevel: { lit: 50 },
    asrCompanyDir: 'none',
    asrEnabledOnFlow: true,
    suppressRecording: false,
  };
  for (const item of asList(body.menus)) {
    const menu = item.menu as Record<string, unknown> | undefined;
    if (!menu) continue;
    menu.settingsMenu ??= {
      extensionDialingMaxDelay: { noValue: true },
      listenForExtensionDialing: { noValue: true },
      menuSelectionTimeout: { noValue: true },
      repeatCount: { noValue: true },
    };
    menu.settingsSpeechRec ??= {
      completeMatchTimeout: { noValue: true },
      incompleteMatchTimeout: { noValue: true },
      maxSpeechLengthTimeout: { noValue: true },
      minConfidenceLevel: { noValue: true },
    };
    for (const choice of asList(menu.choices)) {
      const [kind] = Object.keys(choice);
      const c = choice[kind] as Record<string, unknown>;
      if (!c || typeof c !== 'object') continue;
      c.globalDtmf ??= false;
      c.globalSpeechRecTerms ??= false;
      // DR-Emergency-IVR.yaml: an inline task of a menu choice is exported with its actions only.
      if (kind === 'menuTask' && c.task && typeof c.task === 'object') c.task = { actions: (c.task as { actions?: unknown }).actions ?? [] };
    }
  }
  forEachAction(body, (kind, action) => {
    if (kind === 'transferToAcd') {
      action.preferredAgents ??= { noValue: true };
      action.failureOutputs ??= { errorType: { noValue: true }, errorMessage: { noValue: true } };
    }
  });
}

/**
 * The settings real in-queue call exports carry: the provider's examples/resources/genesyscloud_flow/
 * inqueuecall_default_example.yaml (all three blocks) and GenesysCloudBlueprints automated-callback-blueprint
 * "Proactive callback offer.yaml" (the same settingsActionDefaults, plus callBridge).
 */
function addInQueueCallDefaults(body: Record<string, unknown>): void {
  addCallDefaults(body);
  body.settingsPrompts ??= { ensureAudioInPrompts: false, promptMediaToValidate: [{ mediaType: 'audio' }, { mediaType: 'tts' }] };
}

/** Calls `visit` for every action node anywhere in the flow. */
function forEachAction(value: unknown, visit: (kind: string, action: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length === 1) {
        const [kind] = Object.keys(item);
        const inner = (item as Record<string, unknown>)[kind];
        if (inner && typeof inner === 'object' && !Array.isArray(inner)) visit(kind, inner as Record<string, unknown>);
      }
      forEachAction(item, visit);
    }
  } else if (value && typeof value === 'object') {
    for (const child of Object.values(value)) forEachAction(child, visit);
  }
}

function asList(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => Boolean(v) && typeof v === 'object') : [];
}

function variableName(entry: unknown): string {
  if (!entry || typeof entry !== 'object') return '';
  const inner = Object.values(entry)[0] as { name?: unknown } | undefined;
  return String(inner?.name ?? '');
}
