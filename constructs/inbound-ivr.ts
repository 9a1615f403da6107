import { Construct } from 'constructs';
import { ArchitectIvr } from '../.gen/providers/genesyscloud/architect-ivr';
import { TelephonyProvidersEdgesDidPool } from '../.gen/providers/genesyscloud/telephony-providers-edges-did-pool';
import {
  CallSharedFlow,
  Disconnect,
  Expression,
  inQueueFlowProblem,
  isFlowTarget,
  isQueueTarget,
  PlayAudio,
  Problem,
  ProblemError,
  Prompt,
  QueueTarget,
  Task,
  TransferToAcd,
} from '../flow';
import { describeValue } from '../flow/arguments';
import { CallFlow } from './call-flow';
import { isE164 } from '../formats/e164';
import { RoutedNumbers, inNumberRange, isNumberRange } from '../formats/dnis-rules';
import type { ISharedFlow } from './i-shared-flow';
import type { IInQueueFlow } from './i-flow';
import { terraformText, terraformTextList } from './terraform-text';

export interface DidPoolProps {
  /** First number of the pool (E.164). */
  readonly startPhoneNumber: string;
  /** Last number of the pool (E.164). Changing either number re-creates the pool (new id). */
  readonly endPhoneNumber: string;
  /**
   * @default 'PURE_CLOUD_VOICE'
   */
  readonly provider?: 'PURE_CLOUD' | 'PURE_CLOUD_VOICE';
  /**
   * @default - no description
   */
  readonly description?: string;
}

export interface IvrScheduleProps {
  /** Id of a `genesyscloud_architect_schedulegroups` resource. */
  readonly scheduleGroupId: string;
  /** Flow for closed hours; the platform requires it whenever a schedule group is set. */
  readonly closedHoursFlow: CallFlow;
  /**
   * @default - holidays follow the schedule group's closed hours
   */
  readonly holidayHoursFlow?: CallFlow;
}

/** Where an outcome routes when the caller should hear another in-queue flow than the queue's own. */
export interface IvrRoute {
  readonly queue: QueueTarget;
  /**
   * The in-queue flow the caller hears while waiting (Architect's "Override default in-queue handling" on
   * the route's Transfer to ACD); works for queues managed elsewhere too. The IVR's flow is published after it.
   * @default - the queue's own in-queue flow
   */
  readonly inQueueFlow?: IInQueueFlow;
}

/** A route given as a bare queue (which has the text it writes into the YAML), or with options (an `IvrRoute`). */
function routeOptions(route: QueueTarget | IvrRoute): IvrRoute {
  return typeof (route as Partial<QueueTarget>).nameInFlow === 'string' ? { queue: route as QueueTarget } : (route as IvrRoute);
}

/** What is wrong with the route of outcome `o`, each problem showing the value actually given. */
function routeProblems(o: string, route: unknown, sharedFlowName: string, path: string): Problem[] {
  if (route === undefined || route === null) {
    return [
      {
        code: 'GC2005',
        path: `${path} > routes`,
        message: `outcome '${o}' of shared flow '${sharedFlowName}' has no route`,
        value: o,
        fix: `add routes.${o}`,
      },
    ];
  }
  const queue: unknown = typeof route === 'object' ? routeOptions(route as IvrRoute).queue : undefined;
  if (typeof route === 'object' && queue === undefined) {
    return [
      {
        code: 'GC2005',
        path: `${path} > routes`,
        message: `outcome '${o}' of shared flow '${sharedFlowName}' has no route`,
        value: o,
        fix: `add routes.${o}.queue`,
      },
    ];
  }
  if (!isQueueTarget(queue)) {
    return [
      {
        code: 'GC2005',
        path: `${path} > routes.${o}`,
        message: `the route of outcome '${o}' is not a queue or { queue, inQueueFlow }`,
        value: describeValue(route),
        fix: `route to a Queue construct or Queue.fromName(...), e.g. routes.${o}: salesQueue or { queue: salesQueue }`,
      },
    ];
  }
  const inQueueFlow: unknown = routeOptions(route as IvrRoute).inQueueFlow;
  if (inQueueFlow === undefined) return [];
  const fix = 'pass an InQueueFlow construct or InQueueFlow.fromName(...)';
  const at = `${path} > routes.${o}.inQueueFlow`;
  if (!isFlowTarget(inQueueFlow)) {
    return [{ code: 'GC1032', path: at, message: 'the in-queue flow a route overrides with is not a flow', value: describeValue(inQueueFlow), fix }];
  }
  const problem = inQueueFlowProblem(inQueueFlow);
  if (problem === undefined) return [];
  return [
    {
      code: 'GC1032',
      path: at,
      message: `${problem}; the in-queue flow a route overrides with must be an in-queue call flow`,
      value: inQueueFlow.flowName,
      fix,
    },
  ];
}

