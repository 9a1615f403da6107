import { Action } from '../actions/action';
import { ActionHandlers, handleAction } from '../actions/action-handlers';
import { CallSharedFlow } from '../actions/call-shared-flow';
import { CollectDigits } from '../actions/collect-digits';
import { sharedFlowOutcome } from '../actions/set-outcome';
import { DataType } from '../data-type';
import { Expr, Expression, stringLiteral } from '../expression';
import { Menu, MenuChoice } from '../menu';
import { Prompt } from '../prompt';
import { OUTCOME_OUTPUT } from '../shared-flow-interface';
import { Task } from '../task';
import { Variable } from '../variable';
import { Node, outputsWithActions, unreadFailureOutputs } from './archy-node';
import * as unverified from './unverified';

/**
 * Every Archy action name the emitter writes for the language's actions (a raw action may not use
 * one: the language's own action is checked and simulated). __tests__/flow/raw-action.test.ts keeps it complete.
 */
export const MODELLED_ARCHY_ACTIONS: readonly string[] = [
  'playAudio',
  'disconnect',
  'collectInput',
  'decision',
  'switch',
  'updateData',
  'transferToAcd',
  'transferToVoicemail',
  'evaluateScheduleGroup',
  'getParticipantData',
  'loop',
  'loopNext',
  'loopExit',
  'jumpToMenu',
  'jumpToTask',
  'endTask',
  'callCommonModule',
  'setParticipantData',
  'transferToFlow',
  'transferToFlowSecure',
  'setScreenPop',
  'evaluateSchedule',
  'callData',
  'dataTableLookup',
  'holdMusic',
  'playEstimatedWaitTime',
  'findQueue',
];

/** The only place that knows Archy's action shapes (unverified ones live in ./unverified). */
export class ArchyEmitter {
  /** The module's last top-level action, whose `endTask` is the form real exports show. */
  private trailingEnd?: Action;

  constructor(
    /** Top-level YAML key of the flow (`inboundCall`, `commonModule`); reference paths start with it. */
    private readonly rootKey: string,
  ) {}

  actions(list: readonly Action[]): Node[] {
    return list.flatMap((a) => handleAction(a, this.shapes));
  }

  /** A common module's `startUpTaskActions`. */
  moduleActions(list: readonly Action[]): Node[] {
    this.trailingEnd = list[list.length - 1];
    return this.actions(list);
  }

