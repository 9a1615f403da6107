import { Construct } from 'constructs';
import { IResolvable, IResolveContext, ITerraformDependable, TerraformStack, Token } from 'cdktf';
import { Flow as GenesyscloudFlow } from '../.gen/providers/genesyscloud/flow';
import { FlowDefinition, RenderedFlow, sha256, ProblemError } from '../flow';
import type { ISharedFlow } from './i-shared-flow';
import { FlowFile, flowFileName } from './flow-file';
import { terraformTextMap } from './terraform-text';
import { dependOn } from './depends-on';
import { StackClaims } from './stack-claims';

/** How a flow construct (`CallFlow`, `InQueueFlow`) publishes: what its props add to the flow definition's. */
export interface FlowPublishingOptions {
  /**
   * Unlock the flow if a user holds a lock on it when publishing.
   * @default false
   */
  readonly forceUnlock?: boolean;
  /**
   * Resources the flow must be published after (besides the queues, shared flows and flows it names).
   * @default - none
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

export interface FlowPublicationProps {
  /** Validated and rendered here; a bad definition throws before anything is written to cdktf.out. */
  readonly definition: FlowDefinition;
  /** Path used in error messages (the owning construct's path). */
  readonly path: string;
  /**
   * Provider substitutions: key (without braces) → Terraform reference (a cdktf token), or literal text
   * (escaped for Terraform here).
   */
  readonly substitutions: Readonly<Record<string, string>>;
  /** Shared flows the definition calls: dependencies and part of the trigger hash. */
  readonly sharedFlows: readonly ISharedFlow[];
  /** Extra resources the flow must be published after. */
  readonly dependsOn?: readonly ITerraformDependable[];
  readonly forceUnlock?: boolean;
}

/**
 * The YAML asset and `genesyscloud_flow` of one flow. `name`, `type` and `file_content_hash` are never
 * set (the provider computes them; setting them gives perpetual diffs). The update trigger hash covers
 * the YAML, the substitutions and the content hash of every shared flow called, so a change to a
 * shared flow republishes exactly its callers (Architect binds a module at its caller's publish time).
 */
export class FlowPublication extends Construct {
  readonly rendered: RenderedFlow;
  /** Paths of the definition's raw actions, whose Archy content nothing checked (`RawAction`). */
  readonly uncheckedActions: readonly string[];
  /** The rendered YAML, shipped at a `TerraformAsset`'s path and written once, at synth. */
  readonly asset: FlowFile;
  /**
   * Provider substitutions as the flow resource gets them: key → Terraform reference, or literal text
   * escaped for Terraform. Empty when the flow substitutes nothing (the resource then sets none).
   */
  readonly substitutions: Readonly<Record<string, string>>;
  /** Shared flows the definition calls. */
  readonly sharedFlows: readonly ISharedFlow[];
  /** The flow resource's update trigger hash: a token, resolved at synth; the flow is republished when it changes. */
  readonly updateTriggerHash: string;
  /** The `genesyscloud_flow` that publishes the flow. */
  readonly resource: GenesyscloudFlow;
  private idToken?: string;

  constructor(scope: Construct, id: string, props: FlowPublicationProps) {
    super(scope, id);
    this.rendered = props.definition.render(props.path);
    this.uncheckedActions = props.definition.uncheckedActions(props.path);
    claimFlowName(this, this.rendered, props.path);
    this.asset = new FlowFile(this, 'Yaml', flowFileName(this.rendered.name), this.rendered.yaml);
    this.sharedFlows = props.sharedFlows;
    const dependencies: ITerraformDependable[] = [...(props.dependsOn ?? [])];
    for (const shared of props.sharedFlows) if (shared.dependable) dependencies.push(shared.dependable);
    const substitutions = props.substitutions;
    const rendered = this.rendered;
    this.substitutions = terraformTextMap(substitutions);
    this.updateTriggerHash = Token.asString(
      new TriggerHash((context) =>
        JSON.stringify({
          content: rendered.contentHash,
          substitutions: Object.entries(context.resolve(substitutions) as Record<string, string>).sort(([a], [b]) => a.localeCompare(b)),
          sharedFlows: props.sharedFlows.map((s) => [s.flowName, s.contentHash ?? 'external']).sort(([a], [b]) => a.localeCompare(b)),
        }),
      ),
    );
    this.resource = new GenesyscloudFlow(this, 'Resource', {
      filepath: this.asset.path,
      substitutions: Object.keys(this.substitutions).length > 0 ? this.substitutions : undefined,
      updateTriggerHash: this.updateTriggerHash,
      forceUnlock: props.forceUnlock,
    });
    dependOn(this.resource, dependencies);
  }

  /**
   * The flow id (a Terraform reference to `genesyscloud_flow.id`), one token for every caller: the
   * binding's getter makes a new token, with a captured stack trace, on every read.
   */
  get flowId(): string {
    this.idToken ??= this.resource.id;
    return this.idToken;
  }
}

/**
 * The update trigger hash, produced at synth (substitutions are references resolved only then): what
 * `Lazy.stringValue` would give, without the stack trace cdktf captures for every Lazy (a tenth of the
 * construct tree's time at 1 000 flows).
 *
 * cdktf resolves it three times per synth (the flow resource while preparing and while writing, the
 * stack's check only while writing: the check is added at synth, after the preparing pass). Its input is
 * fixed once the tree is built (content hashes, and references whose identifiers cdktf fixes when it
 * creates them); only a cross-stack reference resolves differently, once the first preparing pass has
 * registered it. So the hash is kept per resolving stack from the first preparing resolve on, and reused
 * after that.
 */
class TriggerHash implements IResolvable {
  readonly creationStack: string[] = [];
  private readonly prepared = new Map<TerraformStack, string>();

  constructor(private readonly input: (context: IResolveContext) => string) {}

  resolve(context: IResolveContext): string {
    const stack = TerraformStack.of(context.scope);
    const known = this.prepared.get(stack);
    if (known !== undefined) return known;
    const hash = sha256(this.input(context));
    if (context.preparing) this.prepared.set(stack, hash);
    return hash;
  }

  toString(): string {
    return Token.asString(this);
  }
}

/**
 * The import job identifies a flow by name and type: two flows with one name in a stack would
 * overwrite each other in the org.
 */
function claimFlowName(scope: Construct, rendered: RenderedFlow, path: string): void {
  const names = StackClaims.of(scope, 'flow-names');
  const key = `${rendered.type}:${rendered.name}`;
  const first = names.ownerOf(key);
  if (first !== undefined) {
    throw new ProblemError([
      {
        code: 'GC2006',
        path,
        message: `flow name is already used by ${first} in this stack; Genesys would treat both as one flow`,
        value: rendered.name,
        fix: 'give each flow its own name',
      },
    ]);
  }
  names.claim(key, path);
}
