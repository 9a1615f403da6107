import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { DataGenesyscloudIntegrationAction } from '../.gen/providers/genesyscloud/data-genesyscloud-integration-action';
import { IntegrationAction } from '../.gen/providers/genesyscloud/integration-action';
import { isFunctionDataActionCategory } from '../formats/function-data-action-category';
import { NOT_SHOWN } from '../formats/not-shown';
import { hideUserInfo, mayCarryUserInfo } from '../formats/url-user-info';
import { DataActionSchema, DataActionTarget, Problem } from '../flow';
import { MAX_DATA_ACTION_NAME_LENGTH } from '../flow/names';
import { childPath, fieldTypeProblems, isRecord, literalTextProblems, refuseProblems, safeNameProblems } from './construct-input';
import { contractJsonSchema } from './data-action-contract';
import { IIntegration } from './integration';
import { claimName, refuseNameClash } from './resource-name-claims';
import { terraformText, terraformTextMap } from './terraform-text';

/** HTTP methods a data action request may use (the provider's `request_type` values). */
export type DataActionMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
const METHODS: readonly DataActionMethod[] = ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'];

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
   * inputs and outputs, and calls it only with Call Secure Data in a secure call or voice bot flow (help,
   * "Call Secure Data action"), which this project does not model: a flow's `CallData` of it is refused
   * (GC1017). Changing it replaces the action (a new id).
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
   * Whether the action is secure (the look-up cannot tell; a flow's `CallData` of a secure action is
   * refused, GC1017).
   * @default false
   */
  readonly secure?: boolean;
  /**
   * The integration that owns the action, when its name alone is ambiguous (built-in actions such as
   * "Get User" exist once per integration).
   * @default - looked up by name only
   */
  readonly integration?: IIntegration;
}

/** Problems of a name flows write (category or action name): what the provider and flow YAML accept. */
function nameProblems(path: string, what: string, name: unknown): Problem[] {
  return safeNameProblems('GC2016', path, name, { what, fix: `rename the ${what}`, maxLength: MAX_DATA_ACTION_NAME_LENGTH });
}

function contractProblems(path: string, fields: unknown): Problem[] {
  return fieldTypeProblems('GC2016', path, fields, { fields: 'a contract', field: 'contract field', example: "{ accountId: 'string' }" });
}

/** Words of a header name (split at `-`, `_`, `.`) that make it carry a credential or a PIN. */
const CREDENTIAL_WORDS = /^(authorization|auth|cookie|key|apikey|token|secret|password|passwd|credentials?|session|signature|pin)$/i;
/** A request header that carries a credential by its name (any word of it): the integration's credentials belong there. */
const isCredentialHeader = (name: string): boolean => name.split(/[-_.]/).some((word) => CREDENTIAL_WORDS.test(word));
/** A header value made of `${input.…}` / `${credentials.…}` templates, optionally after a scheme (`Bearer ${credentials.token}`). */
const TEMPLATED_VALUE = /^\s*(?:[A-Za-z]+ +)?(?:\$\{(?:input|credentials)\.[A-Za-z0-9_.]+\}\s*)+$/;

/**
 * A value of the request as a problem may show it: text with user-info hidden (`https://***@host`), an
 * object or array not at all (it may hold a credential header or URL), anything else as given.
 */
function shownRequestValue(value: unknown): unknown {
  if (typeof value === 'string') return hideUserInfo(value);
  return typeof value === 'object' && value !== null ? NOT_SHOWN : value;
}

/** `problems` with each value replaced by what `shown` makes of it. */
const showing = (problems: Problem[], shown: (value: unknown) => unknown): Problem[] =>
  problems.map((p) => (Object.hasOwn(p, 'value') ? { ...p, value: shown(p.value) } : p));

/**
 * Problems of a name → text map. With `isCredential` (headers), a credential entry's value is never
 * shown, nor the map when it is not an object (text such as `'Authorization: Basic …'`).
 */