  /** The Archy shape of each action kind. */
  private readonly shapes: ActionHandlers<Node[]> = {
    playAudio: (a) => [{ playAudio: { name: a.id, audio: audio(a.prompt) } }],
    disconnect: (a) => [{ disconnect: { name: a.id } }],
    collectDigits: (a) => [this.collect(a)],
    decision: (a) => [
      {
        decision: {
          name: a.id,
          condition: exp(a.condition),
          // Blueprint "Proactive callback offer.yaml": a decision with only `yes` actions has only that output.
          ...outputsWithActions({ yes: this.actions(a.yes), no: this.actions(a.no) }),
        },
      },
    ],
    switch: (a) => [
      unverified.firstTrueSwitch(
        a.id,
        a.cases.map((c) => ({ value: exp(c.condition), actions: this.actions(c.actions) })),
        this.actions(a.default),
      ),
    ],
    updateData: (a) => [{ updateData: { name: a.id, statements: a.assignments.map((s) => statement(s.variable, s.value)) } }],
    transferToAcd: (a) => {
      const target = a.queue.foundBy ? unverified.foundQueueTarget(a.queue.foundBy.variable) : { lit: { name: a.queue.nameInFlow } };
      const transfer: Node = { name: a.id, targetQueue: target, priority: { lit: a.priority } };
      if (a.preTransferPrompt) transfer.preTransferAudio = audio(a.preTransferPrompt);
      if (a.failurePrompt) transfer.failureTransferAudio = audio(a.failurePrompt);
      transfer.languageSkill = { noValue: true };
      if (a.inQueueFlow) transfer[unverified.OVERRIDE_IN_QUEUE_FLOW_KEY] = unverified.overrideInQueueFlow(a.inQueueFlow.flowName);
      // GenesysCloudBlueprints dr-fallback-ivr blueprint/terraform-ivr/DR-Emergency-IVR.yaml and automated-callback-blueprint
      // "Proactive callback connect.yaml": failureOutputs, then the failure actions inside the action (control
      // continues after it); an output without actions is left out, as transferToFlow in "Proactive callback offer.yaml".
      transfer.failureOutputs = unreadFailureOutputs();
      return [{ transferToAcd: { ...transfer, ...outputsWithActions({ failure: this.actions(a.onFailure) }) } }];
    },
    // GenesysCloudBlueprints/dr-fallback-ivr, blueprint/terraform-ivr/DR-Emergency-IVR.yaml (TTS greeting) and
    // blueprint/terraform-warm-ivr/DR-Fallback-Ivr.yaml (system greeting): a queue destination with the caller's
    // number as callback number, no callee name, and the failure branch (control continues after the action);
    // an output without actions is left out, as for transferToAcd.
    transferToVoicemail: (a) => [
      {
        transferToVoicemail: {
          name: a.id,
          destination: {
            queue: {
              targetQueue: { lit: { name: a.queue.nameInFlow } },
              callbackNumber: { exp: 'ToPhoneNumber(Call.Ani)' },
              calleeName: { noValue: true },
              voicemailGreeting: a.greeting
                ? { exp: `AudioPlaybackOptions(ToAudioTTS(${stringLiteral(a.greeting.text)}), false)` }
                : { prompt: 'PromptSystem.voicemail_greeting' },
            },
          },
          failureOutputs: unreadFailureOutputs(),
          ...outputsWithActions({ failure: this.actions(a.onFailure) }),
        },
      },
    ],
    evaluateScheduleGroup: (a) => {
      // GenesysCloudBlueprints/dr-fallback-ivr, blueprint/terraform-ivr/DR-Emergency-IVR.yaml: no in-service
      // schedules, evaluated now, the emergency group by name (twice, as exported), an emergency output; an
      // output without actions is left out. A named schedule group and its outputs are unverified.
      const outputs: Node = {};
      const add = (key: string, list: readonly Action[]) => {
        if (list.length > 0) outputs[key] = { actions: this.actions(list) };
      };
      add('emergency', a.onEmergency);
      add(unverified.SCHEDULE_OUTPUTS.open, a.onOpen);
      add(unverified.SCHEDULE_OUTPUTS.closed, a.onClosed);
      add(unverified.SCHEDULE_OUTPUTS.holiday, a.onHoliday);
      return [
        {
          evaluateScheduleGroup: {
            name: a.id,
            inServiceSchedules: { noValue: true },
            evaluate: { now: true },
            scheduleGroup: a.scheduleGroup === undefined ? { exp: 'ToScheduleGroup(NOT_SET)' } : unverified.scheduleGroupByName(a.scheduleGroup),
            emergencyGroup:
              a.emergencyGroup === undefined ? unverified.NO_EMERGENCY_GROUP : { lit: { name: a.emergencyGroup }, name: a.emergencyGroup },
            outputs,
          },
        },
      ];
    },
    // GenesysCloudBlueprints/automated-callback-blueprint, files/automated-powershell-script/flows/
    // "Trigger proactive callback workflow.yaml" (an inboundCall): each attribute by literal name, read into a variable.
    getParticipantData: (a) => [
      {
        getParticipantData: {
          name: a.id,
          attributes: a.attributes.map((r) => ({ attribute: { name: { lit: r.attribute }, variable: r.into.name } })),
        },
      },
    ],
    // Same repository, "Proactive callback offer.yaml" (an inqueueCall): each attribute by literal name, its value an expression.
    setParticipantData: (a) => [
      {
        setParticipantData: {
          name: a.id,
          attributes: a.attributes.map((w) => ({ attribute: { name: { lit: w.attribute }, value: exp(w.value) } })),
        },
      },
    ],
    // Same file: the target flow by name, audio, failure outputs; no outputs block (control continues after a failure).
    transferToFlow: (a) => {
      const transfer: Node = { name: a.id, targetFlow: { name: a.flow.flowName } };
      if (a.preTransferPrompt) transfer.preTransferAudio = audio(a.preTransferPrompt);
      if (a.failurePrompt) transfer.failureTransferAudio = audio(a.failurePrompt);
      transfer.failureOutputs = unreadFailureOutputs();
      return [{ transferToFlow: transfer }, ...this.actions(a.onFailure)];
    },
    transferToFlowSecure: (a) => [
      unverified.transferToFlowSecure(a.id, a.secureFlowName, a.invocationData ? exp(a.invocationData) : { noValue: true }),
      ...this.actions(a.onFailure),
    ],
    setScreenPop: (a) => {
      // fromEntries defines own keys: an input named `__proto__` stays an entry, not the map's prototype.
      const inputs: Node = Object.fromEntries(
        Object.keys(a.inputs)
          .sort()
          .map((name) => [name, exp(a.inputs[name])]),
      );
      return [unverified.setScreenPop(a.id, a.script, inputs)];
    },
    evaluateSchedule: (a) => [unverified.evaluateSchedule(a.id, a.schedule, this.actions(a.onActive), this.actions(a.onInactive))],
    loop: (a) => [
      {
        loop: {
          name: a.id,
          currentIndex: { var: a.counter.name },
          loopCount: { lit: a.count },
          outputs: { loop: { actions: this.actions(a.body) } },
        },
      },
    ],
    loopNext: (a) => [{ loopNext: { name: a.id } }],
    loopExit: (a) => [{ loopExit: { name: a.id } }],
    jumpToMenu: (a) => {
      const id = typeof a.target === 'string' ? a.target : a.target.id;
      return [{ jumpToMenu: { name: a.id, targetMenuRef: this.menuRef(id) } }];
    },
    jumpToTask: (a) => [unverified.jumpToTask(a.id, this.taskRef(typeof a.target === 'string' ? a.target : a.target.id))],
    setOutcome: (a) => [setOutcome(a.id, a.outcome)],
    endSharedFlow: (a) => {
      // GenesysCloudBlueprints ResolveContact module: `endTask` as the last item of startUpTaskActions.
      const end = a === this.trailingEnd ? { endTask: { name: a.id } } : unverified.nestedEndTask(a.id);
      return a.outcome === undefined ? [end] : [setOutcome(`${a.id}: outcome ${a.outcome}`, a.outcome), end];
    },
    callSharedFlow: (a) => this.call(a),
    // GenesysCloudBlueprints/automated-callback-blueprint, files/automated-powershell-script/flows/"Trigger proactive
    // callback workflow.yaml" and "Proactive callback offer.yaml" (inboundCall / inqueueCall): no processing prompt, a
    // 1-minute timeout, the action under its integration's name, inputs as expressions, successOutputs only when
    // outputs are read, no failureOutputs, an output only when it has actions (only success is seen with actions).
    callData: (a) => {
      // No export shows a call without inputs: `inputs` is left out then, as outputs without actions are.
      const given = a.inputEntries();
      const call: Node = given.length > 0 ? { inputs: Object.fromEntries(given.map(([name, value]) => [name, exp(value)])) } : {};
      const read = a.outputEntries();
      if (read.length > 0) call.successOutputs = Object.fromEntries(read.map(([name, v]) => [name, { var: v.name }]));
      return [
        {
          callData: {
            name: a.id,
            processingPrompt: { noValue: true },
            timeout: a.timeoutSeconds % 60 === 0 ? { lit: { minutes: a.timeoutSeconds / 60 } } : unverified.callDataTimeoutSeconds(a.timeoutSeconds),
            category: { [a.action.integrationName]: { dataAction: { [a.action.actionName]: call } } },
            ...outputsWithActions({
              success: this.actions(a.onSuccess),
              [unverified.CALL_DATA_OUTPUTS.failure]: this.actions(a.onFailure),
              [unverified.CALL_DATA_OUTPUTS.timeout]: this.actions(a.onTimeout),
            }),
          },
        },
      ];
    },
    dataTableLookup: (a) => [
      unverified.dataTableLookup(
        a.id,
        a.table.tableName,
        exp(a.key),
        a.outputEntries().map(([field, v]) => ({ field, variable: v.name })),
        { found: this.actions(a.onFound), notFound: this.actions(a.onNotFound), failure: this.actions(a.onFailure) },
      ),
    ],
    // Verbatim: validation (GC1019) ensures one key, an action the language does not model.
    raw: (a) => [{ ...a.archy }],
    // Provider examples/resources/genesyscloud_flow/inqueuecall_default_example.yaml and GenesysCloudBlueprints
    // automated-callback-blueprint "Proactive callback offer.yaml": the flow's hold prompt, no barge-in, the entire prompt.
    holdMusic: (a) => [
      {
        holdMusic: {
          name: a.id,
          prompt: a.prompt ? unverified.holdMusicPrompt(a.prompt.nameInFlow) : { exp: 'Flow.HoldPrompt' },
          bargeInEnabled: { lit: false },
          playStyle: a.durationSeconds === undefined ? { entirePrompt: true } : unverified.holdMusicDuration(a.durationSeconds),
        },
      },
    ],
    playEstimatedWaitTime: (a) => [unverified.playEstimatedWaitTime(a.id)],
    findQueue: (a) => [
      unverified.findQueue(a.id, exp(a.queueName), a.foundQueue.foundBy!.variable, this.actions(a.onFound), this.actions(a.onNotFound)),
    ],
  };

