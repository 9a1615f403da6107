import {
  Action,
  ActionHandlers,
  CallSharedFlow,
  CollectDigits,
  CommonModuleFlow,
  InQueueCallFlow,
  InboundCallFlow,
  Menu,
  OUTCOME_OUTPUT,
  SharedFlowInterface,
  Switch,
  Task,
  VariableScope,
  handleAction,
} from '../flow';
import { checkAgainstContract, checkCasesAgainstContract, dataActionAnswer } from './data-answers';
import { ScriptError, parseDtmfScript } from './dtmf';
import { EvaluationContext, SimulationStop, Value, evaluate } from './evaluate';
import { checkCallScript, checkScriptVariables } from './script-check';
import { requireValidFlows } from './valid-flows';
import { CallOutcome, CallResult, CallScript, DataValue, TranscriptEntry } from './simulation-types';

/** What holds one inbound call flow definition, such as a CallFlow construct. */
type FlowHolder = { readonly definition: InboundCallFlow; readonly node?: { readonly path: string } };

/** What holds one in-queue call flow definition (an in-queue flow construct). */
type InQueueFlowHolder = { readonly definition: InQueueCallFlow; readonly node?: { readonly path: string } };

/**
 * Something that holds an inbound call flow: a CallFlow or InboundIvr construct, or a bare definition; or
 * an in-queue call flow (bare or held), simulated for a caller waiting in queue.
 */
export type Simulatable =
  | InboundCallFlow
  | FlowHolder
  | InQueueCallFlow
  | InQueueFlowHolder
  | {
      readonly flow: FlowHolder;
      readonly schedule?: { readonly closedHoursFlow: FlowHolder; readonly holidayHoursFlow?: FlowHolder };
      readonly dnis?: readonly string[];
    };

/** What holds an inbound call flow (every Simulatable but an in-queue flow). */
type InboundSimulatable = Exclude<Simulatable, InQueueCallFlow | InQueueFlowHolder>;

/** Whether an EvaluateScheduleGroup of the flow, or of a shared flow it calls, names the group (`scheduleGroup` or `emergencyGroup`). */
function evaluatesGroup(
  flow: InboundCallFlow | InQueueCallFlow | CommonModuleFlow,
  group: 'scheduleGroup' | 'emergencyGroup',
  seen = new Set<object>(),
): boolean {
  if (seen.has(flow)) return false;
  seen.add(flow);
  let found = false;
  flow.forEachAction((a) => {
    if (a.kind === 'evaluateScheduleGroup' && a[group] !== undefined) found = true;
    if (a.kind === 'callSharedFlow' && !found) {
      const module = CommonModuleFlow.isCommonModuleFlow(a.flow) ? a.flow : (a.flow as { definition?: unknown }).definition;
      if (CommonModuleFlow.isCommonModuleFlow(module)) found = evaluatesGroup(module, group, seen);
    }
  });
  return found;
}

/** Whether the flow has an EvaluateScheduleGroup of a schedule group (whose state the script's `schedule` sets). */
function evaluatesScheduleGroup(flow: InboundCallFlow | InQueueCallFlow): boolean {
  return evaluatesGroup(flow, 'scheduleGroup');
}

/** Whether the flow evaluates an emergency group anywhere (what a script's `emergency: true` acts on). */
function evaluatesEmergencyGroup(flow: InboundCallFlow | InQueueCallFlow): boolean {
  return evaluatesGroup(flow, 'emergencyGroup');
}

/** Whether `target` holds a flow definition (rather than being one, or an IVR with a schedule). */
function holdsFlow(target: Simulatable): target is FlowHolder {
  return InboundCallFlow.isInboundCallFlow((target as Partial<FlowHolder>).definition);
}

type Signal =
  | { kind: 'continue' }
  /** The call leaves the flow; `follow` is the flow of this app a TransferToFlow hands it to (then `outcome` is that transfer). */
  | { kind: 'end'; outcome: CallOutcome; follow?: InboundCallFlow }
  | { kind: 'loopNext' }
  | { kind: 'loopExit' }
  /** Continue in a menu or task of the flow (JumpToMenu, JumpToTask). */
  | { kind: 'jump'; target: Menu | Task | string }
  /** A shared flow ended; `outcome` is undefined (NOT_SET) when it never set one. */
  | { kind: 'module'; outcome: string | undefined };

const CONTINUE: Signal = { kind: 'continue' };

/** Variables of one running flow (a call flow, or a shared flow with its own `Common.` scope). */
class Frame implements EvaluationContext {
  readonly values = new Map<string, Value>();
  constructor(
    private readonly script: CallScript,
    /** The called address when the script names none. */
    readonly defaultDnis: string,
  ) {}
  variable(name: string): Value {
    return this.values.get(name);
  }
  builtin(name: string): Value {
    if (name === 'Call.Ani') return this.script.ani ?? '+15555550100';
    if (name === 'Call.CalledAddress') return this.script.dnis ?? this.defaultDnis;
    throw new SimulationStop(`call data ${name} is not modelled`);
  }
}

/** The called address of a call when neither the script nor the IVR names one. */
const DEFAULT_DNIS = '+15555550199';

/** The module variable that carries a shared flow's outcome back to its caller. */
const OUTCOME_VARIABLE = `Common.${OUTCOME_OUTPUT}`;

