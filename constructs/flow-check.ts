import * as fs from 'fs';
import * as path from 'path';
import { Construct, IConstruct } from 'constructs';
import { Aspects, AssetType, IAspect, ITerraformDependable, TerraformAsset, TerraformStack } from 'cdktf';
import { FLOW_TYPE_INFO, RenderedFlow, ProblemError } from '../flow';
import { FlowPublication } from './flow-publication';
import { SharedFlow } from './shared-flow';
import { TerraformData } from './terraform-data';
import { CheckedFlow, FLOWS_PER_VARIABLE, FlowCheckInput, StackCheckInput } from './flow-check-contract';
import { terraformText } from './terraform-text';
import { dependOn } from './depends-on';

export interface FlowCheckOptions {
  /** Provider `aws_region` of the environment (carried in the check's input for the handler's report). */
  readonly region: string;
  /**
   * Republish published callers outside the stack that still embed an older version of a shared flow.
   * @default false - they are reported, not changed
   */
  readonly republishExternalCallers?: boolean;
  /**
   * Let a shared flow be destroyed while published flows outside the stack still call it.
   * @default false - the destroy stops with the list of callers
   */
  readonly allowDestroyWithExternalCallers?: boolean;
}

/** One flow the stack's check verifies. */
export interface CheckedFlowProps {
  /** What was rendered for the flow. */
  readonly rendered: RenderedFlow;
  /** The rendered YAML's path relative to the stack folder (the asset path). */
  readonly payloadPath: string;
  /**
   * Provider substitutions of the flow resource, as written to Terraform (literal text already escaped).
   * @default - none
   */
  readonly substitutions?: Readonly<Record<string, string>>;
  /**
   * What publishes the flow (the `genesyscloud_flow`); the check runs after it.
   * @default - nothing to wait for
   */
  readonly flowResource?: ITerraformDependable;
  /**
   * The flow's update trigger hash: the check runs again whenever the flow is republished (for a caller,
   * also when a shared flow it calls changed).
   * @default - the check follows content and substitutions only
   */
  readonly triggerHash?: string;
  /**
   * Names of the flows of this stack that call this (shared) flow: the destroy guard's input. (The
   * stack's check reads them from the flows' YAML.)
   * @default - none
   */
  readonly stackCallers?: readonly string[];
}

export interface FlowCheckProps extends FlowCheckOptions {
  /** Every flow the stack publishes: one check verifies them all, in bulk. */
  readonly flows: readonly CheckedFlowProps[];
}

export interface FlowDestroyGuardProps extends FlowCheckOptions {
  /** The shared flow, as for the check. */
  readonly flow: CheckedFlowProps;
  /**
   * The flow's id, as a Terraform reference to the `genesyscloud_flow` resource's `id` (known after the
   * apply): the guard looks the shared flow up by id, so a rename in Architect cannot make it look gone.
   * @default - the guard looks the flow up by name
   */
  readonly flowId?: string;
}

const HANDLER_FILE = 'flow-check.js';
const handlerCommand = (stack: TerraformStack, mode: 'create' | 'destroy') => `node "${handlerAsset(stack).path}" ${mode}`;

/** A flow as the handler's input carries it: literal text escaped for Terraform strings; substitutions come from the flow resource, already escaped there. */
function checkedFlow(flow: CheckedFlowProps): CheckedFlow {
  return {
    flowName: terraformText(flow.rendered.name),
    flowType: FLOW_TYPE_INFO[flow.rendered.type].apiType,
    contentHash: flow.rendered.contentHash,
    payloadPath: terraformText(flow.payloadPath),
    substitutions: flow.substitutions ?? {},
  };
}

/**
 * Checks after every apply what Genesys really published for every flow of the stack (the provider never
 * reads flow content back): ONE `terraform_data` that depends on every flow resource, is replaced whenever
 * any flow's payload, substitutions or republish trigger changes, and runs the bundled Node handler once
 * with `local-exec` — one process and one login per stack, the flows checked in bulk (one listing,
 * batched exports), however many IVRs the stack has.
 */
