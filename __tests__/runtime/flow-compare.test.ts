import * as fs from 'fs';
import * as path from 'path';
import { parse, stringify } from 'yaml';
import { regenerateExport } from '../../emulator/export-regeneration';
import { UnreadableFlowError, compareFlows, normalizeFlow } from '../../runtime/flow-compare';
import { diffOutlines, outlineFlow } from '../../runtime/plan-review/flow-outline';
import { applySubstitutions } from '../../runtime/synth-output/substitutions';

const golden = (file: string) => fs.readFileSync(path.join(__dirname, '..', 'golden', file), 'utf8');
const SALES_IVR = applySubstitutions(golden('sales-ivr.inboundcall.yaml'), { queue_support: 'Support', queue_sales: 'Sales' });
const PIN_MODULE = golden('pin-auth.module.yaml');

/** Edits a parsed YAML document and writes it back (as an Architect user would change a published flow). */
function edit(yaml: string, change: (doc: any) => void): string {
  const doc = parse(yaml);
  change(doc);
  return stringify(doc, { lineWidth: 0 });
}

/** A flow in the shape of a real export (provider example holiday_flow.yaml): platform refIds, settings, defaults. */
const REAL_EXPORT_SHAPE = `inboundCall:
  name: Holiday
  division: Home
  startUpRef: "/inboundCall/tasks/task[Closed_12]"
  defaultLanguage: en-us
  initialGreeting:
    tts: Hello.
  settingsErrorHandling:
    errorHandling:
      disconnect:
        none: true
  menus:
    - menu:
        name: Main Menu
        refId: Main Menu_10
        choices:
          - menuDisconnect:
              name: Disconnect
              dtmf: digit_9
              globalDtmf: false
              globalSpeechRecTerms: false
        audio:
          tts: Press 9 to hang up.
        settingsMenu:
          repeatCount:
            noValue: true
  tasks:
    - task:
        name: Closed
        refId: Closed_12
        actions:
          - playAudio:
              name: Play Audio
              audio:
                tts: We are closed.
          - jumpToMenu:
              name: To menu
              targetMenuRef: "/inboundCall/menus/menu[Main Menu_10]"
`;

/** The same flow as we would render it: our own refIds, relative and absolute references, no defaults. */
const OUR_RENDERING = `inboundCall:
  name: Holiday
  division: Home
  defaultLanguage: en-us
  startUpRef: ./tasks/task[closed]
  initialGreeting:
    tts: Hello.
  menus:
    - menu:
        name: Main Menu
        refId: mainMenu
        audio:
          tts: Press 9 to hang up.
        choices:
          - menuDisconnect:
              name: Disconnect
              dtmf: digit_9
  tasks:
    - task:
        name: Closed
        refId: closed
        actions:
          - playAudio:
              name: Play Audio
              audio:
                tts: We are closed.
          - jumpToMenu:
              name: To menu
              targetMenuRef: /inboundCall/menus/menu[mainMenu]
`;

