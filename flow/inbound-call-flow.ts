import { Action, forEachActionIn } from './actions/action';
import { CallSharedFlow } from './actions/call-shared-flow';
import { QueueTarget } from './queue-target';
import { ArchyEmitter, audio, variableEntry } from './archy/emitter';
import { toArchyYaml } from './archy/yaml';
import { sha256 } from './content-hash';
import { requireListOf } from './arguments';
import { FlowProblem } from './errors';
import { FlowDefinition, FlowDefinitionProps, RenderedFlow } from './flow-definition';
import { FLOW_TYPE_INFO, FlowType } from './flow-type';
import { Menu } from './menu';
import { Prompt } from './prompt';
import { SharedFlowInterface } from './shared-flow-interface';
import { Task } from './task';
import { FlowChecker } from './validation';

export interface InboundCallFlowProps extends FlowDefinitionProps {
  /** Where a call starts: a task or menu of this flow (or its id). */
  readonly startUp: Task | Menu | string;
  /**
   * @default - no tasks
   */
  readonly tasks?: readonly Task[];
  /**
   * @default - no menus
   */
  readonly menus?: readonly Menu[];
  /** Played once when the call arrives (every real inbound call export has one). */
  readonly initialGreeting: Prompt;
}

const INBOUND_CALL_FLOW = Symbol.for('genesys-cdktf-flows.InboundCallFlow');

/** An Architect inbound call flow: tasks and menus, starting at `startUp`. */
export class InboundCallFlow extends FlowDefinition {
  /** Whether `x` is an InboundCallFlow, also one made by another copy of this library (`instanceof` is not). */
  static isInboundCallFlow(x: unknown): x is InboundCallFlow {
    return typeof x === 'object' && x !== null && INBOUND_CALL_FLOW in x;
  }

  readonly type: FlowType = 'inboundcall';
  readonly startUp: Task | Menu | string;
  readonly tasks: readonly Task[];
  readonly menus: readonly Menu[];
  readonly initialGreeting: Prompt;

  constructor(props: InboundCallFlowProps) {
    super(props);
    Object.defineProperty(this, INBOUND_CALL_FLOW, { value: true });
    this.startUp = props.startUp;
    const task = { is: (x: unknown) => x instanceof Task, name: 'a Task' };
    const menu = { is: (x: unknown) => x instanceof Menu, name: 'a Menu' };
    this.tasks = props.tasks === undefined ? [] : requireListOf(props.tasks, this.name, 'tasks', task, "pass tasks made with new Task('Id', [...])");
    this.menus = props.menus === undefined ? [] : requireListOf(props.menus, this.name, 'menus', menu, "pass menus made with new Menu('Id', {...})");
    this.initialGreeting = props.initialGreeting;
  }

  /** Visits every action of every task and inline menu choice, depth first, in YAML order. */
  forEachAction(visit: (action: Action) => void): void {
    this.menus.forEach((m) => m.choices.forEach((c) => forEachActionIn(c.target.actions ?? [], visit)));
    this.tasks.forEach((t) => forEachActionIn(t.actions, visit));
  }

  /** Shared flows this flow calls, each once, in order of first call. */
  sharedFlowsCalled(): SharedFlowInterface[] {
    const found = new Set<SharedFlowInterface>();
    this.forEachAction((a) => {
      if (a.kind === 'callSharedFlow') found.add(a.flow);
    });
    return [...found];
  }

  /** Queues this flow transfers to by name (actions and menu choices), each once; a queue found at run time is not one. */
  queueTargets(): QueueTarget[] {
    const found = this.actionQueueTargets();
    this.menus.forEach((m) => m.choices.forEach((c) => c.target.queue && !c.target.queue.foundBy && found.add(c.target.queue)));
    return [...found];
  }

  /** The flow's name: what a TransferToFlow names (a definition is its own FlowTarget). */
  get flowName(): string {
    return this.name;
  }

  get flowType(): FlowType {
    return this.type;
  }

  /** Itself, so a TransferToFlow can name this definition and the simulator follows the call into it. */
  get definition(): InboundCallFlow {
    return this;
  }

  validate(path: string = this.name): FlowProblem[] {
    return this.check(path).problems;
  }

  uncheckedActions(path: string = this.name): string[] {
    return this.check(path).unchecked;
  }