/** Finds the definition of a called shared flow (a SharedFlow construct or a CommonModuleFlow). */
function moduleDefinition(flow: SharedFlowInterface): CommonModuleFlow {
  if (CommonModuleFlow.isCommonModuleFlow(flow)) return flow;
  const definition = (flow as { definition?: unknown }).definition;
  if (CommonModuleFlow.isCommonModuleFlow(definition)) return definition;
  throw new SimulationStop(`shared flow '${flow.flowName}' is defined elsewhere (SharedFlow.fromName): its logic is not available to simulate`);
}

/**
 * Runs a call through an inbound flow (and every shared flow it calls) against a script of keypresses
 * and data, and returns the transcript and where the call ended. Deterministic; bounded by `maxSteps`.
 * Throws the `ProblemError` of `render()` before the call starts when the flow, or a flow of this app it
 * calls or transfers to, fails validation (`requireValidFlows`): only what could be published is simulated.
 * Throws a {@link ScriptError} before the call starts when the script itself is wrong: a field it does
 * not know or a value outside its documented range (`checkCallScript`: a `dtmf` entry that is not DTMF keys,
 * `maxSteps` that is not a whole number from 1 to 1 000 000, ...), or a closed / holiday schedule for
 * something without a schedule group; and when the call reaches a data action or table whose scripted
 * answer does not fit its contract (a field or `when` input it does not declare, a value of another type).
 */
export function simulateCall(target: Simulatable, script: CallScript = {}): CallResult {
  return new Simulation(script).run(target);
}

class Simulation {
  private readonly transcript: TranscriptEntry[] = [];
  private readonly prompts: string[] = [];
  private steps = 0;
  private readonly maxSteps: number;
  /** The script's entries, parsed (`null` = no input), and the next one the caller gives. */
  private readonly entries: Array<string | null>;
  private entry = 0;
  /** Keys pressed beyond what an input action took: the next collect or menu consumes them first. */
  private typedAhead = '';
  /** The call's participant data: one map for the whole call, across shared flows and transfers. */
  private readonly participantData: Map<string, string>;

  constructor(private readonly script: CallScript) {
    checkCallScript(script);
    this.maxSteps = script.maxSteps ?? 1000;
    this.entries = parseDtmfScript(script.dtmf);
    this.participantData = new Map(Object.entries(script.participantData ?? {}));
  }

  run(target: Simulatable): CallResult {
    const inQueue = inQueueFlowOf(target);
    if (inQueue) {
      requireValidFlows(inQueue.definition, inQueue.path);
      return this.runCall(inQueue.definition, DEFAULT_DNIS, (frame) => this.runInQueueFlow(inQueue.definition, frame, inQueue.path));
    }
    const { definition, path, dnis } = this.pick(target as InboundSimulatable);
    requireValidFlows(definition, path);
    return this.runCall(definition, dnis ?? DEFAULT_DNIS, (frame) => this.followTransfers(definition, frame, path));
  }

  private current?: { id: string; path: string };

  /** The variables of the flow the call starts in: its own, NOT_SET, then the script's (checked against them). */
  private firstFrame(flow: InboundCallFlow | InQueueCallFlow, defaultDnis: string): Frame {
    checkScriptVariables(this.script, flow.name, flow.variables);
    const frame = this.flowFrame(flow, defaultDnis);
    for (const [name, value] of Object.entries(this.script.variables ?? {})) frame.values.set(name, value);
    return frame;
  }

  /** The in-queue flow running (whose hold prompt a HoldMusic without its own prompt plays). */
  private inQueueFlow?: InQueueCallFlow;

  /** Runs the call from `flow`, with the script's variables; a stop of the simulation is an error outcome. */
  private runCall(flow: InboundCallFlow | InQueueCallFlow, defaultDnis: string, call: (frame: Frame) => CallOutcome): CallResult {
    const frame = this.firstFrame(flow, defaultDnis);
    let outcome: CallOutcome;
    try {
      outcome = call(frame);
    } catch (err) {
      if (!(err instanceof SimulationStop || err instanceof StepLimit)) throw err;
      outcome = { kind: 'error', message: err.message, nodeId: this.current?.id, path: this.current?.path };
    }
    return { transcript: this.transcript, outcome, prompts: this.prompts };
  }

  /**
   * The startup task, run again from the top each time a path reaches its end (Architect's implicit loop),
   * `inQueuePasses` times; then an agent answers in the queue the call waits in.
   */
  private runInQueueFlow(flow: InQueueCallFlow, frame: Frame, path: string): CallOutcome {
    this.inQueueFlow = flow;
    this.record({ kind: 'flow', nodeId: flow.name, path });
    if ((this.script.schedule ?? 'open') !== 'open' && !evaluatesScheduleGroup(flow)) {
      throw new ScriptError(
        `schedule '${this.script.schedule}': in-queue flow '${flow.name}' evaluates no schedule group; its caller is already in queue`,
      );
    }
    if (this.script.emergency === true && !evaluatesEmergencyGroup(flow)) {
      throw new ScriptError(`emergency: in-queue flow '${flow.name}' evaluates no emergency group, so an active emergency group changes nothing`);
    }
    const passes = this.script.inQueuePasses ?? 1;
    for (let pass = 1; pass <= passes; pass++) {
      const signal = this.runActions(flow.actions, frame, `${path} > startUpTaskActions`, 'Task');
      if (signal.kind === 'end') {
        if (!signal.follow) return signal.outcome;
        // The caller leaves the queue for an inbound flow of this app: followed as from an inbound flow.
        this.inQueueFlow = undefined;
        return this.followTransfers(signal.follow, this.flowFrame(signal.follow, frame.defaultDnis), signal.follow.name);
      }
      if (signal.kind !== 'continue') throw new SimulationStop(`the task of '${flow.name}' ended with ${signal.kind}`);
      if (pass < passes) this.record({ kind: 'loop', nodeId: flow.name, path, branch: `task starts again (pass ${pass + 1})` });
    }
    const queueName = this.script.waitingQueue ?? WAITING_QUEUE;
    this.record({ kind: 'agentAnswers', nodeId: flow.name, path, branch: `queue ${queueName}` });
    return { kind: 'queue', queueName, inQueueFlow: flow.name };
  }

