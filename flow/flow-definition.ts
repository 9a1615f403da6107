import type { Action } from './actions/action';
import { propsOf, requireListOf, optionalString, requireString } from './arguments';
import { FLOW_DEFINITION, FlowProblem } from './errors';
import { ProblemError } from './problems';
import { FlowType } from './flow-type';
import type { QueueTarget } from './queue-target';
import { Variable } from './variable';

/** Properties every flow definition has. */
export interface FlowDefinitionProps {
  /** The flow's name in Architect. Renaming creates a new flow and leaves the old one behind. */
  readonly name: string;
  /**
   * @default - no description
   */
  readonly description?: string;
  /**
   * Name of the Architect division the flow belongs to.
   * @default 'Home'
   */
  readonly division?: string;
  /**
   * Language of prompts (Architect language tag).
   * @default 'en-us'
   */
  readonly language?: string;
  /**
   * Variables the flow's actions use (besides a shared flow's inputs and outputs).
   * @default - none
   */
  readonly variables?: readonly Variable[];
}

const VARIABLE = { is: (x: unknown) => x instanceof Variable, name: 'a Variable' };

/** A flow rendered to Archy YAML. */
export interface RenderedFlow {
  readonly type: FlowType;
  readonly name: string;
  /** Deterministic Archy YAML: the same definition always gives the same bytes. */
  readonly yaml: string;
  /** sha256 (hex) of `yaml`. */
  readonly contentHash: string;
}

/** Base of the flow definitions: validation first, YAML only for valid definitions. */
export abstract class FlowDefinition {
  abstract readonly type: FlowType;
  readonly name: string;
  readonly description?: string;
  readonly division: string;
  readonly language: string;
  readonly variables: readonly Variable[];

  /** Checks the props every definition shares, so a JavaScript caller gets GC1016, not a TypeError later. */
  constructor(props: FlowDefinitionProps) {
    const kind = new.target.name;
    const p = propsOf(props, kind);
    this.name = requireString(p.name, `${kind} > name`, 'the flow name', "give the flow a name, e.g. name: 'Main IVR'");
    const at = this.name;
    const text = (field: 'description' | 'division' | 'language', example: string) =>
      optionalString(p[field], `${at} > ${field}`, field, `write ${field} as text, e.g. '${example}'`);
    this.description = text('description', 'Routes sales calls');
    this.division = text('division', 'Home') ?? 'Home';
    this.language = text('language', 'en-us') ?? 'en-us';
    this.variables =
      p.variables === undefined
        ? []
        : requireListOf(p.variables, at, 'variables', VARIABLE, "pass a list of variables, e.g. [Variable.string('Flow.Choice')]");
  }

  /** Visits every action of the flow, depth first (branches after their action), in YAML order. */
  abstract forEachAction(visit: (action: Action) => void): void;

  /** What outside the flow its actions name (data actions, data tables, other flows), each once, in order. */
  references(): object[] {
    const found = new Set<object>();
    // A JavaScript caller may leave a target out: validation reports it; it is no reference.
    this.forEachAction((a) => a.references().forEach((r) => typeof r === 'object' && r !== null && found.add(r)));
    return [...found];
  }

  /** Queues the flow's actions transfer to by name, each once (a queue a FindQueue finds at run time is not one). */
  protected actionQueueTargets(): Set<QueueTarget> {
    const found = new Set<QueueTarget>();
    this.forEachAction((a) => {
      if ((a.kind === 'transferToAcd' || a.kind === 'transferToVoicemail') && !a.queue.foundBy) found.add(a.queue);
    });
    return found;
  }

  /** Every rule violation, each with code, path, value and fix; empty when the flow is valid. */
  abstract validate(path?: string): FlowProblem[];

  /**
   * Paths of the actions whose Archy content nothing checks (`RawAction`s), e.g. `dev/X > tasks > Main > Pop`.
   * They are not problems: `validate()` accepts a well-formed raw action; this lists them so a synth can say so.
   */
  abstract uncheckedActions(path?: string): string[];

  /** Validates, then renders YAML. Throws a `ProblemError` listing every problem. */
  render(path?: string): RenderedFlow {
    const problems = this.validate(path);
    if (problems.length > 0) throw new ProblemError(problems, FLOW_DEFINITION);
    return this.emit();
  }

  protected abstract emit(): RenderedFlow;
}
