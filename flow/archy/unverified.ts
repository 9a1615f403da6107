/**
 * Archy YAML shapes, and places for verified shapes, that no real export or provider example shows
 * (see the README, "Platform fidelity"). The shapes are written only here, so each can be corrected in
 * one place once a real org confirms or refutes it.
 */
import { Node, outputsWithActions, unreadFailureOutputs } from './archy-node';

/** Everything the emitter can write that no real file confirms, with why we believe it. Listed in the README. */
export const UNVERIFIED_SHAPES = [
  {
    id: 'callCommonModule-in-inboundCall',
    shape: 'callCommonModule inside an inboundCall flow',
    basis: 'identical shape seen in inbound message and workflow flows (GenesysCloudBlueprints); no public voice-flow export calls a module',
  },
  {
    id: 'endTask-nested',
    shape: 'endTask anywhere but as the last action of a commonModule (EndSharedFlow inside a branch or loop)',
    basis:
      'real modules show endTask only as the last item of startUpTaskActions; the seed flows use SetOutcome and one trailing EndSharedFlow instead',
  },
  {
    id: 'call-actions-in-commonModule',
    shape: 'collectInput and playAudio inside a commonModule',
    basis:
      'Genesys help ("Work with common module flows"): a module with one compatible flow type can use that type\'s actions; real modules seen hold only callData, decision, updateData and endTask',
  },
  {
    id: 'loop-in-commonModule',
    shape: 'loop (with loopNext / loopExit) inside a commonModule',
    basis: 'loop is seen in other flow types only',
  },
  {
    id: 'loop-in-inboundCall',
    shape: 'loop (with loopNext / loopExit) inside an inboundCall flow',
    basis: 'loop is seen in message and workflow flows; same shape assumed',
  },
  {
    id: 'integerVariable-in-commonModule',
    shape: 'integerVariable (inputs, outputs and locals) in a commonModule',
    basis: 'real modules show stringVariable and booleanVariable parameters; integerVariable is seen in other flow types',
  },
  {
    id: 'interDigitTimeout',
    shape: 'collectInput.interDigitTimeout as {lit: {seconds: N}} (when interDigitTimeoutSeconds is set)',
    basis: 'real exports show it only as noValue: true (written when it is not set); the wrapper is that of the verified noEntryTimeout',
  },
  {
    id: 'Len-function',
    shape: 'the expression function Len(...) (Expr.len)',
    basis: 'Architect documents string functions; no real export uses Len (Count, ToInt, IsSet, IsNotSetOrEmpty are seen)',
  },
  {
    id: 'switch-in-inboundCall',
    shape: 'switch (evaluate: firstTrue: cases / default) inside an inboundCall or commonModule flow',
    basis: 'seen in message and workflow flow exports (the project platform notes); no inbound-call export shows it; same shape assumed',
  },
  {
    id: 'updateData-decimal',
    shape: 'updateData statement key decimal',
    basis: 'by analogy with the verified string / integer / boolean keys',
  },
  {
    id: 'evaluateScheduleGroup-scheduleGroup',
    shape: 'evaluateScheduleGroup.scheduleGroup as {lit: {name: N}} (when EvaluateScheduleGroup has a scheduleGroup)',
    basis:
      'the one real export (GenesysCloudBlueprints dr-fallback-ivr DR-Emergency-IVR.yaml) shows only exp: ToScheduleGroup(NOT_SET); the wrapper is that of its emergencyGroup and of targetQueue',
  },
  {
    id: 'evaluateScheduleGroup-open-closed-holiday',
    shape: 'evaluateScheduleGroup outputs open, closed and holiday',
    basis: 'the real export shows only the emergency output (an output without actions is left out); the names are those of the Architect outputs',
  },
  {
    id: 'evaluateScheduleGroup-no-emergencyGroup',
    shape: 'evaluateScheduleGroup.emergencyGroup as noValue: true (when EvaluateScheduleGroup has no emergencyGroup)',
    basis: 'the real export always names an emergency group; noValue: true is how exports write other unset fields (inServiceSchedules)',
  },
  {
    id: 'setParticipantData-in-inboundCall',
    shape: 'setParticipantData inside an inboundCall or commonModule flow',
    basis:
      'seen in an inqueueCall export (GenesysCloudBlueprints automated-callback-blueprint "Proactive callback offer.yaml"); Genesys help offers Set Participant Data in call flows; same shape assumed',
  },
  {
    id: 'getParticipantData-in-commonModule',
    shape: 'getParticipantData inside a commonModule',
    basis:
      'seen in an inboundCall export (GenesysCloudBlueprints automated-callback-blueprint "Trigger proactive callback workflow.yaml"); no public module export shows it; same shape assumed',
  },
  {
    id: 'transferToFlow-in-inboundCall',
    shape: 'transferToFlow inside an inboundCall flow',
    basis:
      'seen in an inqueueCall export ("Proactive callback offer.yaml"), targeting an inbound call flow; Genesys help ("Transfer to Flow action") offers it in call flows; same shape assumed',
  },
  {
    id: 'transferToFlowSecure',
    shape: 'transferToFlowSecure: {name, targetFlow: {name: N}, invocationData: {exp: E} | {noValue: true}, failureOutputs}',
    basis:
      'real exports show only its settingsActionDefaults entry (transferToFlowSecure: connectTimeout); targetFlow and failureOutputs are those of the verified transferToFlow, invocationData the Genesys help field "Invocation Data"',
  },
  {
    id: 'setScreenPop',
    shape: 'setScreenPop: {name, screenPopScript: {<script name>: {inputs: {<input>: {exp: E}}}}}',
    basis:
      'no public export found; a public Archy-reading tool notes screenPopScript as a one-key object named by the script (as callData names its category and callCommonModule its module); inputs as callCommonModule writes them',
  },
  {
    id: 'evaluateSchedule',
    shape: 'evaluateSchedule: {name, schedule: {lit: {name: N}}, evaluate: {now: true}, outputs: {active, inactive}}',
    basis:
      'no public export found; evaluate: now is that of the verified evaluateScheduleGroup, the {lit: {name}} wrapper that of targetQueue, the outputs the Genesys help paths "Active" and "Inactive"; an output without actions is left out',
  },
  {
    id: 'callData-failure-timeout-outputs',
    shape: 'callData outputs failure and timeout (when CallData has onFailure / onTimeout actions)',
    basis:
      'real exports (GenesysCloudBlueprints automated-callback-blueprint) show only the success output with actions (an output without actions is left out); failure and timeout are the names of the Architect outputs',
  },
  {
    id: 'callData-timeout-seconds',
    shape: 'callData.timeout as {lit: {seconds: N}} (when timeoutSeconds is not 60)',
    basis: 'every real export shows {lit: {minutes: 1}}; seconds is the unit key of the verified collectInput.noEntryTimeout literal',
  },
  {
    id: 'dataTableLookup',
    shape:
      'dataTableLookup with lookupValue: {exp: K}, dataTable: {<table>: {foundOutputs: {<field>: {var: V}}, failureOutputs: {errorType, errorMessage: noValue}}}, outputs found / notFound / failure (each only with actions)',
    basis:
      'no public Archy export with dataTableLookup was found; dataTable / foundOutputs / failureOutputs as a third-party parser of real exports reads them, the failureOutputs entries as the verified transferToAcd writes them, output names those of the Architect action',
  },
  {
    id: 'holdMusic-prompt',
    shape: 'holdMusic.prompt as {lit: {name: PromptSystem.X | Prompt.X}} (when HoldMusic has a prompt)',
    basis:
      'real exports (provider inqueuecall_default_example.yaml, blueprint "Proactive callback offer.yaml") show only exp: Flow.HoldPrompt; the wrapper is that of the verified settingsInQueueCall.holdMusic',
  },
  {
    id: 'settingsInQueueCall-holdMusic-userPrompt',
    shape: "settingsInQueueCall.holdMusic as {lit: {name: Prompt.X}} (when the in-queue flow's holdMusic is a user prompt)",
    basis:
      'real exports (provider inqueuecall_default_example.yaml, blueprint "Proactive callback offer.yaml") show only a system prompt, {lit: {name: PromptSystem.on_hold_music}}; Prompt.X is how Architect names a user prompt',
  },
  {
    id: 'holdMusic-duration',
    shape: 'holdMusic.playStyle as {duration: {lit: {seconds: N}}} (when HoldMusic has durationSeconds)',
    basis:
      'real exports show only playStyle: {entirePrompt: true}; Architect\'s "Play for duration" style, with the {lit: {seconds}} wrapper of the verified timeouts',
  },
  {
    id: 'playEstimatedWaitTime',
    shape: 'playEstimatedWaitTime with estimatedWaitTime: {exp: Call.EstimatedWaitTime} and playbackMode: precise',
    basis:
      'no public export found; fields are those of the Architect action (help "Play Estimated Wait Time action"), written as Archy writes its other inputs',
  },
  {
    id: 'findQueue',
    shape: 'findQueue with findName: {exp}, findResult: {var: Task.FoundQueue_<id>} and outputs found / notFound (each only with actions)',
    basis:
      'no public export found; fields and outputs are those of the Architect Find Queue action, written as the verified collectInput writes its variable and outputs',
  },
  {
    id: 'transferToAcd-found-queue',
    shape: 'transferToAcd.targetQueue as {var: Task.FoundQueue_<id>} (a queue a FindQueue found)',
    basis: 'real exports show only {lit: {name}}; {var: V} is how Archy passes a variable elsewhere (collectInput.inputData)',
  },
  {
    id: 'transferToAcd-overrideInQueueFlow',
    shape: 'transferToAcd.overrideInQueueFlow: {name: F} (when TransferToAcd has inQueueFlow)',
    basis:
      'no public export found; a third-party tool that reads real exports (a dependency scanner found with find_string) parses "overrideInQueueFlow:" then "name: F", as transferToFlow writes targetFlow: {name: F}',
  },
  {
    id: 'actions-in-inqueueCall',
    shape:
      'switch, loop, transferToAcd, transferToVoicemail, evaluateScheduleGroup, getParticipantData and callCommonModule inside an inqueueCall flow',
    basis:
      'the real in-queue export (blueprint "Proactive callback offer.yaml") shows updateData, callData, playAudio, collectInput, decision, setParticipantData, transferToFlow, holdMusic and disconnect; the others are the shapes verified in other flow types (Genesys help offers Transfer to Voicemail in in-queue flows and Evaluate Schedule Group in all flow types)',
  },
  {
    id: 'evaluateScheduleGroup-in-commonModule',
    shape: 'evaluateScheduleGroup inside a commonModule',
    basis:
      'Genesys help ("Evaluate Schedule Group action"): available for all flow types; the one real export showing it is an inboundCall (GenesysCloudBlueprints dr-fallback-ivr DR-Emergency-IVR.yaml); same shape assumed',
  },
  {
    id: 'callData-no-inputs',
    shape: 'callData without inputs: its dataAction entry without an inputs key ({<action>: {}}, or only successOutputs)',
    basis:
      'every real export (GenesysCloudBlueprints automated-callback-blueprint) passes inputs; inputs is left out as an output without actions is',
  },
  {
    id: 'jumpToTask',
    shape: 'jumpToTask: {name, targetTaskRef: "/inboundCall/tasks/task[<id>]"} (JumpToTask)',
    basis:
      'Architect documents "Jump to Reusable Task" in call flows (Genesys help, "Task and state editor actions"); no real export shows the action. The name follows jumpToMenu, the reference that of the verified menu choice menuJumpToTask (targetTaskRef)',
  },
] as const;

