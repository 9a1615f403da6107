import * as fs from 'fs';
import * as path from 'path';
import { Construct, IConstruct } from 'constructs';
import { AssetType, ITerraformDependable, TerraformAsset, TerraformStack } from 'cdktf';
import { FLOW_TYPE_INFO, RenderedFlow } from '../flow';
import { CallFlow } from './call-flow';
import { ConstructError } from './construct-error';
import { FlowPublication } from './flow-publication';
import { SharedFlow } from './shared-flow';
import { TerraformData } from './terraform-data';
import { terraformText } from './terraform-text';

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

export interface FlowCheckProps extends FlowCheckOptions {
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
   * The flow's id, as a Terraform reference to the `genesyscloud_flow` resource's `id` (known after the
   * apply). Carried only in the destroy guard's input: the guard looks the shared flow up by id, so a
   * rename in Architect cannot make it look gone.
   * @default - the guard looks the flow up by name
   */
  readonly flowId?: string;
  /**
   * Names of the flows of this stack that call this (shared) flow.
   * @default - none
   */
  readonly stackCallers?: readonly string[];
}

const HANDLER_FILE = 'flow-check.js';

/**
 * Checks after every apply what Genesys really published for one flow (the provider never reads flow
 * content back): a `terraform_data` that depends on the flow resource, is replaced whenever the rendered
 * payload or its substitutions change, and runs the bundled Node handler with `local-exec`. For a shared
 * flow, a second `terraform_data` that never changes with content runs the destroy-time guard.
 */
export class FlowCheck extends Construct {
  /** Attaches a FlowCheck to every flow published in `stack` (call after all flows are defined). */
  static attachToStack(stack: TerraformStack, options: FlowCheckOptions): FlowCheck[] {
    const publications = stack.node.findAll().filter((c): c is FlowPublication => c instanceof FlowPublication);
    const callers = (shared: IConstruct) =>
      stack.node
        .findAll()
        .filter((c): c is CallFlow => c instanceof CallFlow && c.sharedFlows.some((s) => s === (shared as unknown)))
        .map((c) => c.flowName)
        .sort();
    return publications.map((publication) => {
      const owner = publication.node.scope!;
      return new FlowCheck(owner, 'Check', {
        ...options,
        rendered: publication.rendered,
        payloadPath: publication.asset.path,
        substitutions: publication.resource.substitutionsInput,
        flowResource: publication.resource,
        flowId: publication.resource.id,
        triggerHash: publication.resource.updateTriggerHashInput,
        stackCallers: owner instanceof SharedFlow ? callers(owner) : [],
      });
    });
  }

  readonly check: TerraformData;
  readonly destroyGuard?: TerraformData;

  constructor(scope: Construct, id: string, props: FlowCheckProps) {
    super(scope, id);
    const { rendered } = props;
    const handler = handlerAsset(TerraformStack.of(this));
    const command = (mode: 'create' | 'destroy') => `node "${handler.path}" ${mode}`;
    const environment = { FLOW_CHECK_INPUT: '${jsonencode(self.input)}' };
    // Names are literal text in a Terraform string (escaped); substitutions come from the flow resource,
    // already escaped there.
    const input = {
      flowName: terraformText(rendered.name),
      flowType: FLOW_TYPE_INFO[rendered.type].apiType,
      contentHash: rendered.contentHash,
      payloadPath: terraformText(props.payloadPath),
      substitutions: props.substitutions ?? {},
      region: terraformText(props.region),
      stackCallers: (props.stackCallers ?? []).map((name) => terraformText(name)),
      republishExternalCallers: props.republishExternalCallers ?? false,
      allowDestroyWithExternalCallers: props.allowDestroyWithExternalCallers ?? false,
    };
    this.check = new TerraformData(this, 'Resource', {
      input,
      triggersReplace: { contentHash: rendered.contentHash, substitutions: input.substitutions, stackCallers: input.stackCallers, republish: props.triggerHash ?? '' },
      dependsOn: props.flowResource ? [props.flowResource] : undefined,
      provisioners: [{ type: 'local-exec', command: command('create'), environment }],
    });
    if (rendered.type === 'commonmodule') {
      // Its input does not follow content, so a module edit never runs the destroy guard: the flow id
      // stays the same across republishes (and a changed input is updated in place, which runs no
      // destroy-time provisioner).
      this.destroyGuard = new TerraformData(this, 'DestroyGuard', {
        input: { ...input, contentHash: 'n/a', payloadPath: 'n/a', substitutions: {}, ...(props.flowId !== undefined ? { flowId: props.flowId } : {}) },
        dependsOn: props.flowResource ? [props.flowResource] : undefined,
        provisioners: [{ type: 'local-exec', when: 'destroy', command: command('destroy'), environment }],
      });
    }
  }
}

const handlerAssets = new WeakMap<TerraformStack, TerraformAsset>();

/** One copy of the bundled handler per stack, started by a path relative to the stack folder. */
function handlerAsset(stack: TerraformStack): TerraformAsset {
  let asset = handlerAssets.get(stack);
  if (!asset) {
    const candidates = [path.join(__dirname, '..', 'handlers', HANDLER_FILE), path.join(__dirname, '..', 'dist', 'handlers', HANDLER_FILE)];
    const bundle = candidates.find((c) => fs.existsSync(c));
    if (!bundle) {
      throw new ConstructError('GC2008', stack.node.path, 'the flow check handler bundle is missing', candidates[candidates.length - 1], 'run `npm run build` (it bundles the handler) before synth');
    }
    asset = new TerraformAsset(stack, 'FlowCheckHandler', { path: bundle, type: AssetType.FILE });
    handlerAssets.set(stack, asset);
  }
  return asset;
}