  private pick(target: InboundSimulatable): { definition: InboundCallFlow; path: string; dnis?: string } {
    const state = this.script.schedule ?? 'open';
    if (!['open', 'closed', 'holiday'].includes(state)) throw new ScriptError(`unknown schedule state '${String(state)}': open, closed or holiday`);
    const unscheduled = (name: string) =>
      new ScriptError(
        `schedule '${state}': ${name} has no schedule group, so it has no ${state} hours to simulate (its calls always run its own flow)`,
      );
    if (InboundCallFlow.isInboundCallFlow(target)) {
      if (state !== 'open' && !evaluatesScheduleGroup(target)) throw unscheduled(`flow '${target.name}'`);
      return this.checkedEmergency({ definition: target, path: target.name });
    }
    if (holdsFlow(target)) {
      if (state !== 'open' && !evaluatesScheduleGroup(target.definition)) throw unscheduled(`flow '${target.definition.name}'`);
      return this.checkedEmergency({ definition: target.definition, path: target.node?.path ?? target.definition.name });
    }
    if (state !== 'open' && !target.schedule && !evaluatesScheduleGroup(target.flow.definition))
      throw unscheduled(`IVR '${target.flow.definition.name}'`);
    const chosen =
      state === 'open' || !target.schedule
        ? target.flow
        : state === 'holiday'
          ? (target.schedule.holidayHoursFlow ?? target.schedule.closedHoursFlow)
          : target.schedule.closedHoursFlow;
    return this.checkedEmergency({ definition: chosen.definition, path: chosen.node?.path ?? chosen.definition.name, dnis: target.dnis?.[0] });
  }

  /** `emergency: true` for a flow that evaluates no emergency group would be silently ignored: refuse it. */
  private checkedEmergency<T extends { definition: InboundCallFlow }>(picked: T): T {
    if (this.script.emergency === true && !evaluatesEmergencyGroup(picked.definition)) {
      throw new ScriptError(`emergency: flow '${picked.definition.name}' evaluates no emergency group, so an active emergency group changes nothing`);
    }
    return picked;
  }

  private record(entry: Omit<TranscriptEntry, 'step'>): void {
    this.transcript.push({ step: this.transcript.length + 1, ...entry });
  }

  /** Runs the flow, then each flow of this app a TransferToFlow hands the call to: its own variables, the same call. */
  private followTransfers(flow: InboundCallFlow, frame: Frame, path: string): CallOutcome {
    for (;;) {
      const ended = this.runFlow(flow, frame, path);
      if (!ended.follow) return ended.outcome;
      frame = this.flowFrame(ended.follow, frame.defaultDnis);
      flow = ended.follow;
      path = flow.name;
    }
  }

  /** The variables of a flow the call runs (the first, or one it is transferred to): its own, NOT_SET. */
  private flowFrame(flow: InboundCallFlow | InQueueCallFlow, defaultDnis: string): Frame {
    const frame = new Frame(this.script, defaultDnis);
    for (const v of flow.variables) frame.values.set(v.name, undefined);
    return frame;
  }

  private runFlow(flow: InboundCallFlow, frame: Frame, path: string): Extract<Signal, { kind: 'end' }> {
    this.record({ kind: 'flow', nodeId: flow.name, path });
    if (flow.initialGreeting) this.play(flow.initialGreeting.text, 'initialGreeting', flow.name, `${path} > initialGreeting`);
    const start = flow.startUp;
    let next: Menu | Task | string = start;
    for (;;) {
      const id = typeof next === 'string' ? next : next.id;
      const menu = flow.menus.find((m) => m.id === id);
      const task = flow.tasks.find((t) => t.id === id);
      let signal: Signal;
      if (menu) signal = this.runMenu(flow, menu, frame, `${path} > menus > ${menu.id}`);
      else if (task) signal = this.runActions(task.actions, frame, `${path} > tasks > ${task.id}`, 'Flow');
      else throw new SimulationStop(`no task or menu '${id}' in flow '${flow.name}'`);
      if (signal.kind === 'end') return signal;
      if (signal.kind === 'jump') {
        next = signal.target;
        continue;
      }
      // Validation rules these out; a definition that skipped validation stops here instead of guessing.
      throw new SimulationStop(`'${id}' ended with ${signal.kind} instead of a terminal action`);
    }
  }

  /** The caller's next script entry (`null` = no input; so is every entry after the script runs out). */
  private nextEntry(): string | null {
    const value = this.entry < this.entries.length ? this.entries[this.entry] : null;
    this.entry++;
    return value;
  }

