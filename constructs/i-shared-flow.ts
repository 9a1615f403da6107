import { ITerraformDependable } from 'cdktf';
import { SharedFlowInterface } from '../flow';

/** A shared flow callers can use: its interface plus what Terraform needs to order and republish them. */
export interface ISharedFlow<O extends string = string> extends SharedFlowInterface<O> {
  /**
   * sha256 of the module's rendered content, or undefined for a module this app does not render
   * (callers then republish only when their own content changes).
   */
  readonly contentHash: string | undefined;
  /** What callers' flow resources depend on. */
  readonly dependable: ITerraformDependable | undefined;
  /** The flow id (a Terraform reference). */
  readonly flowId: string;
}