export type UnverifiedShapeId = (typeof UNVERIFIED_SHAPES)[number]['id'];

export function callCommonModule(name: string, moduleName: string, inputs: Node, outputs: Node): Node {
  return {
    callCommonModule: {
      name,
      commonModule: { [moduleName]: { ver_latestPublished: { inputs, outputs } } },
    },
  };
}

/** `endTask` before the end of a module (inside a branch or loop). */
export function nestedEndTask(name: string): Node {
  return { endTask: { name } };
}

/** `switch` with `evaluate: firstTrue`: the first case whose `value` is true runs its actions, else `default`. */
export function firstTrueSwitch(name: string, cases: ReadonlyArray<{ value: Node; actions: Node[] }>, defaultActions: Node[]): Node {
  return {
    switch: {
      name,
      evaluate: {
        firstTrue: {
          cases: cases.map((c) => ({ case: { value: c.value, actions: c.actions } })),
          default: { actions: defaultActions },
        },
      },
    },
  };
}

export function interDigitTimeout(seconds: number): Node {
  return { lit: { seconds } };
}

export const DECIMAL_STATEMENT_KEY = 'decimal';

/** `scheduleGroup` by its name. */
export function scheduleGroupByName(name: string): Node {
  return { lit: { name } };
}

/** `emergencyGroup` when there is none. */
export const NO_EMERGENCY_GROUP: Node = { noValue: true };

