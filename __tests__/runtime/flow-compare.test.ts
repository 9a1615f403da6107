import * as fs from 'fs';
import * as path from 'path';
import { parse, stringify } from 'yaml';
import { regenerateExport } from '../../emulator/export-regeneration';
import { compareFlows, normalizeFlow } from '../../runtime/flow-compare';
import { outlineFlow } from '../../runtime/plan-review/flow-outline';
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
      { path: 'menus > menu "Main Menu" > choices > digit_1 > menuJumpToTask > targetTaskRef', expected: 'task "Verify caller"', actual: 'menu "Main Menu"' },
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
    expect(compareFlows(SALES_IVR, moved).map((d) => d.path)).toEqual(['menus > menu "Main Menu" > choices > digit_9']);
  });

  it('ignores keys it did not render and reports keys it rendered that are missing', () => {
    expect(compareFlows(OUR_RENDERING, REAL_EXPORT_SHAPE.replace('        audio:\n          tts: Press 9 to hang up.\n', ''))).toEqual([
      { path: 'menus > menu "Main Menu" > audio', expected: { tts: 'Press 9 to hang up.' }, actual: undefined },
    ]);
  });

  it('compares scalars as text (exports re-quote numbers and booleans)', () => {
    expect(compareFlows('commonModule:\n  a: 5\n  b: true\n', 'commonModule:\n  a: "5"\n  b: "true"\n')).toEqual([]);
  });

  it('reports a different flow type and an unreadable document', () => {
    expect(compareFlows(OUR_RENDERING, 'commonModule:\n  name: X\n')).toEqual([{ path: '(flow type)', expected: 'inboundCall', actual: 'commonModule' }]);
    expect(compareFlows(OUR_RENDERING, '<html>')[0]).toMatchObject({ path: '(flow)', expected: 'inboundCall' });
  });

  it('keeps tasks with the same name apart', () => {
    const twice = OUR_RENDERING.replace('  tasks:\n', '  tasks:\n    - task:\n        name: Closed\n        refId: closed2\n        actions:\n          - disconnect:\n              name: Bye\n');
    expect(Object.keys((normalizeFlow(twice).body as any).tasks)).toEqual(['task "Closed"', 'task "Closed" #2']);
  });

  it('marks a reference that points nowhere', () => {
    const dangling = OUR_RENDERING.replace('menu[mainMenu]', 'menu[gone]');
    expect(compareFlows(OUR_RENDERING, dangling)).toEqual([
      { path: 'tasks > task "Closed" > actions > [1] jumpToMenu "To menu" > targetMenuRef', expected: 'menu "Main Menu"', actual: 'unresolved reference /inboundCall/menus/menu[gone]' },
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