  private check(path: string): { problems: FlowProblem[]; unchecked: string[] } {
    const c = new FlowChecker('inboundcall', 'Flow');
    c.checkFlowName(this.name, path);
    if (!(this.initialGreeting instanceof Prompt)) {
      c.report(
        'GC1016',
        `${path} > initialGreeting`,
        'an inbound call flow needs an initial greeting (every real inbound call export has one)',
        String(this.initialGreeting),
        "set initialGreeting: Prompt.tts('...')",
      );
    }
    this.variables.forEach((v) => c.declare(v, `${path} > variables`, 'variable'));
    // Outcome variables exist for the whole flow (the emitter declares them), not from the call onwards.
    this.forEachAction(
      (a) => a.kind === 'callSharedFlow' && c.declare(a.outcomeVariable(), `${path} > variables`, `outcome variable of call '${a.id}'`),
    );
    for (const t of this.tasks) {
      c.checkId(t.id, `${path} > tasks > ${t.id}`, 'task');
      c.tasks.set(t.id, t);
    }
    for (const m of this.menus) {
      c.checkId(m.id, `${path} > menus > ${m.id}`, 'menu');
      c.menus.set(m.id, m);
    }
    const start = this.startUp;
    if (this.startsInMenu()) c.resolveMenu(start as Menu | string, `${path} > startUp`);
    else c.resolveTask(start as Task | string, `${path} > startUp`);

    for (const t of this.tasks) c.checkEnds(t.actions, `${path} > tasks > ${t.id}`, 'end the task with Disconnect, a transfer or a jump');
    for (const m of this.menus) {
      const digits = new Set<string>();
      for (const choice of m.choices) {
        const at = `${path} > menus > ${m.id} > ${choice.id}`;
        c.checkId(choice.id, at, 'menu choice');
        if (digits.has(choice.digit))
          c.report('GC1002', at, `digit ${choice.digit} is already used in menu ${m.id}`, choice.digit, 'give each choice its own digit');
        digits.add(choice.digit);
        // A menu choice is never inside a FindQueue's found branch, so a found queue there is always misused.
        if (choice.target.queue) c.checkFoundQueue(choice.target.queue, choice.id, at);
        if (choice.kind === 'jumpToTask') c.resolveTask(choice.target.task!, at);
        if (choice.kind === 'actions') c.checkEnds(choice.target.actions ?? [], at, 'end the choice with Disconnect, a transfer or a jump');
      }
    }
    // Reachability follows jumps from startUp: a task reached only from an unreachable menu is unreachable too.
    const problems = [...c.problems];
    const reachable = this.reachable(c);
    for (const t of this.tasks) {
      if (!reachable.tasks.has(t.id)) {
        problems.push({
          code: 'GC1004',
          path: `${path} > tasks > ${t.id}`,
          message: 'task is never reached from startUp',
          value: t.id,
          fix: 'jump to it from a reachable menu, or remove it',
        });
      }
    }
    for (const m of this.menus) {
      if (!reachable.menus.has(m.id)) {
        problems.push({
          code: 'GC1004',
          path: `${path} > menus > ${m.id}`,
          message: 'menu is never reached from startUp',
          value: m.id,
          fix: 'jump to it from a reachable task or menu, or remove it',
        });
      }
    }
    return { problems, unchecked: c.unchecked };
  }

  /** Whether `startUp` names a menu (a Menu, or the id of one of this flow's menus). */
  private startsInMenu(): boolean {
    const start = this.startUp;
    return start instanceof Menu || (typeof start === 'string' && this.menus.some((m) => m.id === start));
  }

  /** Tasks and menus reachable from startUp through jumps and menu choices. */
  private reachable(c: FlowChecker): { tasks: Set<string>; menus: Set<string> } {
    const tasks = new Set<string>();
    const menus = new Set<string>();
    const idOf = (x: Task | Menu | string): string => (typeof x === 'string' ? x : x.id);
    const queue: Array<{ kind: 'task' | 'menu'; id: string }> = [];
    queue.push({ kind: this.startsInMenu() ? 'menu' : 'task', id: idOf(this.startUp) });
    const jumps = (actions: readonly Action[]): void => {
      for (const a of actions) {
        if (a.kind === 'jumpToMenu') queue.push({ kind: 'menu', id: idOf(a.target) });
        if (a.kind === 'jumpToTask') queue.push({ kind: 'task', id: idOf(a.target) });
        a.branches().forEach((b) => jumps(b.actions));
      }
    };
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (next.kind === 'task') {
        const t = c.tasks.get(next.id);
        if (!t || tasks.has(next.id)) continue;
        tasks.add(next.id);
        jumps(t.actions);
      } else {
        const m = c.menus.get(next.id);
        if (!m || menus.has(next.id)) continue;
        menus.add(next.id);
        for (const choice of m.choices) {
          if (choice.kind === 'jumpToTask') queue.push({ kind: 'task', id: idOf(choice.target.task!) });
          if (choice.kind === 'actions') jumps(choice.target.actions ?? []);
        }
      }
    }
    return { tasks, menus };
  }

  protected emit(): RenderedFlow {
    const key = FLOW_TYPE_INFO.inboundcall.yamlKey;
    const e = new ArchyEmitter(key);
    const start = this.startUp;
    const startId = typeof start === 'string' ? start : start.id;
    const body: Record<string, unknown> = { name: this.name };
    if (this.description) body.description = this.description;
    body.division = this.division;
    body.defaultLanguage = this.language;
    // supportedLanguages is left out, as in the provider's own test flows: every real export that has it
    // also names a text-to-speech voice per language, which this project does not choose.
    body.startUpRef = this.startsInMenu() ? e.menuRef(startId) : e.taskRef(startId);
    body.initialGreeting = audio(this.initialGreeting);
    const calls: CallSharedFlow[] = [];
    this.forEachAction((a) => a.kind === 'callSharedFlow' && calls.push(a));
    const variables = [...this.variables, ...calls.map((call) => call.outcomeVariable())];
    if (variables.length > 0) body.variables = variables.map((v) => variableEntry(v));
    if (this.menus.length > 0) body.menus = this.menus.map((m) => e.menu(m));
    if (this.tasks.length > 0) body.tasks = this.tasks.map((t) => e.task(t));
    const yaml = toArchyYaml({ [key]: body });
    return { type: this.type, name: this.name, yaml, contentHash: sha256(yaml) };
  }
}