describe('comparison by meaning', () => {
  it('finds no difference between our rendering and a flow in the shape of a real export', () => {
    expect(compareFlows(OUR_RENDERING, REAL_EXPORT_SHAPE)).toEqual([]);
  });

  it.each([
    ['the Sales IVR', SALES_IVR],
    ['the PIN module', PIN_MODULE],
  ])('finds no difference between %s and the platform-style export of it', (_, yaml) => {
    const exported = regenerateExport(yaml);
    expect(exported).not.toEqual(yaml); // refIds, settings and order really changed
    expect(compareFlows(yaml, exported)).toEqual([]);
  });

  it('reads references by the name of what they point to', () => {
    const normalized = normalizeFlow(REAL_EXPORT_SHAPE).body as any;
    expect(normalized.startUpRef).toBe('task "Closed"');
    expect(normalized.tasks['task "Closed"'].actions[1].jumpToMenu.targetMenuRef).toBe('menu "Main Menu"');
    expect(JSON.stringify(normalized)).not.toContain('Closed_12');
  });

  it('finds and names a one-word prompt edit', () => {
    const exported = edit(regenerateExport(SALES_IVR), (doc) => {
      const task = doc.inboundCall.tasks.find((t: any) => t.task.name === 'Verify caller');
      task.task.actions[2].decision.outputs.yes.actions[0].transferToAcd.preTransferAudio.tts = 'Thank you. Connecting you to billing.';
    });
    expect(compareFlows(SALES_IVR, exported)).toEqual([
      {
        path: 'tasks > task "Verify caller" > actions > [2] decision "Check PIN: outcome success?" > outputs > yes > actions > [0] transferToAcd "To Sales" > preTransferAudio > tts',
        expected: 'Thank you. Connecting you to sales.',
        actual: 'Thank you. Connecting you to billing.',
      },
    ]);
  });

  it('finds a re-ordered action list', () => {
    const exported = edit(regenerateExport(PIN_MODULE), (doc) => {
      const actions = doc.commonModule.startUpTaskActions;
      [actions[1], actions[2]] = [actions[2], actions[1]];
    });
    const paths = compareFlows(PIN_MODULE, exported).map((d) => d.path);
    expect(paths.length).toBeGreaterThanOrEqual(2);
    expect(paths[0]).toMatch(/^startUpTaskActions > \[1\] /);
  });

  it('finds an action added in Architect, naming its kind and name', () => {
    const exported = edit(regenerateExport(OUR_RENDERING), (doc) => {
      doc.inboundCall.tasks[0].task.actions.splice(1, 0, { playAudio: { name: 'Extra', audio: { tts: 'Added' } } });
    });
    expect(compareFlows(OUR_RENDERING, exported).map((d) => d.path)).toEqual([
      'tasks > task "Closed" > actions > [1] jumpToMenu "To menu"',
      'tasks > task "Closed" > actions > [2] jumpToMenu "To menu"',
    ]);
  });

  it('finds a reference moved to another task, by name', () => {
    const rendered = edit(SALES_IVR, () => undefined);
    const exported = edit(regenerateExport(SALES_IVR), (doc) => {
      const choice = doc.inboundCall.menus[0].menu.choices.find((c: any) => c.menuJumpToTask);
      choice.menuJumpToTask.targetTaskRef = '/inboundCall/menus/menu[Main Menu_10]';
    });
    expect(compareFlows(rendered, exported)).toEqual([
      {
        path: 'menus > menu "Main Menu" > choices > digit_1 > menuJumpToTask > targetTaskRef',
        expected: 'task "Verify caller"',
        actual: 'menu "Main Menu"',
      },
    ]);
  });

  it('compares variables as a set keyed by name, and finds a changed type', () => {
    const reordered = edit(PIN_MODULE, (doc) => doc.commonModule.variables.reverse());
    expect(compareFlows(PIN_MODULE, reordered)).toEqual([]);
    const retyped = edit(PIN_MODULE, (doc) => {
      const v = doc.commonModule.variables.find((x: any) => x.stringVariable?.name === 'Common.Pin');
      v.integerVariable = v.stringVariable;
      delete v.stringVariable;
    });
    expect(compareFlows(PIN_MODULE, retyped).map((d) => d.path)).toEqual(['variables > Common.Pin > stringVariable']);
  });

  it('identifies menu choices by digit, so their order does not matter but a changed digit does', () => {
    const reordered = edit(SALES_IVR, (doc) => doc.inboundCall.menus[0].menu.choices.reverse());
    expect(compareFlows(SALES_IVR, reordered)).toEqual([]);
    const moved = edit(SALES_IVR, (doc) => (doc.inboundCall.menus[0].menu.choices[3].menuDisconnect.dtmf = 'digit_8'));
    expect(compareFlows(SALES_IVR, moved).map((d) => d.path)).toEqual([
      'menus > menu "Main Menu" > choices > digit_9',
      'menus > menu "Main Menu" > choices > digit_8',
    ]);
  });

  it('ignores keys it did not render and reports keys it rendered that are missing', () => {
    expect(compareFlows(OUR_RENDERING, REAL_EXPORT_SHAPE.replace('        audio:\n          tts: Press 9 to hang up.\n', ''))).toEqual([
      { path: 'menus > menu "Main Menu" > audio', expected: { tts: 'Press 9 to hang up.' }, actual: undefined },
    ]);
  });

  it('compares scalars as text (exports re-quote numbers and booleans)', () => {
    expect(compareFlows('commonModule:\n  a: 5\n  b: true\n', 'commonModule:\n  a: "5"\n  b: "true"\n')).toEqual([]);
  });

  it('reports a different flow type, and refuses to compare what it cannot read (could not check, not a difference)', () => {
    expect(compareFlows(OUR_RENDERING, 'commonModule:\n  name: X\n')).toEqual([
      { path: '(flow type)', expected: 'inboundCall', actual: 'commonModule' },
    ]);
    for (const unreadable of [
      '<html>',
      'inboundCall: &a {tasks: [*a]}',
      'inboundCall:\n  name: A\n  name: B\n',
      '- a\n- b\n',
      'a: 1\nb: 2\n',
      `inboundCall:\n  x: ${'['.repeat(300)}${']'.repeat(300)}\n`,
    ]) {
      expect(() => compareFlows(OUR_RENDERING, unreadable)).toThrow(UnreadableFlowError);
    }
  });

  it('keeps tasks with the same name apart', () => {
    const twice = OUR_RENDERING.replace(
      '  tasks:\n',
      '  tasks:\n    - task:\n        name: Closed\n        refId: closed2\n        actions:\n          - disconnect:\n              name: Bye\n',
    );
    expect(Object.keys((normalizeFlow(twice).body as any).tasks)).toEqual(['task "Closed"', 'task "Closed" #2']);
  });

  it('marks a reference that points nowhere', () => {
    const dangling = OUR_RENDERING.replace('menu[mainMenu]', 'menu[gone]');
    expect(compareFlows(OUR_RENDERING, dangling)).toEqual([
      {
        path: 'tasks > task "Closed" > actions > [1] jumpToMenu "To menu" > targetMenuRef',
        expected: 'menu "Main Menu"',
        actual: 'unresolved reference /inboundCall/menus/menu[gone]',
      },
    ]);
  });
});