export interface InboundIvrProps<O extends string> {
  /**
   * IVR configuration name. Renaming re-creates the IVR (the provider marks `name` ForceNew).
   */
  readonly name: string;
  /**
   * Name of the IVR's inbound call flow.
   * @default - the IVR name
   */
  readonly flowName?: string;
  /**
   * @default - no description
   */
  readonly description?: string;
  /**
   * Architect division name written into the flow.
   * @default 'Home'
   */
  readonly divisionName?: string;
  /**
   * Division id of the IVR configuration.
   * @default - the provider's default (home division)
   */
  readonly divisionId?: string;
  /** Numbers (E.164) that route to this IVR; they must belong to a DID pool. */
  readonly dnis: readonly string[];
  /**
   * Creates a DID pool for the numbers; every DNIS must lie inside it.
   * @default - the numbers belong to a pool managed elsewhere
   */
  readonly didPool?: DidPoolProps;
  /** Shared flow the call runs first (e.g. PIN authentication). */
  readonly sharedFlow: ISharedFlow<O>;
  /**
   * Values for the shared flow's inputs.
   * @default - none
   */
  readonly sharedFlowInputs?: Readonly<Record<string, Expression>>;
  /**
   * Queue each outcome of the shared flow routes to; every outcome needs one. An `IvrRoute` also names the
   * in-queue flow the caller hears there.
   */
  readonly routes: Readonly<Record<O, QueueTarget | IvrRoute>>;
  /** Played once when the call arrives (the flow's initial greeting). */
  readonly greeting: Prompt;
  /**
   * Played when a transfer fails, before the call ends.
   * @default - "We are sorry, no one can take your call right now. Goodbye."
   */
  readonly transferFailurePrompt?: Prompt;
  /**
   * Business hours: schedule group plus closed (and holiday) flows.
   * @default - always open
   */
  readonly schedule?: IvrScheduleProps;
  /**
   * @default false
   */
  readonly forceUnlock?: boolean;
}

/**
 * An inbound IVR: a call flow that runs a shared flow and routes each of its outcomes to a queue, and
 * the `genesyscloud_architect_ivr` that sends its DNIS numbers to that flow.
 */
export class InboundIvr<O extends string = string> extends Construct {
  readonly flow: CallFlow;
  readonly resource: ArchitectIvr;
  readonly didPool?: TelephonyProvidersEdgesDidPool;
  /** The IVR's numbers (E.164). */
  readonly dnis: readonly string[];
  /** Business hours, when set: the closed and holiday flows (for tools that follow a call). */
  readonly schedule?: IvrScheduleProps;

  constructor(scope: Construct, id: string, props: InboundIvrProps<O>) {
    super(scope, id);
    this.validate(props);
    this.dnis = [...props.dnis].sort();
    this.schedule = props.schedule;
    const failurePrompt = props.transferFailurePrompt ?? Prompt.tts('We are sorry, no one can take your call right now. Goodbye.');
    const outcomes = Object.fromEntries(
      props.sharedFlow.outcomes.map((o) => [
        o,
        [
          new TransferToAcd(`Route ${o}`, {
            ...routeOptions(props.routes[o]),
            onFailure: [new PlayAudio(`Route ${o} failed`, { prompt: failurePrompt }), new Disconnect(`Route ${o} end`)],
          }),
        ],
      ]),
    ) as Record<O, TransferToAcd[]>;
    const main = new Task('Main', [new CallSharedFlow('Run shared flow', { flow: props.sharedFlow, inputs: props.sharedFlowInputs, outcomes })]);
    if (props.didPool) {
      this.didPool = new TelephonyProvidersEdgesDidPool(this, 'DidPool', {
        startPhoneNumber: terraformText(props.didPool.startPhoneNumber),
        endPhoneNumber: terraformText(props.didPool.endPhoneNumber),
        poolProvider: props.didPool.provider ?? 'PURE_CLOUD_VOICE',
        description: terraformText(props.didPool.description),
      });
    }
    this.flow = new CallFlow(this, 'Flow', {
      name: props.flowName ?? props.name,
      description: props.description,
      division: props.divisionName,
      initialGreeting: props.greeting,
      startUp: main,
      tasks: [main],
      forceUnlock: props.forceUnlock,
    });
    this.resource = new ArchitectIvr(this, 'Resource', {
      name: terraformText(props.name),
      description: terraformText(props.description),
      divisionId: terraformText(props.divisionId),
      dnis: terraformTextList([...props.dnis].sort()),
      openHoursFlowId: this.flow.flowId,
      closedHoursFlowId: props.schedule?.closedHoursFlow.flowId,
      holidayHoursFlowId: props.schedule?.holidayHoursFlow?.flowId,
      scheduleGroupId: props.schedule?.scheduleGroupId,
      dependsOn: this.didPool ? [this.didPool] : undefined,
    });
  }