  /**
   * The keys one input action hears, one at a time (`undefined` = silence: the entry is over). It hears
   * the typed-ahead keys first; when it has used them up and still listens, the caller's next entry
   * continues them. Without typed-ahead keys it hears the caller's next entry, then silence. `end()`
   * returns the keys the action took and leaves the rest typed ahead for the next input action.
   */
  private listen(): { key: () => string | undefined; end: () => string } {
    let keys = this.typedAhead;
    let continues = keys !== '';
    if (!continues) keys = this.nextEntry() ?? '';
    this.typedAhead = '';
    let taken = 0;
    return {
      key: () => {
        if (taken === keys.length && continues) {
          keys += this.nextEntry() ?? '';
          continues = false;
        }
        return taken < keys.length ? keys[taken++] : undefined;
      },
      end: () => {
        this.typedAhead = keys.slice(taken);
        return keys.slice(0, taken);
      },
    };
  }

  private runMenu(flow: InboundCallFlow, menu: Menu, frame: Frame, path: string): Signal {
    this.step(menu.id, path);
    this.play(menu.prompt.text, 'menu', menu.id, path);
    // A menu choice is one key; keys after it are typed ahead (the documented Collect Input rule: "If the
    // next action in the task is a menu, it assumes that the 11th digit goes with that menu's choices").
    const listening = this.listen();
    const input = listening.key() ?? null;
    listening.end();
    const choice = input === null ? undefined : menu.choices.find((c) => c.digit === input);
    this.record({
      kind: 'menu',
      nodeId: menu.id,
      path,
      input,
      branch: choice ? `digit ${choice.digit} (${choice.id})` : undefined,
      ...this.typedAheadEntry(),
    });
    if (!choice) {
      throw new SimulationStop(
        `menu '${menu.id}' got ${input === null ? 'no input' : `'${input}', which no choice answers`}; Architect's menu retry and no-entry handling are not modelled`,
      );
    }
    const at = `${path} > ${choice.id}`;
    switch (choice.kind) {
      case 'disconnect':
        return { kind: 'end', outcome: { kind: 'disconnect' } };
      case 'transferToAcd':
        return { kind: 'end', outcome: { kind: 'queue', queueName: choice.target.queue!.queueName } };
      case 'jumpToTask': {
        const task = choice.target.task!;
        const id = typeof task === 'string' ? task : task.id;
        const t = flow.tasks.find((x) => x.id === id);
        if (!t) throw new SimulationStop(`menu choice '${choice.id}' jumps to unknown task '${id}'`);
        return this.runActions(t.actions, frame, `${path.replace(/ > menus > .*$/, '')} > tasks > ${t.id}`, 'Flow');
      }
      case 'actions':
        return this.runActions(choice.target.actions ?? [], frame, at, 'Flow');
    }
  }

  private step(id: string, path: string): void {
    this.current = { id, path };
    if (++this.steps > this.maxSteps)
      throw new StepLimit(`step limit of ${this.maxSteps} reached at '${id}': the flow does not end (an endless loop?)`);
  }

  private play(text: string, kind: string, id: string, path: string): void {
    this.prompts.push(text);
    this.record({ kind, nodeId: id, path, prompt: text });
  }

  private set(frame: Frame, name: string, value: Value, id: string, path: string): void {
    frame.values.set(name, value);
    this.record({ kind: 'set', nodeId: id, path, variable: name, value: value as string | number | boolean });
  }

  /** Runs a list of actions; returns how control leaves it. */
  private runActions(actions: readonly Action[], frame: Frame, path: string, scope: VariableScope): Signal {
    for (const action of actions) {
      const at = `${path} > ${action.id}`;
      const signal = this.runAction(action, frame, at, scope);
      if (signal.kind !== 'continue') return signal;
    }
    return CONTINUE;
  }

  private runAction(a: Action, frame: Frame, at: string, scope: VariableScope): Signal {
    this.step(a.id, at);
    return handleAction(a, this.runners, frame, at, scope);
  }