describe('plan review reads flows the same way', () => {
  it('shows references by the name of their target and never a refId', () => {
    const choice = outlineFlow(regenerateExport(SALES_IVR)).nodes.find((n) => n.kind === 'menuJumpToTask')!;
    expect(choice.facts.targetTaskRef).toBe('task "Verify caller"');
    // Nodes are identified by names, so the platform's export of a flow outlines to the same nodes.
    expect(outlineFlow(regenerateExport(SALES_IVR)).nodes.map((n) => n.id)).toEqual(outlineFlow(SALES_IVR).nodes.map((n) => n.id));
  });
});

describe('what an Architect edit can add that we never rendered', () => {
  const exported = () => regenerateExport(SALES_IVR);
  const verifyTask = (doc: any) => doc.inboundCall.tasks.find((t: any) => t.task.name === 'Verify caller').task;
  const toSales = (doc: any) => verifyTask(doc).actions[2].decision.outputs.yes.actions[0].transferToAcd;

  it('ignores what the platform adds with its default values (settings blocks, noValue fields, languages)', () => {
    const withLanguages = edit(
      exported(),
      (doc) =>
        (doc.inboundCall.supportedLanguages = {
          'en-us': { defaultLanguageSkill: { noValue: true }, textToSpeech: { defaultEngine: { voice: 'Jill' } } },
        }),
    );
    expect(compareFlows(SALES_IVR, withLanguages)).toEqual([]);
  });

  it('ignores the flow settings that real exports show varying (processing prompt, recording suppression, apology)', () => {
    const orgDefaults = edit(exported(), (doc) => {
      doc.inboundCall.settingsActionDefaults.callData.processingPrompt = { lit: { name: 'PromptSystem.processing' } }; // openhours_flow.yaml
      doc.inboundCall.settingsSpeechRec.suppressRecording = true; // closedhours_flow.yaml
      doc.inboundCall.settingsErrorHandling.preHandlingAudio = { tts: 'Something went wrong.' };
    });
    expect(compareFlows(SALES_IVR, orgDefaults)).toEqual([]);
  });

  it.each([
    [
      'a new menu choice',
      (doc: any) =>
        doc.inboundCall.menus[0].menu.choices.push({
          menuTransferToAcd: { name: 'Secret', dtmf: 'digit_4', targetQueue: { lit: { name: 'Elsewhere' } } },
        }),
      'menus > menu "Main Menu" > choices > digit_4',
    ],
    [
      'a failure path on a transfer',
      (doc: any) =>
        (toSales(doc).outputs = { failure: { actions: [{ transferToAcd: { name: 'Elsewhere', targetQueue: { lit: { name: 'Other' } } } }] } }),
      'outputs',
    ],
    ['a preferred agent', (doc: any) => (toSales(doc).preferredAgents = { exp: 'MakeList(ToUser("x"))' }), 'preferredAgents'],
    [
      'error handling that transfers',
      (doc: any) => (doc.inboundCall.settingsErrorHandling.errorHandling = { transferToAcd: { targetQueue: { lit: { name: 'Other' } } } }),
      'settingsErrorHandling',
    ],
    ['a menu that never repeats', (doc: any) => (doc.inboundCall.settingsMenu.repeatCount = { lit: 0 }), 'settingsMenu'],
    [
      'a menu-level setting',
      (doc: any) => (doc.inboundCall.menus[0].menu.settingsMenu.menuSelectionTimeout = { lit: { seconds: 1 } }),
      'menus > menu "Main Menu" > settingsMenu',
    ],
    ['speech recognition switched off', (doc: any) => (doc.inboundCall.settingsSpeechRec.asrEnabledOnFlow = false), 'settingsSpeechRec'],
    [
      'a shorter default no-entry timeout',
      (doc: any) => (doc.inboundCall.settingsActionDefaults.collectInput.noEntryTimeout = { lit: { seconds: 0 } }),
      'settingsActionDefaults',
    ],
    [
      'a default language skill',
      (doc: any) =>
        (doc.inboundCall.supportedLanguages = {
          'en-us': { defaultLanguageSkill: { lit: { name: 'Klingon' } }, textToSpeech: { defaultEngine: { voice: 'Jill' } } },
        }),
      'supportedLanguages',
    ],
    ['a global DTMF choice', (doc: any) => (doc.inboundCall.menus[0].menu.choices[0].menuJumpToTask.globalDtmf = true), 'globalDtmf'],
    [
      'an extra task',
      (doc: any) => doc.inboundCall.tasks.push({ task: { name: 'Extra', refId: 'Extra_99', actions: [{ disconnect: { name: 'Bye' } }] } }),
      'tasks > task "Extra"',
    ],
    [
      'an extra variable',
      (doc: any) => doc.inboundCall.variables.push({ stringVariable: { name: 'Flow.Extra', initialValue: { noValue: true } } }),
      'variables > Flow.Extra',
    ],
    [
      'actions in a branch we left empty',
      (doc: any) => verifyTask(doc).actions[2].decision.outputs.no.actions.unshift({ playAudio: { name: 'Hi', audio: { tts: 'Hi' } } }),
      'outputs > no > actions > [0]',
    ],
  ])('finds %s', (_what, change, where) => {
    const differences = compareFlows(SALES_IVR, edit(exported(), change));
    expect(differences.length).toBeGreaterThan(0);
    expect(differences.map((d) => d.path).join('\n')).toContain(where);
  });

  it('finds a jump retargeted to another task of the same name', () => {
    const twin = edit(exported(), (doc) => {
      doc.inboundCall.tasks.push({ task: { name: 'Verify caller', refId: 'Verify caller_99', actions: [{ disconnect: { name: 'Bye' } }] } });
      doc.inboundCall.menus[0].menu.choices[0].menuJumpToTask.targetTaskRef = '/inboundCall/tasks/task[Verify caller_99]';
    });
    const paths = compareFlows(SALES_IVR, twin).map((d) => `${d.path}: ${JSON.stringify(d.actual)}`);
    expect(paths).toContain('menus > menu "Main Menu" > choices > digit_1 > menuJumpToTask > targetTaskRef: "task \\"Verify caller\\" #2"');
  });

  it('is not fooled by __proto__ keys', () => {
    const tricked = edit(exported(), (doc) => {
      const transfer = toSales(doc);
      const queue = transfer.targetQueue;
      delete transfer.targetQueue;
      Object.defineProperty(transfer, '__proto__', { value: { targetQueue: queue }, enumerable: true });
    });
    expect(
      compareFlows(SALES_IVR, tricked)
        .map((d) => d.path)
        .join('\n'),
    ).toContain('transferToAcd "To Sales" > targetQueue');
  });

  it('tells a value from a list or an object holding it', () => {
    expect(compareFlows('commonModule:\n  a:\n    tts: x\n', 'commonModule:\n  a:\n    tts: [x]\n')).toHaveLength(1);
    expect(compareFlows('commonModule:\n  a:\n    lit: 5\n', 'commonModule:\n  a:\n    lit: 5\n    exp: "99"\n')).toHaveLength(1);
  });

  it('reads names that look like numbers as text', () => {
    const rendered =
      'inboundCall:\n  name: X\n  startUpRef: ./tasks/task[t]\n  tasks:\n    - task:\n        name: "2024"\n        refId: t\n        actions: []\n';
    expect(
      compareFlows(
        rendered,
        rendered.replace('name: "2024"', 'name: 2024').replace('refId: t', 'refId: 2024_10').replace('task[t]', 'task[2024_10]'),
      ),
    ).toEqual([]);
  });

  it("resolves absolute references only within the flow's own type", () => {
    expect(compareFlows(OUR_RENDERING, OUR_RENDERING.replace('/inboundCall/menus/menu[mainMenu]', '/commonModule/menus/menu[mainMenu]'))).toEqual([
      {
        path: 'tasks > task "Closed" > actions > [1] jumpToMenu "To menu" > targetMenuRef',
        expected: 'menu "Main Menu"',
        actual: 'unresolved reference /commonModule/menus/menu[mainMenu]',
      },
    ]);
  });
});

describe('plan review sees changes outside tasks and menus', () => {
  it.each([
    ['the start-up target', (doc: any) => (doc.inboundCall.startUpRef = '/inboundCall/tasks/task[Verify caller]'), 'startUpRef'],
    ['the initial greeting', (doc: any) => (doc.inboundCall.initialGreeting.tts = 'Hi there.'), 'initialGreeting.tts'],
    [
      'a variable type',
      (doc: any) => (doc.inboundCall.variables[0] = { stringVariable: doc.inboundCall.variables[0].integerVariable }),
      'variables.Flow.PinAttempts',
    ],
  ])('%s', (_what, change, fact) => {
    const changes = diffOutlines(outlineFlow(SALES_IVR), outlineFlow(edit(SALES_IVR, change)));
    expect(changes).toEqual([expect.objectContaining({ id: 'flow settings', change: 'changed' })]);
    expect(Object.keys(changes[0].facts!).join(' ')).toContain(fact);
  });
});
