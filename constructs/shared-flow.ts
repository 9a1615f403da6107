import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { DataGenesyscloudFlow } from '../.gen/providers/genesyscloud/data-genesyscloud-flow';
import { CommonModuleFlow, CommonModuleFlowProps, FLOW_TYPE_INFO, FlowType, ParameterSpec } from '../flow';
import { FlowPublication } from './flow-publication';
import { referencedDependables } from './referenced-resources';
import { ISharedFlow, SHARED_FLOW_MARKER } from './i-shared-flow';
import { terraformText } from './terraform-text';

export interface SharedFlowProps<O extends string> extends CommonModuleFlowProps<O> {
  /**
   * Unlock the flow if a user holds a lock on it when publishing (the provider first publishes the
   * user's draft).
   * @default false
   */
  readonly forceUnlock?: boolean;
}

/** Interface of a module defined elsewhere, for `SharedFlow.fromName`. */
export interface SharedFlowSignature<O extends string> {
  readonly inputs?: Readonly<Record<string, ParameterSpec>>;
  readonly outputs?: Readonly<Record<string, ParameterSpec>>;
  readonly outcomes: readonly O[];
  /**
   * @default ['inboundcall']
   */
  readonly compatibleFlowTypes?: readonly FlowType[];
  /**
   * Content hash of the module (e.g. another stack's `SharedFlow.contentHash`), so callers here
   * republish when it changes.
   * @default - callers do not follow the module's changes
   */
  readonly contentHash?: string;
}

/**
 * Shared Architect logic (a common module) written once and called from any number of flows.
 * Renders its YAML to an asset and publishes it with `genesyscloud_flow`.
 */
export class SharedFlow<O extends string = string> extends Construct implements ISharedFlow<O> {
  /**
   * A module that exists elsewhere (another stack, or already in the org), looked up by name at plan
   * time (`data.genesyscloud_flow`), with the interface callers are checked against.
   */
  static fromName<O extends string>(scope: Construct, id: string, flowName: string, signature: SharedFlowSignature<O>): ISharedFlow<O> {
    return new ImportedSharedFlow(scope, id, flowName, signature);
  }

  readonly [SHARED_FLOW_MARKER] = true as const;
  readonly definition: CommonModuleFlow<O>;
  readonly publication: FlowPublication;

  constructor(scope: Construct, id: string, props: SharedFlowProps<O>) {
    const definition = new CommonModuleFlow(props); // before super: a refused definition leaves no node behind
    super(scope, id);
    this.definition = definition;
    this.publication = new FlowPublication(this, 'Publication', {
      definition: this.definition,
      path: this.node.path,
      substitutions: {},
      sharedFlows: [],
      dependsOn: referencedDependables(this.definition),
      forceUnlock: props.forceUnlock,
    });
  }

  get flowName(): string {
    return this.definition.name;
  }
  get inputs(): Readonly<Record<string, ParameterSpec>> {
    return this.definition.inputs;
  }
  get outputs(): Readonly<Record<string, ParameterSpec>> {
    return this.definition.outputs;
  }
  get outcomes(): readonly O[] {
    return this.definition.outcomes;
  }
  get compatibleFlowTypes(): readonly FlowType[] {
    return this.definition.compatibleFlowTypes;
  }
  /** sha256 of the rendered YAML. */
  get contentHash(): string {
    return this.publication.rendered.contentHash;
  }
  get dependable(): ITerraformDependable {
    return this.publication.resource;
  }
  get flowId(): string {
    return this.publication.flowId;
  }
}

class ImportedSharedFlow<O extends string> extends Construct implements ISharedFlow<O> {
  readonly [SHARED_FLOW_MARKER] = true as const;
  readonly inputs: Readonly<Record<string, ParameterSpec>>;
  readonly outputs: Readonly<Record<string, ParameterSpec>>;
  readonly outcomes: readonly O[];
  readonly compatibleFlowTypes: readonly FlowType[];
  readonly contentHash: string | undefined;
  readonly dependable: ITerraformDependable;
  readonly flowId: string;

  constructor(
    scope: Construct,
    id: string,
    readonly flowName: string,
    signature: SharedFlowSignature<O>,
  ) {
    super(scope, id);
    this.inputs = signature.inputs ?? {};
    this.outputs = signature.outputs ?? {};
    this.outcomes = signature.outcomes;
    this.compatibleFlowTypes = signature.compatibleFlowTypes ?? ['inboundcall'];
    this.contentHash = signature.contentHash;
    const lookup = new DataGenesyscloudFlow(this, 'Lookup', { name: terraformText(flowName), type: FLOW_TYPE_INFO.commonmodule.apiType });
    this.dependable = lookup;
    this.flowId = lookup.id;
  }
}