export class FlowCheck extends Construct {
  /**
   * Attaches the stack's check, and a destroy guard to every shared flow. The flows are collected when
   * the stack is synthesized, so flows defined after this call are checked too; a stack that publishes
   * no flow by then gets no check.
   */
  static attachToStack(stack: TerraformStack, options: FlowCheckOptions): void {
    const aspects = Aspects.of(stack);
    // A second check would clash with the first one's constructs, but only at synth, far from this call.
    if (aspects.all.some((aspect) => aspect instanceof StackFlowChecks)) {
      throw new ProblemError([
        {
          code: 'GC2011',
          path: stack.node.path,
          message: 'FlowCheck.attachToStack was called for this stack already',
          value: 'FlowCheck.attachToStack',
          fix: 'attach the check once per stack (it covers every flow the stack holds at synth)',
        },
      ]);
    }
    aspects.add(new StackFlowChecks(stack, options));
  }

  readonly check: TerraformData;

  constructor(scope: Construct, id: string, props: FlowCheckProps) {
    super(scope, id);
    if (props.flows.length === 0)
      throw new ProblemError([
        {
          code: 'GC2009',
          path: this.node.path,
          message: 'a flow check needs at least one flow',
          value: 0,
          fix: 'attach it with FlowCheck.attachToStack, which skips stacks without flows',
        },
      ]);
    const flows = props.flows.map(checkedFlow);
    const header = {
      region: terraformText(props.region),
      republishExternalCallers: props.republishExternalCallers ?? false,
      flowCount: flows.length,
    };
    const input: StackCheckInput = { header, flows };
    // One environment string is limited to 128 KiB on Linux: the flows travel in slices.
    const environment: Record<string, string> = { FLOW_CHECK_INPUT: '${jsonencode(self.input.header)}' };
    for (let i = 0; i * FLOWS_PER_VARIABLE < flows.length; i++) {
      environment[`FLOW_CHECK_FLOWS_${i}`] =
        `\${jsonencode(slice(self.input.flows, ${i * FLOWS_PER_VARIABLE}, ${Math.min((i + 1) * FLOWS_PER_VARIABLE, flows.length)}))}`;
    }
    this.check = new TerraformData(this, 'Resource', {
      input: { ...input },
      // Any change re-runs the whole check: a flow's content, substitutions or republish, or the options.
      triggersReplace: {
        header,
        flows: flows.map((f, i) => ({ contentHash: f.contentHash, substitutions: f.substitutions, republish: props.flows[i].triggerHash ?? '' })),
      },
      provisioners: [{ type: 'local-exec', command: handlerCommand(TerraformStack.of(this), 'create'), environment }],
    });
    dependOn(
      this.check,
      props.flows.flatMap((f) => (f.flowResource ? [f.flowResource] : [])),
    );
  }
}

/**
 * Before a shared flow is destroyed: refuses while published flows outside the stack still call it. Its
 * input does not follow content, so a module edit never runs it: the flow id stays the same across
 * republishes (and a changed input is updated in place, which runs no destroy-time provisioner).
 */
export class FlowDestroyGuard extends Construct {
  readonly guard: TerraformData;

  constructor(scope: Construct, id: string, props: FlowDestroyGuardProps) {
    super(scope, id);
    const flow = checkedFlow(props.flow);
    const input: FlowCheckInput = {
      ...flow,
      stackCallers: (props.flow.stackCallers ?? []).map((name) => terraformText(name)),
      contentHash: 'n/a',
      payloadPath: 'n/a',
      substitutions: {},
      region: terraformText(props.region),
      republishExternalCallers: props.republishExternalCallers ?? false,
      allowDestroyWithExternalCallers: props.allowDestroyWithExternalCallers ?? false,
      ...(props.flowId !== undefined ? { flowId: props.flowId } : {}),
    };
    this.guard = new TerraformData(this, 'DestroyGuard', {
      input: { ...input },
      dependsOn: props.flow.flowResource ? [props.flow.flowResource] : undefined,
      provisioners: [
        {
          type: 'local-exec',
          when: 'destroy',
          command: handlerCommand(TerraformStack.of(this), 'destroy'),
          environment: { FLOW_CHECK_INPUT: '${jsonencode(self.input)}' },
        },
      ],
    });
  }
}

