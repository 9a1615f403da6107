import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { DataGenesyscloudIntegrationAction } from '../.gen/providers/genesyscloud/data-genesyscloud-integration-action';
import { IntegrationAction } from '../.gen/providers/genesyscloud/integration-action';
import { DATA_TYPES, DataActionSchema, DataActionTarget, Problem, ProblemError } from '../flow';
import { contractJsonSchema } from './data-action-contract';
import { IIntegration } from './integration';
import { isSafeName } from './safe-name';
import { terraformText, terraformTextMap } from './terraform-text';

/** HTTP methods a data action request may use (the provider's `request_type` values). */
export type DataActionMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
const METHODS: readonly DataActionMethod[] = ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'];

/** The provider's limit on action names and categories. */
const MAX_NAME_LENGTH = 256;

/**
 * A data action as flows see it, whether this stack manages it or it exists in the org: its names and
 * contract, what flows calling it depend on, and its id.
 */
export interface IDataAction<I extends DataActionSchema = DataActionSchema, O extends DataActionSchema = DataActionSchema> extends DataActionTarget<
  I,
  O
> {
  /** What the resources of flows calling it depend on (the action resource or its lookup). */
  readonly dependable: ITerraformDependable;
  /** Terraform reference to the action's id. */
  readonly actionId: string;
}

/** The outbound request of a data action. Templates are Velocity (`${input.accountId}`), sent to Genesys as written. */
export interface DataActionRequest {
  /** URL, with `${input.<field>}` placeholders. */
  readonly urlTemplate: string;
  readonly method: DataActionMethod;
  /**
   * @default - no headers
   */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Velocity template of the request body.
   * @default - the platform's default (the inputs as JSON)
   */
  readonly bodyTemplate?: string;
}

/** How the response becomes the output contract. */
export interface DataActionResponse {
  /**
   * Output name → JSON path into the response (`$.Name`).
   * @default - none
   */
  readonly translationMap?: Readonly<Record<string, string>>;
  /**
   * Output name → value used when its JSON path finds nothing.
   * @default - none
   */
  readonly translationMapDefaults?: Readonly<Record<string, string>>;
  /**
   * Velocity template of the result (`{"name": ${nameValue}}`).
   * @default - the platform's default (the raw result)
   */
  readonly successTemplate?: string;
}

export interface DataActionProps<I extends DataActionSchema, O extends DataActionSchema> {
  /** The integration the action belongs to (its credentials are used for the request). */
  readonly integration: IIntegration;
  /** The action's name (up to 256 characters). */
  readonly name: string;
  /** Input contract: each field a flow passes, with its type. Every input is required. */
  readonly inputs: I;
  /** Output contract (success): each field a flow may read, with its type. */
  readonly outputs: O;
  readonly request: DataActionRequest;
  /**
   * @default - the platform's defaults (the raw result)
   */
  readonly response?: DataActionResponse;
  /**
   * A secure data action is one designed to take sensitive data (PCI, PII): Genesys does not log its
   * inputs and outputs, and Architect marks the flows calling it as handling secure data. Changing it
   * replaces the action (a new id).
   * @default false
   */
  readonly secure?: boolean;
  /**
   * Timeout of each execution, 1–60 seconds.
   * @default - the platform's default
   */
  readonly timeoutSeconds?: number;
  /**
   * Category of the action, which flows address it by (Archy `callData` category).
   * @default - the integration's name
   */
  readonly category?: string;
}

/** A data action defined elsewhere, for `DataAction.fromName`. */
export interface DataActionReference<I extends DataActionSchema, O extends DataActionSchema> {
  /** The integration's name (the action's category, which flows address it by). */
  readonly integrationName: string;
  /** The action's name. */
  readonly actionName: string;
  readonly inputs: I;
  readonly outputs: O;
  /**
   * The integration that owns the action, when its name alone is ambiguous (built-in actions such as
   * "Get User" exist once per integration).
   * @default - looked up by name only
   */
  readonly integration?: IIntegration;
}

/** Problems of a name flows write (category or action name): what the provider and flow YAML accept. */
function nameProblems(path: string, what: string, name: string): Problem[] {
  if (isSafeName(name) && name.length <= MAX_NAME_LENGTH) return [];
  return [
    {
      code: 'GC2016',
      path,
      message: `${what} must be 1-${MAX_NAME_LENGTH} characters, without leading/trailing spaces, quotes, backslashes, control characters or {{ }}`,
      value: name,
      fix: `rename the ${what}`,
    },
  ];
}

function contractProblems(path: string, fields: DataActionSchema): Problem[] {
  return Object.entries(fields).flatMap(([name, type]): Problem[] => {
    if (!isSafeName(name)) {
      return [{ code: 'GC2016', path: `${path}.${name}`, message: 'contract field name is not a safe name', value: name, fix: 'rename the field' }];
    }
    if (!DATA_TYPES.includes(type)) {
      return [{ code: 'GC2016', path: `${path}.${name}`, message: 'unknown data type', value: type, fix: `use one of ${DATA_TYPES.join(', ')}` }];
    }
    return [];
  });
}

/** A category containing "function data action" makes the platform expect function code, which this construct does not ship. */
function isFunctionCategory(category: string): boolean {
  return category.toLowerCase().replace(/[_-]/g, ' ').includes('function data action');
}