/** Output name of each schedule branch of `evaluateScheduleGroup` (`emergency` is verified). */
export const SCHEDULE_OUTPUTS = { open: 'open', closed: 'closed', holiday: 'holiday' } as const;

/** `transferToFlowSecure` (without its failure actions, which follow it as for `transferToFlow`). */
export function transferToFlowSecure(name: string, secureFlowName: string, invocationData: Node): Node {
  return {
    transferToFlowSecure: {
      name,
      targetFlow: { name: secureFlowName },
      invocationData,
      failureOutputs: unreadFailureOutputs(),
    },
  };
}

/** `setScreenPop`: the script by name, its inputs by input name. */
export function setScreenPop(name: string, script: string, inputs: Node): Node {
  return { setScreenPop: { name, screenPopScript: { [script]: { inputs } } } };
}

/** `evaluateSchedule` of one schedule by name, now; an output without actions is left out. */
export function evaluateSchedule(name: string, schedule: string, active: Node[], inactive: Node[]): Node {
  const outputs: Node = {};
  if (active.length > 0) outputs.active = { actions: active };
  if (inactive.length > 0) outputs.inactive = { actions: inactive };
  return { evaluateSchedule: { name, schedule: { lit: { name: schedule } }, evaluate: { now: true }, outputs } };
}