  /** What each action kind does to the call. */
  private readonly runners: ActionHandlers<Signal, [frame: Frame, at: string, scope: VariableScope]> = {
    playAudio: (a, _frame, at) => {
      this.play(a.prompt.text, 'playAudio', a.id, at);
      return CONTINUE;
    },
    disconnect: (a, _frame, at) => {
      this.record({ kind: 'disconnect', nodeId: a.id, path: at });
      return { kind: 'end', outcome: { kind: 'disconnect' } };
    },
    collectDigits: (a, frame, at, scope) => {
      if (a.prompt) this.play(a.prompt.text, 'collectDigits', a.id, at);
      const { digits, ok, keys } = this.collect(a);
      this.record({
        kind: 'collectDigits',
        nodeId: a.id,
        path: at,
        input: keys === '' ? null : keys,
        branch: ok ? 'success' : 'failure',
        ...this.typedAheadEntry(),
      });
      if (ok) this.set(frame, a.into.name, digits, a.id, at);
      return this.runActions(ok ? a.onSuccess : a.onFailure, frame, `${at} > ${ok ? 'success' : 'failure'}`, scope);
    },
    decision: (a, frame, at, scope) => {
      const yes = evaluate(a.condition, frame);
      if (typeof yes !== 'boolean') throw new SimulationStop(`condition of '${a.id}' is not a boolean`);
      this.record({ kind: 'decision', nodeId: a.id, path: at, branch: yes ? 'yes' : 'no' });
      return this.runActions(yes ? a.yes : a.no, frame, `${at} > ${yes ? 'yes' : 'no'}`, scope);
    },
    switch: (a, frame, at, scope) => {
      let taken = -1;
      for (let i = 0; i < a.cases.length && taken < 0; i++) {
        const value = evaluate(a.cases[i].condition, frame);
        if (typeof value !== 'boolean') throw new SimulationStop(`condition of ${Switch.caseLabel(i)} of '${a.id}' is not a boolean`);
        if (value) taken = i;
      }
      const branch = taken < 0 ? 'default' : Switch.caseLabel(taken);
      this.record({ kind: 'switch', nodeId: a.id, path: at, branch });
      return this.runActions(taken < 0 ? a.default : a.cases[taken].actions, frame, `${at} > ${branch}`, scope);
    },
    updateData: (a, frame, at) => {
      for (const s of a.assignments) this.set(frame, s.variable.name, evaluate(s.value, frame), a.id, at);
      return CONTINUE;
    },
    loop: (a, frame, at, scope) => {
      for (let i = 0; i < a.count; i++) {
        this.set(frame, a.counter.name, i, a.id, at);
        const signal = this.runActions(a.body, frame, `${at} > loop`, scope);
        if (signal.kind === 'loopExit') break;
        if (signal.kind === 'end' || signal.kind === 'jump' || signal.kind === 'module') return signal;
      }
      return CONTINUE;
    },
    loopNext: () => ({ kind: 'loopNext' }),
    loopExit: () => ({ kind: 'loopExit' }),
    jumpToMenu: (a) => ({ kind: 'jump', target: a.target }),
    jumpToTask: (a) => ({ kind: 'jump', target: a.target }),
    setOutcome: (a, frame, at) => {
      this.set(frame, OUTCOME_VARIABLE, a.outcome, a.id, at);
      return CONTINUE;
    },
    endSharedFlow: (a, frame, at) => {
      if (a.outcome !== undefined) this.set(frame, OUTCOME_VARIABLE, a.outcome, a.id, at);
      const outcome = frame.values.get(OUTCOME_VARIABLE);
      this.record({ kind: 'endSharedFlow', nodeId: a.id, path: at, branch: outcome === undefined ? 'NOT_SET' : String(outcome) });
      return { kind: 'module', outcome: outcome === undefined ? undefined : String(outcome) };
    },
    transferToAcd: (a, frame, at, scope) => {
      if (a.preTransferPrompt) this.play(a.preTransferPrompt.text, 'transferToAcd', a.id, at);
      if (!this.script.failTransfers) {
        const queueName = a.queue.foundBy ? foundQueueName(frame, a.queue.foundBy.variable, a.id) : a.queue.queueName;
        const inQueueFlow = a.inQueueFlow ? { inQueueFlow: a.inQueueFlow.flowName } : {};
        const heard = a.inQueueFlow ? ` (in-queue flow ${a.inQueueFlow.flowName})` : '';
        this.record({ kind: 'transferToAcd', nodeId: a.id, path: at, branch: `queue ${queueName}${heard}` });
        return { kind: 'end', outcome: { kind: 'queue', queueName, ...inQueueFlow } };
      }
      this.record({ kind: 'transferToAcd', nodeId: a.id, path: at, branch: 'failure' });
      if (a.failurePrompt) this.play(a.failurePrompt.text, 'transferToAcd', a.id, at);
      return this.runActions(a.onFailure, frame, `${at} > failure`, scope);
    },
    transferToVoicemail: (a, frame, at, scope) => {
      if (!this.script.failTransfers) {
        if (a.greeting) this.play(a.greeting.text, 'transferToVoicemail', a.id, at);
        this.record({ kind: 'transferToVoicemail', nodeId: a.id, path: at, branch: `voicemail of queue ${a.queue.queueName}` });
        // The caller leaves the flow for the queue (its voicemail): a queue outcome.
        return { kind: 'end', outcome: { kind: 'queue', queueName: a.queue.queueName } };
      }
      this.record({ kind: 'transferToVoicemail', nodeId: a.id, path: at, branch: 'failure' });
      return this.runActions(a.onFailure, frame, `${at} > failure`, scope);
    },
    evaluateScheduleGroup: (a, frame, at, scope) => {
      // Architect: an active emergency group wins; else the schedule group's state; with neither, no output.
      const branch =
        a.emergencyGroup !== undefined && this.script.emergency === true
          ? 'emergency'
          : a.scheduleGroup !== undefined
            ? (this.script.schedule ?? 'open')
            : undefined;
      this.record({ kind: 'evaluateScheduleGroup', nodeId: a.id, path: at, branch: branch ?? 'no emergency' });
      if (branch === undefined) return CONTINUE;
      const actions = { emergency: a.onEmergency, open: a.onOpen, closed: a.onClosed, holiday: a.onHoliday }[branch];
      return this.runActions(actions, frame, `${at} > ${branch}`, scope);
    },
    getParticipantData: (a, frame, at) => {
      for (const r of a.attributes) this.set(frame, r.into.name, this.participantData.get(r.attribute), a.id, at);
      return CONTINUE;
    },
    callData: (a, frame, at, scope) => {
      const name = a.action.actionName;
      checkCasesAgainstContract(this.script.dataActions, name, a.action.inputs);
      const inputs: Record<string, DataValue> = {};
      for (const [input, expression] of a.inputEntries()) {
        const value = evaluate(expression, frame);
        if (value === undefined) throw new SimulationStop(notSetInput(input, name, a.id));
        inputs[input] = value as DataValue;
      }
      const answer = dataActionAnswer(this.script.dataActions, name, inputs);
      if (answer === undefined) {
        throw new SimulationStop(
          `data action '${name}' (${a.id}) has no scripted answer for inputs ${JSON.stringify(inputs)}: add one to the script's dataActions (it is never assumed to succeed)`,
        );
      }
      const result = typeof answer === 'string' ? answer : 'success';
      const outputs = typeof answer === 'string' ? undefined : answer.success;
      if (outputs) checkAgainstContract(outputs, a.action.outputs, `the scripted answer of data action '${name}'`);
      this.recordRead(frame, a, outputs, at, (read) => ({
        kind: 'callData',
        nodeId: a.id,
        path: at,
        branch: result,
        dataAction: { name, inputs, result, ...(read ? { outputs: read } : {}) },
      }));
      return this.runActions({ success: a.onSuccess, failure: a.onFailure, timeout: a.onTimeout }[result], frame, `${at} > ${result}`, scope);
    },
    dataTableLookup: (a, frame, at, scope) => {
      const name = a.table.tableName;
      const key = evaluate(a.key, frame);
      if (typeof key !== 'string')
        throw new SimulationStop(`the key of data table lookup '${a.id}' is NOT_SET; what Architect does then is not modelled`);
      const table = this.script.dataTables && Object.hasOwn(this.script.dataTables, name) ? this.script.dataTables[name] : undefined;
      if (table === undefined)
        throw new SimulationStop(`data table '${name}' (${a.id}, key ${JSON.stringify(key)}) is not in the script's dataTables`);
      const row = table === 'failure' || !Object.hasOwn(table, key) ? undefined : table[key];
      const result = table === 'failure' ? 'failure' : row ? 'found' : 'notFound';
      if (row) checkAgainstContract(row, a.table.fields, `row ${JSON.stringify(key)} of data table '${name}'`);
      this.recordRead(frame, a, row, at, (read) => ({
        kind: 'dataTableLookup',
        nodeId: a.id,
        path: at,
        branch: result,
        dataTable: { name, key, result, ...(read ? { outputs: read } : {}) },
      }));
      return this.runActions({ found: a.onFound, notFound: a.onNotFound, failure: a.onFailure }[result], frame, `${at} > ${result}`, scope);
    },
    callSharedFlow: (a, frame, at) => this.callModule(a, frame, at),
    holdMusic: (a, _frame, at) => {
      const prompt = a.prompt?.nameInFlow ?? this.inQueueFlow?.holdMusic.nameInFlow ?? 'Flow.HoldPrompt';
      const style = a.durationSeconds === undefined ? 'entire prompt' : `${a.durationSeconds} seconds`;
      this.record({ kind: 'holdMusic', nodeId: a.id, path: at, prompt, branch: style });
      return CONTINUE;
    },
    playEstimatedWaitTime: (a, _frame, at) => {
      const seconds = this.script.estimatedWaitSeconds;
      // Genesys help: with a NOT_SET estimate the action plays nothing.
      if (seconds === undefined) this.record({ kind: 'playEstimatedWaitTime', nodeId: a.id, path: at, branch: 'no estimate: nothing played' });
      else this.play(estimatedWaitText(seconds, a.id), 'playEstimatedWaitTime', a.id, at);
      return CONTINUE;
    },
    findQueue: (a, frame, at, scope) => {
      const name = evaluate(a.queueName, frame);
      if (typeof name !== 'string') throw new SimulationStop(`queueName of '${a.id}' evaluated to ${name === undefined ? 'NOT_SET' : String(name)}`);
      const found = (this.script.queues ?? []).includes(name);
      this.record({ kind: 'findQueue', nodeId: a.id, path: at, value: name, branch: found ? 'found' : 'notFound' });
      if (found) frame.values.set(a.foundQueue.foundBy!.variable, name);
      return this.runActions(found ? a.onFound : a.onNotFound, frame, `${at} > ${found ? 'found' : 'notFound'}`, scope);
    },
    raw: (a) => {
      throw new SimulationStop(`raw action '${a.id}' (Archy ${a.archyName || 'action without a name'}): a raw action cannot be simulated`);
    },
    setParticipantData: (a, frame, at) => {
      for (const w of a.attributes) {
        const value = evaluate(w.value, frame);
        // What Architect stores for a NOT_SET value is not documented: stop rather than guess.
        if (value === undefined)
          throw new SimulationStop(`value of attribute '${w.attribute}' of '${a.id}' is NOT_SET; what Architect stores then is not modelled`);
        this.participantData.set(w.attribute, String(value));
        this.record({ kind: 'setParticipantData', nodeId: a.id, path: at, attribute: w.attribute, value: String(value) });
      }
      return CONTINUE;
    },
    transferToFlow: (a, frame, at, scope) => {
      if (a.preTransferPrompt) this.play(a.preTransferPrompt.text, 'transferToFlow', a.id, at);
      if (this.script.failTransfers) {
        this.record({ kind: 'transferToFlow', nodeId: a.id, path: at, branch: 'failure' });
        if (a.failurePrompt) this.play(a.failurePrompt.text, 'transferToFlow', a.id, at);
        return this.runActions(a.onFailure, frame, `${at} > failure`, scope);
      }
      this.record({ kind: 'transferToFlow', nodeId: a.id, path: at, branch: `flow ${a.flow.flowName}` });
      const outcome: CallOutcome = { kind: 'flow', flowName: a.flow.flowName };
      const definition = a.flow.definition;
      if (definition === undefined) return { kind: 'end', outcome };
      if (!InboundCallFlow.isInboundCallFlow(definition))
        throw new SimulationStop(`'${a.id}' transfers to '${a.flow.flowName}', which is not an inbound call flow`);
      return { kind: 'end', outcome, follow: definition };
    },
    transferToFlowSecure: (a, frame, at, scope) => {
      if (this.script.failTransfers) {
        this.record({ kind: 'transferToFlowSecure', nodeId: a.id, path: at, branch: 'failure' });
        return this.runActions(a.onFailure, frame, `${at} > failure`, scope);
      }
      // A secure flow is not defined in this project: the call ends there.
      this.record({ kind: 'transferToFlowSecure', nodeId: a.id, path: at, branch: `secure flow ${a.secureFlowName}` });
      return { kind: 'end', outcome: { kind: 'flow', flowName: a.secureFlowName } };
    },
    setScreenPop: (a, _frame, at) => {
      // The pop shows on the agent's screen later; the call itself goes on unchanged.
      this.record({ kind: 'setScreenPop', nodeId: a.id, path: at, branch: `script ${a.script}` });
      return CONTINUE;
    },
    evaluateSchedule: (a, frame, at, scope) => {
      const schedules = this.script.schedules ?? {};
      if (!Object.hasOwn(schedules, a.schedule)) {
        throw new SimulationStop(
          `'${a.id}' evaluates schedule '${a.schedule}', which the script's schedules do not give: add schedules: { '${a.schedule}': 'active' | 'inactive' }`,
        );
      }
      const branch = schedules[a.schedule];
      this.record({ kind: 'evaluateSchedule', nodeId: a.id, path: at, branch });
      return this.runActions(branch === 'active' ? a.onActive : a.onInactive, frame, `${at} > ${branch}`, scope);
    },
  };