function stringMapProblems(path: string, map: unknown, what: string, isCredential?: (name: string) => boolean): Problem[] {
  if (map === undefined) return [];
  if (!isRecord(map)) {
    const value = isCredential ? NOT_SHOWN : shownRequestValue(map);
    return [{ code: 'GC2016', path, message: `${what} must be an object of name → text`, value, fix: 'give an object of strings' }];
  }
  return Object.entries(map).flatMap(([key, value]) => [
    ...literalTextProblems('GC2016', `${path}[${JSON.stringify(key)}]`, key, true),
    ...showing(literalTextProblems('GC2016', `${path}[${JSON.stringify(key)}]`, value, true), (v) =>
      isCredential?.(key) ? NOT_SHOWN : shownRequestValue(v),
    ),
  ]);
}

function requestProblems(path: string, request: unknown): Problem[] {
  if (!isRecord(request)) {
    return [
      {
        code: 'GC2016',
        path,
        message: 'the request must be an object',
        value: shownRequestValue(request),
        fix: "give { urlTemplate: 'https://…', method: 'GET' }",
      },
    ];
  }
  const problems: Problem[] = [];
  const { urlTemplate, method, headers, bodyTemplate } = request;
  if (!METHODS.includes(method as DataActionMethod)) {
    problems.push({ code: 'GC2016', path: `${path}.method`, message: 'unknown HTTP method', value: method, fix: `use one of ${METHODS.join(', ')}` });
  }
  const urlText = showing(literalTextProblems('GC2016', `${path}.urlTemplate`, urlTemplate, true), shownRequestValue);
  problems.push(...urlText);
  if (urlText.length === 0 && (urlTemplate as string).trim() === '') {
    problems.push({
      code: 'GC2016',
      path: `${path}.urlTemplate`,
      message: 'the request needs a URL',
      value: urlTemplate,
      fix: 'give the URL template',
    });
  } else if (urlText.length === 0 && mayCarryUserInfo(urlTemplate as string)) {
    problems.push({
      code: 'GC2016',
      path: `${path}.urlTemplate`,
      message:
        'the URL has an @: before it, credentials (user-info) would be stored in the action and in Terraform state (everything up to the last @ is not shown)',
      value: hideUserInfo(urlTemplate as string),
      fix: "remove the credentials: the integration's credentials authenticate the request (an @ meant in the path or query is written %40)",
    });
  }
  problems.push(...stringMapProblems(`${path}.headers`, headers, 'headers', isCredentialHeader));
  if (isRecord(headers)) {
    for (const [name, value] of Object.entries(headers)) {
      if (!isCredentialHeader(name) || typeof value !== 'string' || TEMPLATED_VALUE.test(value)) continue;
      problems.push({
        code: 'GC2016',
        path: `${path}.headers[${JSON.stringify(name)}]`,
        message: 'a literal credential header would be stored in the action and in Terraform state (its value is not shown)',
        value: name,
        fix: "let the integration's credentials authenticate the request, or write the value as a template: 'Bearer ${credentials.token}'",
      });
    }
  }
  problems.push(...showing(literalTextProblems('GC2016', `${path}.bodyTemplate`, bodyTemplate, false), shownRequestValue));
  return problems;
}

function responseProblems(path: string, response: unknown): Problem[] {
  if (response === undefined) return [];
  if (!isRecord(response))
    return [
      { code: 'GC2016', path, message: 'the response must be an object', value: response, fix: 'give { translationMap: { … } } or leave it out' },
    ];
  return [
    ...stringMapProblems(`${path}.translationMap`, response.translationMap, 'translationMap'),
    ...stringMapProblems(`${path}.translationMapDefaults`, response.translationMapDefaults, 'translationMapDefaults'),
    ...literalTextProblems('GC2016', `${path}.successTemplate`, response.successTemplate, false),
  ];
}

/** An integration as this app's constructs give it (a JavaScript caller may pass anything). */
function isIntegration(x: unknown): x is IIntegration {
  return isRecord(x) && typeof x.integrationName === 'string' && typeof x.integrationId === 'string';
}

function integrationProblems(path: string, integration: unknown, required: boolean): Problem[] {
  if (isIntegration(integration) || (!required && integration === undefined)) return [];
  return [
    {
      code: 'GC2016',
      path,
      message: 'not an integration',
      value: integration,
      fix: "pass Integration.fromName(scope, id, 'Integration name')",
    },
  ];
}

