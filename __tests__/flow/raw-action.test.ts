/**
 * RawAction (issue 15): an Archy action written as is. Validation accepts it but lists it as unchecked
 * (GC1019 when it is not exactly one unmodelled action), the YAML gets it verbatim, the simulator stops
 * at it, and plan review shows its content.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { CallFlow } from '../../constructs';
import { CommonModuleFlow, Disconnect, EndSharedFlow, InboundCallFlow, Prompt, RawAction, Task } from '../../flow';
import { MODELLED_ARCHY_ACTIONS } from '../../flow/archy/emitter';
import { outlineFlow } from '../../runtime/plan-review/flow-outline';
import { simulateCall } from '../../simulator';
import { testStack } from '../support/fixtures';

const PATH = 'dev/X';
const POP = { setWrapupCode: { name: 'Pop', wrapupCode: { lit: { name: 'Account: "VIP" #1' } }, inputs: [{ key: 'yes' }] } };

function flowWith(raw: RawAction, after = [new Disconnect('Bye')]): InboundCallFlow {
  const main = new Task('Main', [raw, ...after]);
  return new InboundCallFlow({ name: 'Raw IVR', initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main] });
}

describe('RawAction validation', () => {
  it('is not a problem, but is listed as unchecked by its path', () => {
    const flow = flowWith(new RawAction('Pop', POP));
    expect(flow.validate(PATH)).toEqual([]);
    expect(flow.uncheckedActions(PATH)).toEqual([`${PATH} > tasks > Main > Pop`]);
  });

  it('is listed in a shared flow too, and a flow without raw actions lists none', () => {
    const module = new CommonModuleFlow({
      name: 'M',
      outcomes: ['done'],
      actions: [new RawAction('Note', { addFlowMilestone: { name: 'Note' } }), new EndSharedFlow('End', 'done')],
    });
    expect(module.validate(PATH)).toEqual([]);
    expect(module.uncheckedActions(PATH)).toEqual([`${PATH} > startUpTaskActions > Note`]);
    expect(flowWith(new RawAction('Pop', POP)).uncheckedActions()).toEqual(['Raw IVR > tasks > Main > Pop']);
    const plain = new Task('Main', [new Disconnect('Bye')]);
    expect(new InboundCallFlow({ name: 'P', initialGreeting: Prompt.tts('Hi.'), startUp: plain, tasks: [plain] }).uncheckedActions()).toEqual([]);
  });

  it.each([
    ['no key', {}, ''],
    ['two keys', { setWrapupCode: {}, addFlowMilestone: {} }, 'setWrapupCode, addFlowMilestone'],
    ['an action the language models', { playAudio: { name: 'Hi', audio: { tts: 'Hi' } } }, 'playAudio'],
    ['a modelled action in another case', { PlayAudio: { name: 'Hi' } }, 'PlayAudio'],
    ['a key that is not an action name', { 'set screen pop': {} }, 'set screen pop'],
    ['__proto__ as the key', JSON.parse('{"__proto__": {}}'), '__proto__'],
    ['an undefined value (it would publish an empty action)', { setWrapupCode: undefined }, 'setWrapupCode'],
    ['a function inside', { setWrapupCode: { name: 'Pop', run: () => 1 } }, 'setWrapupCode.run'],
    ['a function inside a list', { setWrapupCode: { inputs: [1, () => 2] } }, 'setWrapupCode.inputs[1]'],
    [
      'a cycle',
      (() => {
        const inner: Record<string, unknown> = { name: 'Pop' };
        inner.self = inner;
        return { setWrapupCode: inner };
      })(),
      'setWrapupCode.self',
    ],
  ])('rejects %s (GC1019)', (_what, archy, value) => {
    const problems = flowWith(new RawAction('Pop', archy)).validate(PATH);
    expect(problems).toEqual([expect.objectContaining({ code: 'GC1019', path: `${PATH} > tasks > Main > Pop` })]);
    if (value) expect(problems[0].value).toBe(value);
  });

  it('continues by default; endsPath makes it end the path', () => {
    const transfer = { transferToNumber: { name: 'Out', targetNumber: { lit: '+15555550123' } } };
    expect(flowWith(new RawAction('Out', transfer), []).validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1005' })]);
    expect(flowWith(new RawAction('Out', transfer, { endsPath: true }), []).validate(PATH)).toEqual([]);
  });

  it('still gets the id checks every action gets', () => {
    expect(flowWith(new RawAction('Bye', POP)).validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1002' })]);
  });
});

describe('RawAction YAML', () => {
  it('writes the object verbatim, escaped only by the YAML writer', () => {
    const rendered = flowWith(new RawAction('Pop', POP)).render();
    expect(parse(rendered.yaml).inboundCall.tasks[0].task.actions[0]).toEqual(POP);
    expect(rendered.yaml).toContain('"yes"');
  });

  it('MODELLED_ARCHY_ACTIONS names every action the emitter writes in the golden flows', () => {
    const dir = path.join(__dirname, '../golden');
    const seen = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, child] of Object.entries(v)) {
          if ((k === 'actions' || k === 'startUpTaskActions') && Array.isArray(child)) for (const a of child) seen.add(Object.keys(a)[0]);
          walk(child);
        }
    };
    for (const f of fs.readdirSync(dir)) if (f.endsWith('.yaml')) walk(parse(fs.readFileSync(path.join(dir, f), 'utf8')));
    expect(seen.size).toBeGreaterThan(5);
    for (const name of seen) expect(MODELLED_ARCHY_ACTIONS).toContain(name);
  });
});

describe('RawAction simulation', () => {
  it('stops with a message naming the raw action and its Archy action', () => {
    const result = simulateCall(flowWith(new RawAction('Pop', POP)));
    expect(result.outcome).toEqual({
      kind: 'error',
      message: "raw action 'Pop' (Archy setWrapupCode): a raw action cannot be simulated",
      nodeId: 'Pop',
      path: 'Raw IVR > tasks > Main > Pop',
    });
  });
});

describe('RawAction in plan review', () => {
  it('is a node named by its Archy action, with its content as facts', () => {
    const node = outlineFlow(flowWith(new RawAction('Pop', POP)).render().yaml).nodes.find((n) => n.kind === 'setWrapupCode')!;
    expect(node.id).toBe('task "Main" > setWrapupCode "Pop"');
    expect(node.facts).toEqual({ 'wrapupCode.lit.name': 'Account: "VIP" #1', inputs: '[{"key":"yes"}]' });
  });
});

describe('RawAction in a published flow', () => {
  it("is listed by the flow's publication (what npm run synth prints a notice for) and written into its YAML", () => {
    const main = new Task('Main', [new RawAction('Pop', POP), new Disconnect('Bye')]);
    const flow = new CallFlow(testStack(), 'Raw', { name: 'Raw IVR', initialGreeting: Prompt.tts('Hi.'), startUp: main, tasks: [main] });
    expect(flow.publication.uncheckedActions).toEqual(['test-stack/Raw > tasks > Main > Pop']);
    expect(parse(flow.publication.rendered.yaml).inboundCall.tasks[0].task.actions[0]).toEqual(POP);
  });
});