  /** Throws every problem of `props` at once, before anything is added to the stack. */
  private validate(props: InboundIvrProps<O>): void {
    const path = this.node.path;
    const problems: Problem[] = [];
    if (props.dnis.length === 0)
      problems.push({
        code: 'GC2007',
        path,
        message: 'an IVR needs at least one DNIS number',
        value: [],
        fix: 'add the numbers that should reach it',
      });
    const routed = new RoutedNumbers();
    /** The DNIS that are E.164: the pool check applies to these. */
    const e164Dnis: string[] = [];
    for (const n of props.dnis) {
      if (!isE164(n)) {
        problems.push({
          code: 'GC2001',
          path: `${path} > dnis`,
          message: 'DNIS is not an E.164 number',
          value: n,
          fix: 'write it as + country code and number, digits only, e.g. +13175550100',
        });
        continue;
      }
      if (routed.route(n, path) !== undefined)
        problems.push({ code: 'GC2007', path: `${path} > dnis`, message: 'DNIS listed twice', value: n, fix: 'list each number once' });
      e164Dnis.push(n);
    }
    if (props.didPool) {
      const { startPhoneNumber: start, endPhoneNumber: end } = props.didPool;
      for (const [what, n] of [
        ['startPhoneNumber', start],
        ['endPhoneNumber', end],
      ] as const) {
        if (!isE164(n))
          problems.push({
            code: 'GC2001',
            path: `${path} > didPool.${what}`,
            message: 'DID pool bound is not an E.164 number',
            value: n,
            fix: 'write it as + country code and number',
          });
      }
      if (isE164(start) && isE164(end)) {
        if (!isNumberRange(start, end)) {
          problems.push({
            code: 'GC2003',
            path: `${path} > didPool`,
            message: 'DID pool start must not be after its end (same number of digits)',
            value: `${start}..${end}`,
            fix: 'swap or correct the bounds',
          });
        } else {
          // Each number once: one listed twice is reported as a repeat already.
          for (const n of new Set(e164Dnis.filter((number) => !inNumberRange(number, { start, end })))) {
            problems.push({
              code: 'GC2003',
              path: `${path} > dnis`,
              message: `DNIS is outside the DID pool ${start}..${end}`,
              value: n,
              fix: 'widen the pool or fix the number',
            });
          }
        }
      }
    }
    if (props.schedule && !props.schedule.closedHoursFlow) {
      problems.push({
        code: 'GC2002',
        path: `${path} > schedule`,
        message: 'a schedule group needs both an open and a closed hours flow',
        value: 'closedHoursFlow missing',
        fix: 'add schedule.closedHoursFlow',
      });
    }
    const routes: unknown = props.routes;
    if (typeof routes !== 'object' || routes === null || Array.isArray(routes)) {
      problems.push({
        code: 'GC2007',
        path: `${path} > routes`,
        message: 'routes is not an object of routes by outcome',
        value: describeValue(routes),
        fix: `route each outcome, e.g. routes: { ${props.sharedFlow.outcomes[0] ?? 'success'}: salesQueue }`,
      });
    } else {
      for (const o of props.sharedFlow.outcomes)
        problems.push(...routeProblems(o, (routes as Record<string, unknown>)[o], props.sharedFlow.flowName, path));
    }
    if (problems.length > 0) throw new ProblemError(problems);
  }
}