function dataActionProblems(path: string, props: unknown): Problem[] {
  if (!isRecord(props)) {
    return [
      {
        code: 'GC2016',
        path,
        message: 'a data action needs its props',
        value: shownRequestValue(props),
        fix: 'pass { integration, name, inputs, outputs, request }',
      },
    ];
  }
  const category = props.category ?? (isIntegration(props.integration) ? props.integration.integrationName : undefined);
  const problems = [
    ...integrationProblems(`${path}.integration`, props.integration, true),
    ...nameProblems(`${path}.name`, 'data action name', props.name),
    ...(category === undefined ? [] : nameProblems(`${path}.category`, 'data action category', category)),
    ...contractProblems(`${path}.inputs`, props.inputs),
    ...contractProblems(`${path}.outputs`, props.outputs),
  ];
  if (typeof category === 'string' && isFunctionDataActionCategory(category)) {
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
  if (timeout !== undefined && !(Number.isInteger(timeout) && (timeout as number) >= 1 && (timeout as number) <= 60)) {
    problems.push({
      code: 'GC2016',
      path: `${path}.timeoutSeconds`,
      message: 'timeout must be a whole number of seconds from 1 to 60',
      value: timeout,
      fix: 'use 1-60',
    });
  }
  if (props.secure !== undefined && typeof props.secure !== 'boolean') {
    problems.push({
      code: 'GC2016',
      path: `${path}.secure`,
      message: 'secure must be true or false',
      value: props.secure,
      fix: 'write true or false (no quotes)',
    });
  }
  problems.push(...requestProblems(`${path}.request`, props.request), ...responseProblems(`${path}.response`, props.response));
  return problems;
}

function referenceProblems(path: string, reference: unknown): Problem[] {
  if (!isRecord(reference)) {
    return [
      {
        code: 'GC2016',
        path,
        message: 'a data action reference is needed',
        value: reference,
        fix: 'pass { integrationName, actionName, inputs, outputs }',
      },
    ];
  }
  return [
    ...nameProblems(`${path}.actionName`, 'data action name', reference.actionName),
    ...nameProblems(`${path}.integrationName`, 'data action category', reference.integrationName),
    ...contractProblems(`${path}.inputs`, reference.inputs),
    ...contractProblems(`${path}.outputs`, reference.outputs),
    ...integrationProblems(`${path}.integration`, reference.integration, false),
  ];
}

/** The key a data action is claimed by in its stack: flows address it by category and name. */
const claimKey = (category: string, name: string): string => JSON.stringify([category, name]);

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
  /** Whether the action is secure (a flow's `CallData` of a secure action is refused, GC1017). */
  readonly secure: boolean;
  readonly resource: IntegrationAction;

  constructor(scope: Construct, id: string, props: DataActionProps<I, O>) {
    const path = childPath(scope, id);
    const category = props?.category ?? props?.integration?.integrationName;
    refuseProblems(dataActionProblems(path, props));
    refuseNameClash(scope, 'data action', claimKey(category, props.name), path, `${category} / ${props.name}`);
    super(scope, id);
    claimName(this, 'data action', claimKey(category, props.name), this.node.path);
    this.integrationName = category;
    this.actionName = props.name;
    this.inputs = props.inputs;
    this.outputs = props.outputs;
    this.secure = props.secure ?? false;
    const { request, response } = props;
    this.resource = new IntegrationAction(this, 'Resource', {
      name: terraformText(props.name),
      category: terraformText(category),
      integrationId: props.integration.integrationId,
      secure: this.secure,
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
  readonly secure: boolean;
  readonly dependable: ITerraformDependable;
  readonly actionId: string;

  constructor(scope: Construct, id: string, reference: DataActionReference<I, O>) {
    const path = childPath(scope, id);
    refuseProblems(referenceProblems(path, reference));
    const { integrationName, actionName } = reference;
    refuseNameClash(scope, 'data action', claimKey(integrationName, actionName), path, `${integrationName} / ${actionName}`);
    super(scope, id);
    claimName(this, 'data action', claimKey(reference.integrationName, reference.actionName), this.node.path);
    this.integrationName = reference.integrationName;
    this.actionName = reference.actionName;
    this.inputs = reference.inputs;
    this.outputs = reference.outputs;
    this.secure = reference.secure === true;
    const lookup = new DataGenesyscloudIntegrationAction(this, 'Lookup', {
      name: terraformText(reference.actionName),
      integrationId: reference.integration?.integrationId,
    });
    this.dependable = lookup;
    this.actionId = lookup.id;
  }
}