  private collect(a: CollectDigits): Node {
    const { digits } = a;
    const digitSpec =
      digits.min === digits.max && !digits.terminator
        ? { exact: digits.min }
        : { range: { min: digits.min, max: digits.max, ...(digits.terminator ? { terminatingDtmf: 'digit_#' } : {}) } };
    const node: Node = { name: a.id, inputData: { var: a.into.name }, digits: digitSpec };
    if (a.prompt) node.inputAudio = audio(a.prompt);
    // Real exports show only `noValue: true` here (the flow's default); a literal is unverified.
    node.interDigitTimeout = a.interDigitTimeoutSeconds === undefined ? { noValue: true } : unverified.interDigitTimeout(a.interDigitTimeoutSeconds);
    node.noEntryTimeout = { lit: { seconds: a.noEntryTimeoutSeconds } };
    node.verificationType = 'none';
    // Blueprint "Proactive callback offer.yaml": a collectInput with only `success` actions has only that output.
    return { collectInput: { ...node, ...outputsWithActions({ success: this.actions(a.onSuccess), failure: this.actions(a.onFailure) }) } };
  }

  /**
   * The module call, then decisions on the returned outcome: one per outcome but the last, which
   * also receives any value the module did not declare (declare the safe outcome last).
   */
  private call(a: CallSharedFlow): Node[] {
    const flow = a.flow;
    const inputs: Node = {};
    for (const name of Object.keys(flow.inputs).sort()) {
      const given = a.inputs ?? {};
      const value = Object.hasOwn(given, name) ? given[name] : undefined;
      inputs[`Common.${name}`] = value ? exp(value) : { noValue: true };
    }
    const outputs: Node = {};
    for (const name of Object.keys(flow.outputs).sort()) {
      const read = a.outputs ?? {};
      const target = Object.hasOwn(read, name) ? read[name] : undefined;
      outputs[`Common.${name}`] = target ? { var: target.name } : { noValue: true };
    }
    const outcomeVar = a.outcomeVariable();
    outputs[`Common.${OUTCOME_OUTPUT}`] = { var: outcomeVar.name };
    const branches = flow.outcomes.map((o) => ({ outcome: o, actions: this.actions(a.outcomes[o]) }));
    const chain = (i: number): Node[] => {
      if (i === branches.length - 1) return branches[i].actions;
      const test = outcomeVar.ref().equals(branches[i].outcome);
      return [
        {
          decision: {
            name: `${a.id}: outcome ${branches[i].outcome}?`,
            condition: exp(test),
            ...outputsWithActions({ yes: branches[i].actions, no: chain(i + 1) }),
          },
        },
      ];
    };
    return [unverified.callCommonModule(a.id, flow.flowName, inputs, outputs), ...chain(0)];
  }

