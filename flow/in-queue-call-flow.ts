import { Action, forEachActionIn } from './actions/action';
import { requireActions } from './actions/action-lists';
import { requirePromptTarget } from './arguments';
import { ArchyEmitter } from './archy/emitter';
import { toArchyYaml } from './archy/yaml';
import { AudioPromptTarget, systemPrompt } from './audio-prompt-target';
import { sha256 } from './content-hash';
import { FlowProblem } from './errors';
import { reachesEndWithoutHoldMusic } from './hold-music-paths';
import { FlowDefinition, FlowDefinitionProps, RenderedFlow } from './flow-definition';
import { FLOW_TYPE_INFO, FlowType } from './flow-type';
import { QueueTarget } from './queue-target';
import { FlowChecker } from './validation';

export interface InQueueCallFlowProps extends FlowDefinitionProps {
  /**
   * The flow's hold prompt (`Flow.HoldPrompt`), what a `HoldMusic` without its own prompt plays.
   * @default systemPrompt('on_hold_music')
   */
  readonly holdMusic?: AudioPromptTarget;
  /**
   * The startup task: what a caller waiting in queue hears. Architect runs it again from the top each time
   * a path reaches its end (the "implicit loop"), until an agent answers, so a path may end without a
   * terminal action, and then passes a `HoldMusic`. Variables are `Task.` variables.
   */
  readonly actions: readonly Action[];
}

const IN_QUEUE_CALL_FLOW = Symbol.for('genesys-cdktf-flows.InQueueCallFlow');

/** An Architect in-queue call flow: one startup task a caller hears, looped, while waiting for an agent. */
export class InQueueCallFlow extends FlowDefinition {
  /** Whether `x` is an InQueueCallFlow, also one made by another copy of this library (`instanceof` is not). */
  static isInQueueCallFlow(x: unknown): x is InQueueCallFlow {
    return typeof x === 'object' && x !== null && IN_QUEUE_CALL_FLOW in x;
  }

  readonly type: FlowType = 'inqueuecall';
  readonly holdMusic: AudioPromptTarget;
  readonly actions: readonly Action[];

  constructor(props: InQueueCallFlowProps) {
    super(props);
    Object.defineProperty(this, IN_QUEUE_CALL_FLOW, { value: true });
    this.holdMusic =
      props.holdMusic === undefined ? systemPrompt('on_hold_music') : requirePromptTarget(props.holdMusic, `${this.name} > holdMusic`, 'holdMusic');
    this.actions = requireActions(props.actions, this.name, 'actions', "pass the startup task's actions, e.g. [new HoldMusic('Hold Music')]");
  }

  /** Its actions' references and its hold music prompt (a UserPrompt construct is a dependency too). */
  override references(): object[] {
    const found = super.references();
    return found.includes(this.holdMusic) ? found : [this.holdMusic, ...found];
  }

  /** The flow's name: what a TransferToAcd's `inQueueFlow` names (a definition is its own FlowTarget). */
  get flowName(): string {
    return this.name;
  }

  get flowType(): FlowType {
    return this.type;
  }

  /** Itself, so a TransferToAcd can name this definition as its `inQueueFlow` and the simulator follows it. */
  get definition(): InQueueCallFlow {
    return this;
  }

  /** Visits every action of the startup task, depth first, in YAML order. */
  forEachAction(visit: (action: Action) => void): void {
    forEachActionIn(this.actions, visit);
  }

  /** Queues this flow transfers to by name, each once (a queue a FindQueue finds at run time is not among them). */
  queueTargets(): QueueTarget[] {
    return [...this.actionQueueTargets()];
  }

  /** Whether some path of the startup task reaches its end, where Architect starts the task again. */
  loops(): boolean {
    return new FlowChecker('inqueuecall', 'Task').walk(this.actions, this.name);
  }

  validate(path: string = this.name): FlowProblem[] {
    return this.check(path).problems;
  }

  uncheckedActions(path: string = this.name): string[] {
    return this.check(path).unchecked;
  }

  private check(path: string): { problems: FlowProblem[]; unchecked: string[] } {
    const c = new FlowChecker('inqueuecall', 'Task');
    c.checkFlowName(this.name, path);
    c.checkPrompt(this.holdMusic, `${path} > holdMusic`, 'the hold prompt');
    this.variables.forEach((v) => c.declare(v, `${path} > variables`, 'variable'));
    const at = `${path} > startUpTaskActions`;
    if (this.actions.length === 0) {
      c.report('GC1016', at, 'an in-queue call flow needs at least one action', '(no actions)', "add e.g. new HoldMusic('Hold Music')");
    }
    this.forEachAction((a) => {
      // The call's outcome variable is a Flow. variable (CallSharedFlow.outcomeVariable); in-queue flows have Task. ones.
      if (a.kind === 'callSharedFlow') {
        c.report(
          'GC1017',
          at,
          'calling a shared flow from an in-queue call flow is not supported yet',
          a.id,
          'move the logic into the in-queue flow, or call the shared flow from the inbound flow before the transfer',
        );
      }
    });
    const loops = c.walk(this.actions, at);
    // Architect restarts the task at its end; a path without hold music on the way would restart at once, over and over.
    if (loops && this.actions.length > 0 && reachesEndWithoutHoldMusic(this.actions)) {
      const last = this.actions[this.actions.length - 1];
      c.report(
        'GC1030',
        `${at} > ${last.id}`,
        'a path reaches the end of the task, where Architect starts it again, without playing hold music: the caller would hear the task repeat without a pause',
        last.id,
        "add new HoldMusic('Hold Music') to the task (e.g. as its last action), or end the path with Disconnect (a transfer continues when it fails)",
      );
    }
    return { problems: c.problems, unchecked: c.unchecked };
  }

  protected emit(): RenderedFlow {
    const key = FLOW_TYPE_INFO.inqueuecall.yamlKey;
    const e = new ArchyEmitter(key);
    // The fields of the provider's inqueuecall_default_example.yaml and the blueprint "Proactive callback
    // offer.yaml" that this definition chooses; settings every export repeats with platform defaults are left
    // out, as for inbound flows. Task variables are not declared: the real export declares none.
    const body: Record<string, unknown> = { name: this.name };
    if (this.description) body.description = this.description;
    body.division = this.division;
    body.defaultLanguage = this.language;
    body.settingsInQueueCall = { holdMusic: { lit: { name: this.holdMusic.nameInFlow } } };
    body.startUpTaskActions = e.actions(this.actions);
    const yaml = toArchyYaml({ [key]: body });
    return { type: this.type, name: this.name, yaml, contentHash: sha256(yaml) };
  }
}