function dataActionProblems<I extends DataActionSchema, O extends DataActionSchema>(
  path: string,
  props: DataActionProps<I, O>,
  category: string,
): Problem[] {
  const problems = [
    ...nameProblems(`${path}.name`, 'data action name', props.name),
    ...nameProblems(`${path}.category`, 'data action category', category),
    ...contractProblems(`${path}.inputs`, props.inputs),
    ...contractProblems(`${path}.outputs`, props.outputs),
  ];
  if (isFunctionCategory(category)) {
    problems.push({
      code: 'GC2016',
      path: `${path}.category`,
      message:
        "a category containing 'function data action' makes the platform treat the action as a function data action, which needs function code",
      value: category,
      fix: 'use another category (by default the integration name)',
    });
  }
  const timeout = props.timeoutSeconds;
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout >= 1 && timeout <= 60)) {
    problems.push({
      code: 'GC2016',
      path: `${path}.timeoutSeconds`,
      message: 'timeout must be a whole number of seconds from 1 to 60',
      value: timeout,
      fix: 'use 1-60',
    });
  }
  if (!METHODS.includes(props.request.method)) {
    problems.push({
      code: 'GC2016',
      path: `${path}.request.method`,
      message: 'unknown HTTP method',
      value: props.request.method,
      fix: `use one of ${METHODS.join(', ')}`,
    });
  }
  if (props.request.urlTemplate.trim() === '') {
    problems.push({
      code: 'GC2016',
      path: `${path}.request.urlTemplate`,
      message: 'the request needs a URL',
      value: props.request.urlTemplate,
      fix: 'give the URL template',
    });
  }
  return problems;
}

/** A data action managed by this stack (`genesyscloud_integration_action`), which flows call by its category and name. */
export class DataAction<I extends DataActionSchema = DataActionSchema, O extends DataActionSchema = DataActionSchema>
  extends Construct
  implements IDataAction<I, O>
{
  /**
   * A data action that exists in the org, looked up by name (`data.genesyscloud_integration_action`),
   * with the contract calls are checked against.
   */
  static fromName<I extends DataActionSchema, O extends DataActionSchema>(
    scope: Construct,
    id: string,
    reference: DataActionReference<I, O>,
  ): IDataAction<I, O> {
    return new ImportedDataAction(scope, id, reference);
  }

  readonly integrationName: string;
  readonly actionName: string;
  readonly inputs: I;
  readonly outputs: O;
  readonly resource: IntegrationAction;

  constructor(scope: Construct, id: string, props: DataActionProps<I, O>) {
    super(scope, id);
    const category = props.category ?? props.integration.integrationName;
    const problems = dataActionProblems(this.node.path, props, category);
    if (problems.length > 0) throw new ProblemError(problems);
    this.integrationName = category;
    this.actionName = props.name;
    this.inputs = props.inputs;
    this.outputs = props.outputs;
    const { request, response } = props;
    this.resource = new IntegrationAction(this, 'Resource', {
      name: terraformText(props.name),
      category: terraformText(category),
      integrationId: props.integration.integrationId,
      secure: props.secure ?? false,
      configTimeoutSeconds: props.timeoutSeconds,
      contractInput: terraformText(contractJsonSchema(props.inputs, true)),
      contractOutput: terraformText(contractJsonSchema(props.outputs, false)),
      configRequest: {
        requestUrlTemplate: terraformText(request.urlTemplate),
        requestType: request.method,
        headers: request.headers && terraformTextMap(request.headers),
        requestTemplate: terraformText(request.bodyTemplate),
      },
      configResponse: response && {
        translationMap: response.translationMap && terraformTextMap(response.translationMap),
        translationMapDefaults: response.translationMapDefaults && terraformTextMap(response.translationMapDefaults),
        successTemplate: terraformText(response.successTemplate),
      },
    });
  }

  get dependable(): ITerraformDependable {
    return this.resource;
  }
  get actionId(): string {
    return this.resource.id;
  }
}

class ImportedDataAction<I extends DataActionSchema, O extends DataActionSchema> extends Construct implements IDataAction<I, O> {
  readonly integrationName: string;
  readonly actionName: string;
  readonly inputs: I;
  readonly outputs: O;
  readonly dependable: ITerraformDependable;
  readonly actionId: string;

  constructor(scope: Construct, id: string, reference: DataActionReference<I, O>) {
    super(scope, id);
    const path = this.node.path;
    const problems = [
      ...nameProblems(`${path}.actionName`, 'data action name', reference.actionName),
      ...nameProblems(`${path}.integrationName`, 'data action category', reference.integrationName),
      ...contractProblems(`${path}.inputs`, reference.inputs),
      ...contractProblems(`${path}.outputs`, reference.outputs),
    ];
    if (problems.length > 0) throw new ProblemError(problems);
    this.integrationName = reference.integrationName;
    this.actionName = reference.actionName;
    this.inputs = reference.inputs;
    this.outputs = reference.outputs;
    const lookup = new DataGenesyscloudIntegrationAction(this, 'Lookup', {
      name: terraformText(reference.actionName),
      integrationId: reference.integration?.integrationId,
    });
    this.dependable = lookup;
    this.actionId = lookup.id;
  }
}