/**
 * Adds the stack's check and destroy guards when the stack is synthesized (cdktf invokes aspects before
 * it validates and writes the stack), from every flow the stack holds by then, whenever it was defined.
 * `App.synth` runs its preparing pass (which registers cross-stack references) before any aspect: the
 * check refers only to what the stack's flow resources refer to already, so it needs none of its own.
 */
class StackFlowChecks implements IAspect {
  /** The flows the check was built with (at the first synth that found any). */
  private attached?: FlowPublication[];

  constructor(
    private readonly stack: TerraformStack,
    private readonly options: FlowCheckOptions,
  ) {}

  visit(node: IConstruct): void {
    // The aspect visits every construct of the stack, and runs again at every synth: it acts once.
    if (node !== this.stack) return;
    const publications = this.stack.node.findAll().filter((c): c is FlowPublication => c instanceof FlowPublication);
    if (this.attached !== undefined) {
      // A flow defined after the check was built would go unchecked: refuse rather than miss it.
      const added = publications.filter((p) => !this.attached!.includes(p));
      if (added.length > 0) {
        throw new ProblemError([
          {
            code: 'GC2012',
            path: added[0].node.path,
            message: `${added.length} flow(s) defined after the stack was synthesized, and so after its flow check was built`,
            value: added.map((p) => p.rendered.name),
            fix: 'define every flow before the stack is synthesized (or synthesize a new app)',
          },
        ]);
      }
      return;
    }
    if (publications.length === 0) return;
    this.attached = publications;
    const callers = (shared: SharedFlow) =>
      publications
        .filter((p) => p.sharedFlows.includes(shared))
        .map((p) => p.rendered.name)
        .sort();
    const flows = publications.map((publication): CheckedFlowProps => {
      const owner = publication.node.scope;
      return {
        rendered: publication.rendered,
        payloadPath: publication.asset.path,
        substitutions: publication.substitutions,
        flowResource: publication.resource,
        triggerHash: publication.updateTriggerHash,
        stackCallers: owner instanceof SharedFlow ? callers(owner) : [],
      };
    });
    publications.forEach((publication, i) => {
      const owner = publication.node.scope;
      if (owner instanceof SharedFlow) new FlowDestroyGuard(owner, 'Check', { ...this.options, flow: flows[i], flowId: publication.flowId });
    });
    new FlowCheck(this.stack, 'FlowCheck', { ...this.options, flows });
  }
}

/** The bundled handler as a stack's asset; its own class, so a user's asset under the same id is never taken for it. */
class FlowCheckHandlerAsset extends TerraformAsset {}

/** The asset's id, a child of the stack; it names the asset's folder in the stack output (`assets/FlowCheckHandler/`). */
const HANDLER_ASSET_ID = 'FlowCheckHandler';

/** One copy of the bundled handler per stack (found in the stack's children), started by a path relative to the stack folder. */
function handlerAsset(stack: TerraformStack): TerraformAsset {
  const existing = stack.node.tryFindChild(HANDLER_ASSET_ID);
  if (existing instanceof FlowCheckHandlerAsset) return existing;
  const candidates = [path.join(__dirname, '..', 'handlers', HANDLER_FILE), path.join(__dirname, '..', 'dist', 'handlers', HANDLER_FILE)];
  const bundle = candidates.find((c) => fs.existsSync(c));
  if (!bundle) {
    throw new ProblemError([
      {
        code: 'GC2008',
        path: stack.node.path,
        message: 'the flow check handler bundle is missing',
        value: candidates[candidates.length - 1],
        fix: 'run `npm run build` (it bundles the handler) before synth',
      },
    ]);
  }
  return new FlowCheckHandlerAsset(stack, HANDLER_ASSET_ID, { path: bundle, type: AssetType.FILE });
}
