import { Construct } from 'constructs';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { ArchitectSchedulegroups } from '../.gen/providers/genesyscloud/architect-schedulegroups';
import { ArchitectSchedules } from '../.gen/providers/genesyscloud/architect-schedules';
import { DataGenesyscloudAuthDivisionHome } from '../.gen/providers/genesyscloud/data-genesyscloud-auth-division-home';
import { GenesyscloudProvider } from '../.gen/providers/genesyscloud/provider';
import { EnvironmentConfig, IvrConfig, normalizeRrule } from '../config';
import { CallFlow, DataAction, FlowCheck, InQueueFlow, InboundIvr, IQueue, IvrScheduleProps, Queue, SharedFlow, terraformText } from '../constructs';
import { Builtin, Prompt } from '../flow';
import { accountLookupAction } from './account-lookup';
import { addBackend } from './backend';
import { afterHoursFlow } from './flows/after-hours';
import { AccountLookupContract, PinAuthOutcome, pinAuthFlow } from './flows/pin-auth';
import { waitingInQueueFlow } from './flows/waiting-in-queue';

export interface ContactCenterStackProps {
  readonly config: EnvironmentConfig;
}

/** Stack id of an environment: `contact-center-<env>`. */
export function stackIdFor(environment: string): string {
  return `contact-center-${environment}`;
}

/**
 * One environment of the seed scenario: an account lookup data action, a shared PIN authentication
 * module that calls it, and a Sales and a Support IVR that both call the module (success → the IVR's
 * queue, unavailable or failure → the operator queue), and, where configured, an in-queue flow for the
 * callers waiting in those queues.
 * Credentials come only from the provider's environment variables.
 */
export class ContactCenterStack extends TerraformStack {
  /** The data action the PIN module looks callers up with. */
  readonly accountLookup: DataAction<AccountLookupContract['inputs'], AccountLookupContract['outputs']>;
  readonly pinAuth: SharedFlow<PinAuthOutcome>;
  readonly salesIvr: InboundIvr<PinAuthOutcome>;
  readonly supportIvr: InboundIvr<PinAuthOutcome>;
  readonly afterHours?: CallFlow;
  /** What callers waiting in the IVRs' queues hear (when the environment configures `inQueue`). */
  readonly waitingInQueue?: InQueueFlow;

  constructor(scope: Construct, props: ContactCenterStackProps) {
    const { config } = props;
    super(scope, stackIdFor(config.name));
    new GenesyscloudProvider(this, 'Genesys', { awsRegion: terraformText(config.region) });
    addBackend(this, config.backend);

    const prefix = config.namePrefix;
    const division = config.division.name;
    const divisionId = config.division.id ?? new DataGenesyscloudAuthDivisionHome(this, 'HomeDivision', {}).id;
    if (config.inQueue) {
      this.waitingInQueue = new InQueueFlow(
        this,
        'WaitingInQueue',
        waitingInQueueFlow({ flowName: `${prefix}In-Queue Hold`, division, message: config.inQueue.waitingMessage }),
      );
    }
    const inQueueFlow = this.waitingInQueue;
    // A managed queue binds the in-queue flow for every call it receives; each IVR route also names it on its
    // transfer, which is how a looked-up queue (not managed here) gets it.
    const queue = (id: string, name: string): IQueue =>
      config.manageQueues ? new Queue(this, id, { name, divisionId, inQueueFlow }) : Queue.fromName(this, id, name);
    const route = (target: IQueue) => ({ queue: target, inQueueFlow });
    const operatorQueue = queue('OperatorQueue', config.operatorQueueName);

    this.accountLookup = accountLookupAction(this, config.pinAuth.accountLookup, `${prefix}Account PIN Lookup`);
    this.pinAuth = new SharedFlow(
      this,
      'PinAuth',
      pinAuthFlow({ flowName: `${prefix}Shared PIN Auth`, division, maxAttempts: config.pinAuth.maxAttempts, accountLookup: this.accountLookup }),
    );

    let schedule: IvrScheduleProps | undefined;
    const hours = config.businessHours;
    if (hours) {
      // Config text reaches these resources directly: literal text, escaped for Terraform (the constructs
      // escape their own arguments).
      const open = new ArchitectSchedules(this, 'OpenHours', {
        name: terraformText(`${prefix}Open Hours`),
        divisionId: terraformText(divisionId),
        start: terraformText(hours.start),
        end: terraformText(hours.end),
        rrule: terraformText(normalizeRrule(hours.rrule)),
      });
      const group = new ArchitectSchedulegroups(this, 'BusinessHours', {
        name: terraformText(`${prefix}Business Hours`),
        divisionId: terraformText(divisionId),
        timeZone: terraformText(hours.timeZone),
        openSchedulesId: [open.id],
      });
      this.afterHours = new CallFlow(
        this,
        'AfterHours',
        afterHoursFlow({ flowName: `${prefix}After Hours`, division, message: hours.closedMessage }),
      );
      schedule = { scheduleGroupId: group.id, closedHoursFlow: this.afterHours, holidayHoursFlow: this.afterHours };
    }

    const ivr = (id: string, label: string, ivrConfig: IvrConfig): InboundIvr<PinAuthOutcome> =>
      new InboundIvr(this, id, {
        name: `${prefix}${label} IVR`,
        description: `${label} line: PIN authentication, then the ${label} queue.`,
        divisionName: division,
        divisionId,
        dnis: ivrConfig.dnis,
        didPool: ivrConfig.didPool && {
          startPhoneNumber: ivrConfig.didPool.start,
          endPhoneNumber: ivrConfig.didPool.end,
          description: `${prefix}${label} numbers`,
        },
        greeting: Prompt.tts(`Welcome to ${label}.`),
        sharedFlow: this.pinAuth,
        sharedFlowInputs: { CallerNumber: Builtin.callAni },
        routes: { success: route(queue(`${id}Queue`, ivrConfig.queueName)), unavailable: route(operatorQueue), failure: route(operatorQueue) },
        schedule,
      });
    this.salesIvr = ivr('SalesIvr', 'Sales', config.ivrs.sales);
    this.supportIvr = ivr('SupportIvr', 'Support', config.ivrs.support);

    if (config.flowChecks?.enabled ?? true) {
      FlowCheck.attachToStack(this, {
        region: config.region,
        republishExternalCallers: config.flowChecks?.republishExternalCallers,
        allowDestroyWithExternalCallers: config.flowChecks?.allowDestroyWithExternalCallers,
      });
    }

    new TerraformOutput(this, 'flow_ids', {
      description: 'Ids of the published flows, by flow name',
      value: Object.fromEntries(
        [
          this.pinAuth.publication,
          this.salesIvr.flow.publication,
          this.supportIvr.flow.publication,
          ...(this.afterHours ? [this.afterHours.publication] : []),
          ...(this.waitingInQueue ? [this.waitingInQueue.publication] : []),
        ].map((p) => [
          terraformText(p.rendered.name), // output object keys are templates too
          p.resource.id,
        ]),
      ),
    });
  }
}