/** Output names of `callData` besides the verified `success`. */
export const CALL_DATA_OUTPUTS = { failure: 'failure', timeout: 'timeout' } as const;

/** `callData.timeout` when it is not a whole number of minutes. */
export function callDataTimeoutSeconds(seconds: number): Node {
  return { lit: { seconds } };
}

/** `dataTableLookup`: the row by its key, fields read into variables, an output only when it has actions. */
export function dataTableLookup(
  name: string,
  tableName: string,
  lookupValue: Node,
  fields: ReadonlyArray<{ field: string; variable: string }>,
  branches: { found: Node[]; notFound: Node[]; failure: Node[] },
): Node {
  return {
    dataTableLookup: {
      name,
      lookupValue,
      dataTable: {
        [tableName]: {
          foundOutputs: Object.fromEntries(fields.map((f) => [f.field, { var: f.variable }])),
          failureOutputs: unreadFailureOutputs(),
        },
      },
      ...outputsWithActions(branches),
    },
  };
}

/** `holdMusic.prompt` naming a prompt (the verified form is `exp: Flow.HoldPrompt`). */
export function holdMusicPrompt(nameInFlow: string): Node {
  return { lit: { name: nameInFlow } };
}

/** `holdMusic.playStyle` playing for a duration (the verified form is `entirePrompt: true`). */
export function holdMusicDuration(seconds: number): Node {
  return { duration: { lit: { seconds } } };
}

export function playEstimatedWaitTime(name: string): Node {
  return { playEstimatedWaitTime: { name, estimatedWaitTime: { exp: 'Call.EstimatedWaitTime' }, playbackMode: { precise: true } } };
}

export function findQueue(name: string, queueName: Node, variable: string, found: Node[], notFound: Node[]): Node {
  return {
    findQueue: {
      name,
      findName: queueName,
      findResult: { var: variable },
      // An output without actions is left out, as the verified exports do.
      ...outputsWithActions({ found, notFound }),
    },
  };
}

/** `targetQueue` of a queue found at run time: the variable that holds it. */
export function foundQueueTarget(variable: string): Node {
  return { var: variable };
}

/** The key and value of Transfer to ACD's "Override default in-queue handling". */
export const OVERRIDE_IN_QUEUE_FLOW_KEY = 'overrideInQueueFlow';
export function overrideInQueueFlow(flowName: string): Node {
  return { name: flowName };
}

/** `jumpToTask`: continue in a task of the flow, by its reference. */
export function jumpToTask(name: string, targetTaskRef: string): Node {
  return { jumpToTask: { name, targetTaskRef } };
}