  /**
   * One Collect Input entry, as the help article "Add a Collect Input action" documents it: the action
   * accepts the first `max` digits heard and leaves the keys that follow to the next action; with a
   * terminating `#` (ranges only), `#` ends the entry early and is consumed, and `*` (the opposite key)
   * takes the failure path; fewer than `min` digits when the entry ends is a failure. A key whose effect
   * is not documented (`*`, or `#` before the count, without a terminator) stops the simulation.
   */
  private collect(a: CollectDigits): { digits: string; ok: boolean; keys: string } {
    const { min, max, terminator } = a.digits;
    const listening = this.listen();
    let digits = '';
    let ended: 'count' | 'terminator' | 'opposite' | 'silence' = 'silence';
    for (let key = listening.key(); key !== undefined; key = listening.key()) {
      if (key >= '0' && key <= '9') {
        digits += key;
        if (digits.length === max) {
          ended = 'count';
          break;
        }
      } else if (terminator !== undefined) {
        ended = key === terminator ? 'terminator' : 'opposite';
        break;
      } else {
        const keys = listening.end();
        this.record({ kind: 'collectDigits', nodeId: a.id, path: this.current?.path ?? a.id, input: keys, branch: 'not modelled' });
        const entry =
          min === max ? `an exact-count entry (exactly ${max} digits)` : `a range entry without a terminating # (${min} to ${max} digits)`;
        throw new SimulationStop(
          `'${key}' in ${entry} of Collect Input '${a.id}', ${keys.length > 1 ? `after '${keys.slice(0, -1)}'` : 'as its first key'}: what Architect does with it is not documented, so it is not modelled`,
        );
      }
    }
    const keys = listening.end();
    return { digits, keys, ok: ended === 'count' || (ended !== 'opposite' && digits.length >= min) };
  }