  menuRef(id: string): string {
    return `/${this.rootKey}/menus/menu[${id}]`;
  }

  taskRef(id: string): string {
    return `/${this.rootKey}/tasks/task[${id}]`;
  }

  menu(m: Menu): Node {
    return {
      menu: {
        name: m.id,
        refId: m.id,
        audio: audio(m.prompt),
        choices: m.choices.map((c) => this.choice(c)),
      },
    };
  }

  private choice(c: MenuChoice): Node {
    const dtmf = `digit_${c.digit}`;
    switch (c.kind) {
      case 'disconnect':
        return { menuDisconnect: { name: c.id, dtmf } };
      case 'transferToAcd':
        // Fields as in a real IVR export (issue 9): like transferToAcd's targetQueue.
        return { menuTransferToAcd: { name: c.id, dtmf, targetQueue: { lit: { name: c.target.queue!.nameInFlow } } } };
      case 'jumpToTask': {
        const task = c.target.task!;
        return { menuJumpToTask: { name: c.id, dtmf, targetTaskRef: this.taskRef(typeof task === 'string' ? task : task.id) } };
      }
      case 'actions':
        // GenesysCloudBlueprints dr-fallback-ivr DR-Emergency-IVR.yaml: the inline task carries only its actions.
        return { menuTask: { name: c.id, dtmf, task: { actions: this.actions(c.target.actions ?? []) } } };
    }
  }

  task(t: Task): Node {
    return { task: { name: t.id, refId: t.id, actions: this.actions(t.actions) } };
  }
}

/** `updateData` of the module's outcome output. */
function setOutcome(name: string, outcome: string): Node {
  return { updateData: { name, statements: [statement(sharedFlowOutcome(), Expr.string(outcome))] } };
}

export function audio(p: Prompt): Node {
  return { tts: p.text };
}

function exp(e: Expression): Node {
  return { exp: e.render() };
}

function statementKey(type: DataType): string {
  return type === 'decimal' ? unverified.DECIMAL_STATEMENT_KEY : type;
}

function statement(variable: Variable, value: Expression): Node {
  return { [statementKey(variable.type)]: { variable: variable.name, value: exp(value) } };
}

/** A `variables:` list entry, e.g. `stringVariable: {name: Flow.Pin, initialValue: {noValue: true}}`. */
export function variableEntry(v: Variable, flags?: { isInput: boolean; isOutput: boolean }): Node {
  const body: Node = { name: v.name, initialValue: { noValue: true } };
  if (flags) {
    body.isInput = flags.isInput;
    body.isOutput = flags.isOutput;
  }
  return { [`${v.type}Variable`]: body };
}
