/**
 * The JumpToTask action (issue 15, "between tasks"): Architect's "Jump to Reusable Task" in inbound call
 * flows — validation (the target exists, reachability follows it), its Archy shape (unverified), simulation
 * (the call continues in the target task) and how plan review outlines it.
 */
import { parse } from 'yaml';
import { CommonModuleFlow, Disconnect, EndSharedFlow, InboundCallFlow, JumpToTask, Prompt, Task, UNVERIFIED_SHAPES } from '../../flow';
import { MODELLED_ARCHY_ACTIONS } from '../../flow/archy/emitter';
import { diffOutlines, mermaid, outlineFlow } from '../../runtime/plan-review/flow-outline';
import { simulateCall } from '../../simulator';
import { say } from '../support/flow-builders';

const PATH = 'dev/X';

/** Main says hello and jumps to `Goodbye` (a task object, or its id), which says goodbye and hangs up. */
function twoTasks(byId = false, goodbyeText = 'Goodbye.'): InboundCallFlow {
  const goodbye = new Task('Goodbye', [say('Say goodbye', goodbyeText), new Disconnect('Hang up')]);
  const main = new Task('Main', [say('Say hello', 'Hello there.'), new JumpToTask('To goodbye', byId ? 'Goodbye' : goodbye)]);
  return new InboundCallFlow({ name: 'Two Tasks', initialGreeting: Prompt.tts('Hi.'), startUp: main, tasks: [main, goodbye] });
}

describe('JumpToTask validation', () => {
  it('accepts a jump to a task of the flow, by the task or its id; the target counts as reachable', () => {
    expect(twoTasks().validate(PATH)).toEqual([]);
    expect(twoTasks(true).validate(PATH)).toEqual([]);
  });

  it('reports a jump to a task the flow does not have (GC1003)', () => {
    const main = new Task('Main', [new JumpToTask('To nowhere', 'Nowhere')]);
    const flow = new InboundCallFlow({ name: 'X', initialGreeting: Prompt.tts('Hi.'), startUp: main, tasks: [main] });
    expect(flow.validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1003', value: 'Nowhere' })]);
  });

  it('ends its path: an action after it is unreachable', () => {
    const goodbye = new Task('Goodbye', [new Disconnect('Bye')]);
    const main = new Task('Main', [new JumpToTask('Jump', goodbye), say('Never played')]);
    const flow = new InboundCallFlow({ name: 'X', initialGreeting: Prompt.tts('Hi.'), startUp: main, tasks: [main, goodbye] });
    expect(flow.validate(PATH).map((p) => p.code)).toContain('GC1004');
  });

  it('is refused in a shared flow (GC1017): modules have no reusable tasks', () => {
    const module = new CommonModuleFlow({
      name: 'M',
      outcomes: ['done'],
      actions: [new JumpToTask('Jump', 'Main'), new EndSharedFlow('End', 'done')],
    });
    expect(module.validate(PATH)).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'GC1017', value: 'Jump' })]));
  });
});

describe('JumpToTask Archy shape', () => {
  it('names the action and references the target task as menu choices do (listed as unverified)', () => {
    const tasks = parse(twoTasks().render().yaml).inboundCall.tasks;
    expect(tasks[0].task.actions[1]).toEqual({ jumpToTask: { name: 'To goodbye', targetTaskRef: '/inboundCall/tasks/task[Goodbye]' } });
    expect(UNVERIFIED_SHAPES.map((s) => s.id)).toContain('jumpToTask');
    expect(MODELLED_ARCHY_ACTIONS).toContain('jumpToTask');
  });
});

describe('JumpToTask simulation', () => {
  it('continues the call in the target task', () => {
    const call = simulateCall(twoTasks());
    expect(call.prompts).toEqual(['Hi.', 'Hello there.', 'Goodbye.']);
    expect(call.outcome).toEqual({ kind: 'disconnect' });
    expect(call.transcript.find((t) => t.nodeId === 'Say goodbye')!.path).toBe('Two Tasks > tasks > Goodbye > Say goodbye');
  });
});

describe('JumpToTask in plan review', () => {
  it('is a node that ends its path in the chart, and a change in the target task is a node-level difference', () => {
    const outline = outlineFlow(twoTasks().render().yaml);
    expect(outline.nodes.find((n) => n.kind === 'jumpToTask')).toMatchObject({
      id: 'task "Main" > jumpToTask "To goodbye"',
      facts: { targetTaskRef: 'task "Goodbye"' },
    });
    expect(mermaid(twoTasks().render().yaml)).toMatch(/n\d+\(\["jumpToTask: To goodbye"\]\)/);
    const changes = diffOutlines(outline, outlineFlow(twoTasks(false, 'See you.').render().yaml));
    expect(changes).toEqual([expect.objectContaining({ id: 'task "Goodbye" > playAudio "Say goodbye"', change: 'changed' })]);
  });
});