  /**
   * Reads the outputs an action maps from a data action's success outputs or a table row into its
   * variables (a field the row lacks is NOT_SET), and returns what it set for the transcript entry; it
   * records that entry first, so the transcript shows the call and then the variables it set. Without a
   * row (failure, timeout, not found) nothing is set.
   */
  private recordRead(
    frame: Frame,
    a: { readonly id: string; outputEntries(): Array<[string, { readonly name: string }]> },
    row: Readonly<Record<string, DataValue>> | undefined,
    at: string,
    entry: (outputs: Record<string, DataValue | null> | undefined) => Omit<TranscriptEntry, 'step'>,
  ): void {
    const read = row
      ? a.outputEntries().map(([field, variable]) => ({ field, variable, value: Object.hasOwn(row, field) ? row[field] : undefined }))
      : [];
    this.record(entry(row ? Object.fromEntries(read.map((r) => [r.field, r.value ?? null])) : undefined));
    for (const r of read) this.set(frame, r.variable.name, r.value, a.id, at);
  }

  /** The transcript field for keys typed ahead, when there are any. */
  private typedAheadEntry(): { typedAhead?: string } {
    return this.typedAhead === '' ? {} : { typedAhead: this.typedAhead };
  }

  private callModule(call: CallSharedFlow, caller: Frame, at: string): Signal {
    const module = moduleDefinition(call.flow);
    const frame = new Frame(this.script, caller.defaultDnis);
    const inputs: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(module.inputs)) {
      const expression = call.inputs?.[name];
      const value = expression ? evaluate(expression, caller) : undefined;
      if (value === undefined && spec.required) throw new SimulationStop(`required input '${name}' of '${module.name}' evaluated to NOT_SET`);
      frame.values.set(`Common.${name}`, value);
      inputs[name] = value;
    }
    this.record({ kind: 'sharedFlow', nodeId: call.id, path: at, sharedFlow: { name: module.name, inputs } });
    const signal = this.runActions(module.actions, frame, `${at} > ${module.name}`, 'Common');
    if (signal.kind === 'end') return signal;
    if (signal.kind !== 'module') throw new SimulationStop(`shared flow '${module.name}' ended without an outcome`);
    const outputs: Record<string, unknown> = {};
    for (const name of Object.keys(module.outputs)) {
      outputs[name] = frame.values.get(`Common.${name}`);
      const target = call.outputs?.[name];
      if (target) caller.values.set(target.name, frame.values.get(`Common.${name}`));
    }
    // A module that never set its outcome (only an unvalidated definition, GC1012) returns NOT_SET.
    const outcomeVariable = call.outcomeVariable();
    caller.values.set(outcomeVariable.name, signal.outcome);
    this.record({
      kind: 'sharedFlowReturn',
      nodeId: call.id,
      path: at,
      ...(signal.outcome === undefined ? { variable: outcomeVariable.name, branch: 'outcome NOT_SET' } : {}),
      sharedFlow: { name: module.name, outputs, outcome: signal.outcome },
    });
    const branch = this.outcomeBranch(call, caller, at);
    const actions = branch === undefined ? [] : ((call.outcomes as Record<string, readonly Action[]>)[branch] ?? []);
    return this.runActions(actions, caller, `${at} > outcome ${branch}`, 'Flow');
  }

  /**
   * The branch the emitted decisions take: `outcome == "<o>"` for each declared outcome but the last, in
   * order; the last one takes any other value (an undeclared outcome). Evaluated like any decision, so a
   * NOT_SET outcome fails the first comparison, as a NOT_SET operand does in Architect.
   */
  private outcomeBranch(call: CallSharedFlow, caller: Frame, at: string): string | undefined {
    const declared = call.flow.outcomes;
    const outcomeVariable = call.outcomeVariable();
    for (const o of declared.slice(0, -1)) {
      this.current = { id: `${call.id}: outcome ${o}?`, path: at };
      let yes: Value;
      try {
        yes = evaluate(outcomeVariable.ref().equals(o), caller);
      } catch (err) {
        if (err instanceof SimulationStop && caller.values.get(outcomeVariable.name) === undefined) {
          throw new SimulationStop(
            `shared flow '${call.flow.flowName}' returned no outcome (NOT_SET): the caller's decision '${call.id}: outcome ${o}?' fails on it, as an expression with a NOT_SET operand does in Architect`,
          );
        }
        throw err;
      }
      if (yes === true) return o;
    }
    return declared[declared.length - 1];
  }
}

class StepLimit extends Error {}

/** The queue an in-queue flow's caller waits in, when the script names none. */
const WAITING_QUEUE = 'the waiting queue';

/** The in-queue flow a target is or holds, with its path; undefined for inbound call flows. */
function inQueueFlowOf(target: Simulatable): { definition: InQueueCallFlow; path: string } | undefined {
  if (InQueueCallFlow.isInQueueCallFlow(target)) return { definition: target, path: target.name };
  const held = (target as Partial<InQueueFlowHolder>).definition;
  if (InQueueCallFlow.isInQueueCallFlow(held)) return { definition: held, path: (target as InQueueFlowHolder).node?.path ?? held.name };
  return undefined;
}

/** The name a FindQueue stored for its found queue. */
function foundQueueName(frame: Frame, variable: string, id: string): string {
  const name = frame.values.get(variable);
  if (typeof name !== 'string') throw new SimulationStop(`'${id}' transfers to a found queue, but no FindQueue found one on this path`);
  return name;
}

/**
 * Why a NOT_SET data action input stops the simulation: the data action service drops a null input from
 * the request (Genesys developer forum, "Data Actions will ignore null input values", March 2024), and
 * whether the action then succeeds depends on its input schema (a required input fails), which the
 * contract here does not give.
 */
function notSetInput(input: string, action: string, id: string): string {
  return (
    `input '${input}' of data action '${action}' (${id}) is NOT_SET: the data action service leaves it out of the request, ` +
    `and whether the action then fails depends on its input schema, which is not modelled; set the input on this path`
  );
}

/**
 * What the Play Estimated Wait Time action says in its precise playback mode. Genesys help documents only
 * the minutes-and-seconds wording ("Your estimated wait time is [four minutes and thirty-one seconds]"):
 * an estimate without minutes or without seconds, or of an hour or more, would be a guess, so it stops.
 */
function estimatedWaitText(seconds: number, id: string): string {
  // Whole seconds, 0 or more: checkCallScript refuses anything else.
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes < 1 || minutes > 59 || rest === 0) {
    throw new SimulationStop(
      `'${id}' plays an estimated wait time of ${seconds} seconds: Genesys help documents only the wording of minutes and seconds under an hour ("4 minutes and 31 seconds"), so what is said for this estimate is not known; script an estimate from 61 to 3599 seconds that is not a whole number of minutes`,
    );
  }
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  return `Your estimated wait time is ${part(minutes, 'minute')} and ${part(rest, 'second')}`;
}
