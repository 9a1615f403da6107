import { Action, forEachActionIn } from './actions/action';
import { ActionHandlers, handleAction } from './actions/action-handlers';
import { CALL_DATA_TIMEOUT_SECONDS, CallData } from './actions/call-data';
import { CallSharedFlow } from './actions/call-shared-flow';
import { DataTableLookup } from './actions/data-table-lookup';
import { EvaluateScheduleGroup } from './actions/evaluate-schedule-group';
import { RawAction } from './actions/raw';
import { SetParticipantData } from './actions/set-participant-data';
import { TransferToFlow } from './actions/transfer-to-flow';
import { TransferToAcd } from './actions/transfer-to-acd';
import { sharedFlowOutcome } from './actions/set-outcome';
import { MODELLED_ARCHY_ACTIONS } from './archy/emitter';
import { AudioPromptTarget } from './audio-prompt-target';
import { DataType } from './data-type';
import { FlowErrorCode, FlowProblem } from './errors';
import { Expression } from './expression';
import { inQueueFlowProblem } from './flow-target';
import { FlowType } from './flow-type';
import { Menu } from './menu';
import { QueueTarget } from './queue-target';
import { identifierProblem, MAX_DATA_ACTION_NAME_LENGTH, MAX_NAME_LENGTH, nameProblem, VARIABLE_LOCAL_NAME } from './names';
import { Task } from './task';
import { TypedVariableName } from './typed-variable-name';
import { Variable, VariableScope } from './variable';

/** State shared by the checks of one flow definition. */
export class FlowChecker {
  readonly problems: FlowProblem[] = [];
  /** Paths of the raw actions, whose Archy content nothing checks (not problems). */
  readonly unchecked: string[] = [];
  private readonly declared = new Map<string, Variable>();
  private readonly ids = new Map<string, string>();
  readonly menus = new Map<string, Menu>();
  readonly tasks = new Map<string, Task>();

  constructor(
    readonly flowType: FlowType,
    readonly scope: VariableScope,
    /** Outcomes a shared flow may end with (undefined for other flow types). */
    readonly moduleOutcomes?: readonly string[],
  ) {}

  report(code: FlowErrorCode, path: string, message: string, value: unknown, fix: string): void {
    this.problems.push({ code, path, message, value: value === undefined ? undefined : String(value), fix });
  }

  checkFlowName(name: string, path: string): void {
    const why = nameProblem(name);
    if (why) this.report('GC1014', path, `flow name ${why}`, name, 'use a printable name without leading/trailing spaces or {{ }}');
  }

  /**
   * A name the flow refers to (data action, table, field, script, schedule, attribute): the flow-name rule
   * with that kind's limit. The provider substitutes `{{key}}` anywhere in the file, so `{{` is refused too.
   */
  checkName(name: unknown, at: string, what: string, maxLength: number = MAX_NAME_LENGTH, code: FlowErrorCode = 'GC1014'): void {
    const why = typeof name === 'string' ? nameProblem(name, maxLength) : 'is not a string';
    if (why) {
      this.report(code, at, `${what} ${why}`, name, `use a printable name of 1 to ${maxLength} characters, without leading/trailing spaces or {{ }}`);
    }
  }

  /** A prompt resource a flow plays by name (hold music): its name follows the name rule (GC1016). */
  checkPrompt(prompt: AudioPromptTarget, at: string, what: string): void {
    const why = nameProblem(prompt.promptName);
    if (why) this.report('GC1016', at, `${what} name ${why}`, prompt.nameInFlow, "name the prompt, e.g. systemPrompt('on_hold_music')");
  }

  /** Registers a unique id (action id, task/menu refId, choice id). */
  checkId(id: string, path: string, what: string): void {
    const why = identifierProblem(id);
    if (why) {
      this.report('GC1001', path, `${what} id ${why}`, id, 'use letters, digits, spaces, - or _ (no [ ] # ~ /)');
      return;
    }
    const first = this.ids.get(id);
    if (first !== undefined) {
      this.report('GC1002', path, `${what} id is already used at ${first}`, id, 'give each action, task, menu and choice its own id');
    } else {
      this.ids.set(id, path);
    }
  }

  /** Declares a variable of this flow; `what` says where it was declared. */
  declare(v: Variable, path: string, what: string): void {
    if (v.scope !== this.scope) {
      this.report(
        'GC1007',
        path,
        `${what} ${v.name} is not in the ${this.scope}. scope used by ${this.flowType} flows`,
        v.name,
        `name it ${this.scope}.${v.localName}`,
      );
      return;
    }
    if (!VARIABLE_LOCAL_NAME.test(v.localName)) {
      this.report(
        'GC1014',
        path,
        `${what} name is not a valid Architect variable name`,
        v.name,
        'start with a letter; use only letters, digits and _',
      );
      return;
    }
    if (this.declared.has(v.name)) {
      this.report(
        'GC1002',
        path,
        `${what} ${v.name} is declared twice`,
        v.name,
        'declare each variable once (two shared-flow calls whose ids differ only in punctuation share an outcome variable: rename one)',
      );
      return;
    }
    this.declared.set(v.name, v);
  }

  /** A variable that actions read or write must be declared with the same type. */
  checkVariable(v: TypedVariableName, path: string, what: string): void {
    const declared = this.declared.get(v.name);
    if (!declared) {
      const known = [...this.declared.keys()].join(', ') || 'none';
      this.report('GC1006', path, `${what} uses undeclared variable ${v.name}; declared: ${known}`, v.name, "add it to the flow's variables");
    } else if (declared.type !== v.type) {
      this.report('GC1008', path, `${what} uses ${v.name} as ${v.type} but it is declared as ${declared.type}`, v.name, 'use the declared type');
    }
  }

  checkExpression(e: Expression, expected: DataType | undefined, path: string, what: string): void {
    if (expected !== undefined && e.type !== expected) {
      this.report('GC1008', path, `${what} is ${e.type} but ${expected} is required`, e.render(), `give it a ${expected} expression`);
    }
    for (const v of e.variables()) this.checkVariable(v, path, what);
    const readsCallData = e
      .subexpressions()
      .some((x) => (x.node.kind === 'builtin' && x.node.name.startsWith('Call.')) || (x.node.kind === 'raw' && /\bCall\./.test(x.node.text)));
    if (this.flowType === 'commonmodule' && readsCallData) {
      this.report(
        'GC1007',
        path,
        `${what} reads call data, which a ${this.flowType} flow does not have`,
        e.render(),
        'pass the value in as an input',
      );
    }
    checkOperandTypes(this, e, path, what);
  }

  /**
   * Walks an action list and returns whether control can fall off its end.
   * `loop` tracks whether loop control was used in the enclosing loop body.
   */
  walk(actions: readonly Action[], path: string, loop?: { controlled: boolean }): boolean {
    let fallsThrough = true;
    for (const action of actions) {
      const at = `${path} > ${action.id}`;
      if (!fallsThrough) {
        this.report(
          'GC1004',
          at,
          'action can never run: the actions before it always end the path',
          action.id,
          'remove it or move it into a branch that continues',
        );
        return false;
      }
      fallsThrough = this.visit(action, at, loop);
    }
    return fallsThrough;
  }

  private visit(action: Action, at: string, loop?: { controlled: boolean }): boolean {
    this.checkId(action.id, at, 'action');
    for (const r of action.reads()) this.checkExpression(r.expression, r.expected, at, r.what);
    for (const w of action.writes()) {
      // The outcome is written only by SetOutcome / EndSharedFlow, so it is always a declared outcome
      // and the per-path check sees every write.
      if (this.moduleOutcomes && w.variable.name === sharedFlowOutcome().name) {
        this.report(
          'GC1014',
          at,
          `${w.what} writes ${w.variable.name}, which only SetOutcome and EndSharedFlow may set`,
          w.variable.name,
          "use new SetOutcome(id, 'outcome') instead",
        );
        continue;
      }
      this.checkVariable(w.variable, at, w.what);
      if (w.variable.type !== w.valueType) {
        this.report(
          'GC1008',
          at,
          `${w.what} writes a ${w.valueType} value into ${w.variable.type} variable ${w.variable.name}`,
          w.variable.name,
          `use a ${w.valueType} variable`,
        );
      }
    }
    handleAction(action, this.kindRules, at);

    if (action.kind === 'loop') {
      const frame = { controlled: false };
      const bodyFallsThrough = this.walk(action.body, `${at} > loop`, frame);
      return bodyFallsThrough || frame.controlled;
    }
    const control = action.control();
    if (control === 'terminal') return false;
    if (control === 'loopControl') {
      if (!loop)
        this.report(
          'GC1015',
          at,
          `${action.kind} is only allowed inside a Loop body`,
          action.id,
          'wrap the actions in a Loop, or use a terminal action',
        );
      else loop.controlled = true;
      return false;
    }
    const branches = action.branches();
    if (branches.length === 0) return true;
    let any = false;
    for (const b of branches) {
      if (this.walk(b.actions, `${at} > ${b.label}`, loop)) any = true;
    }
    return any;
  }

  /**
   * The rules of each action kind beyond what every action gets (ids, reads, writes, where control goes):
   * a new kind must say which it has.
   */
  private readonly kindRules: ActionHandlers<void, [at: string]> = {
    playAudio: noRulesOfItsOwn,
    disconnect: noRulesOfItsOwn,
    collectDigits: noRulesOfItsOwn,
    decision: noRulesOfItsOwn,
    switch: (action, at) => {
      if (action.cases.length === 0) {
        this.report('GC1016', at, 'a Switch needs at least one case', action.id, 'add a case, or use the default actions without a Switch');
      }
    },
    updateData: noRulesOfItsOwn,
    transferToAcd: (action, at) => this.checkTransferToAcd(action, at),
    transferToVoicemail: (action, at) => {
      this.checkFoundQueue(action.queue, action.id, at);
      // Genesys help ("Transfer to Voicemail action"): inbound, outbound and in-queue flow types.
      if (this.flowType !== 'inboundcall' && this.flowType !== 'inqueuecall') {
        this.report(
          'GC1017',
          at,
          `TransferToVoicemail is not allowed in a ${this.flowType} flow (Genesys offers it in inbound, outbound and in-queue flows)`,
          action.id,
          'transfer to voicemail from the inbound call flow or an in-queue call flow',
        );
      }
      // The greeting is written inside an Archy string literal; how Archy escapes a line break there is not documented.
      // eslint-disable-next-line no-control-regex -- control characters are what this expression finds
      if (action.greeting && /[\u0000-\u001f\u007f]/.test(action.greeting.text)) {
        this.report(
          'GC1016',
          at,
          'the voicemail greeting has a line break or another control character',
          action.greeting.text,
          'write the greeting on one line',
        );
      }
    },
    evaluateScheduleGroup: (action, at) => this.checkScheduleGroup(action, at),
    getParticipantData: (action, at) => {
      // The variables (declared, in scope, string-typed) are checked as the action's writes.
      if (action.attributes.length === 0) {
        this.report('GC1016', at, 'a GetParticipantData needs at least one attribute', action.id, 'name an attribute and its string variable');
      }
      const seen = new Set<string>();
      for (const r of action.attributes) {
        this.checkName(r.attribute, at, 'the attribute name', MAX_NAME_LENGTH, 'GC1025');
        if (seen.has(r.into.name)) {
          this.report('GC1016', at, `${r.into.name} receives more than one attribute`, r.into.name, 'read each attribute into its own variable');
        }
        seen.add(r.into.name);
      }
    },
    callData: (action, at) => this.checkCallData(action, at),
    dataTableLookup: (action, at) => this.checkDataTableLookup(action, at),
    loop: noRulesOfItsOwn,
    loopNext: noRulesOfItsOwn,
    loopExit: noRulesOfItsOwn,
    jumpToMenu: (action, at) => {
      if (this.flowType !== 'inboundcall') {
        this.report('GC1017', at, `JumpToMenu is not allowed in a ${this.flowType} flow (it has no menus)`, action.id, 'use a Decision or Loop');
      } else {
        this.resolveMenu(action.target, at);
      }
    },
    jumpToTask: (action, at) => {
      if (this.flowType !== 'inboundcall') {
        this.report(
          'GC1017',
          at,
          `JumpToTask is not allowed in a ${this.flowType} flow (it has no reusable tasks)`,
          action.id,
          'use a Decision or Loop',
        );
      } else {
        this.resolveTask(action.target, at);
      }
    },
    setOutcome: (action, at) => this.checkOutcomeAction('SetOutcome', action.id, action.outcome, at),
    endSharedFlow: (action, at) => this.checkOutcomeAction('EndSharedFlow', action.id, action.outcome, at),
    callSharedFlow: (action, at) => this.checkCall(action, at),
    raw: (action, at) => this.checkRaw(action, at),
    setParticipantData: (action, at) => this.checkParticipantWrites(action, at),
    transferToFlow: (action, at) => this.checkTransferToFlow(action, at),
    transferToFlowSecure: (action, at) => {
      this.checkCallFlowOnly('TransferToFlowSecure', action.id, at);
      this.checkFlowName(action.secureFlowName, at);
    },
    setScreenPop: (action, at) => {
      this.checkCallFlowOnly('SetScreenPop', action.id, at);
      this.checkName(action.script, at, 'the screen pop script name');
      for (const name of Object.keys(action.inputs)) this.checkName(name, at, 'the script input name');
    },
    evaluateSchedule: (action, at) => {
      this.checkName(action.schedule, at, 'the schedule name');
    },
    holdMusic: (action, at) => {
      this.checkInQueueOnly('HoldMusic', action.id, at);
      if (action.prompt) this.checkPrompt(action.prompt, at, 'the hold music prompt');
    },
    playEstimatedWaitTime: (action, at) => this.checkInQueueOnly('PlayEstimatedWaitTime', action.id, at),
    findQueue: (action, at) => {
      this.checkInQueueOnly('FindQueue', action.id, at);
      const variable = action.foundQueue.foundBy!.variable;
      const other = this.foundQueueVariables.get(variable);
      if (other !== undefined) {
        this.report(
          'GC1002',
          at,
          `its found queue variable ${variable} is also that of FindQueue '${other}'`,
          action.id,
          'give the FindQueue an id that differs in letters or digits',
        );
      }
      if (this.declared.has(variable)) {
        this.report(
          'GC1002',
          at,
          `its found queue variable ${variable} is also a declared variable of the flow`,
          action.id,
          'rename the declared variable, or give the FindQueue another id',
        );
      }
      this.foundQueueVariables.set(variable, action.id);
      // Its found queue is usable in its found branch, which is walked after this rule runs.
      forEachActionIn(action.onFound, (a) => {
        if (a.kind === 'transferToAcd' && a.queue === action.foundQueue) this.foundQueueUses.add(a);
      });
    },
  };

  /** The variable of each FindQueue's found queue (derived from its id), with that id. */
  private readonly foundQueueVariables = new Map<string, string>();

  /** Transfers that use a found queue inside the found branch of the FindQueue that finds it. */
  private readonly foundQueueUses = new Set<Action>();

  /** HoldMusic, PlayEstimatedWaitTime and FindQueue exist only in in-queue call flows (Genesys help, each action's page). */
  private checkInQueueOnly(className: string, id: string, at: string): void {
    if (this.flowType !== 'inqueuecall') {
      this.report(
        'GC1017',
        at,
        `${className} is only available in in-queue call flows, not in a ${this.flowType} flow`,
        id,
        `move it into an InQueueCallFlow (and name that flow as the TransferToAcd's inQueueFlow)`,
      );
    }
  }

  /** Actions that only call flows have (Genesys help: "only available in call flows"). */
  private checkCallFlowOnly(className: string, id: string, at: string): void {
    if (this.flowType !== 'inboundcall' && this.flowType !== 'inqueuecall') {
      this.report(
        'GC1017',
        at,
        `${className} is not allowed in a ${this.flowType} flow (only call flows have it)`,
        id,
        'do it in the inbound call flow',
      );
    }
  }

  /** At least one attribute; names printable, non-empty and each written once. */
  private checkParticipantWrites(action: SetParticipantData, at: string): void {
    if (action.attributes.length === 0) {
      this.report('GC1016', at, 'a SetParticipantData needs at least one attribute', action.id, 'name an attribute and its value');
    }
    const seen = new Set<string>();
    for (const w of action.attributes) {
      const before = this.problems.length;
      this.checkName(w.attribute, at, 'the attribute name', MAX_NAME_LENGTH, 'GC1025');
      if (this.problems.length === before && seen.has(w.attribute)) {
        this.report('GC1025', at, 'the attribute is written twice in one action', w.attribute, 'write each attribute once');
      }
      seen.add(w.attribute);
    }
  }

  /** The target is an inbound call flow (Architect's Transfer to Flow offers only those), named as defined. */
  private checkTransferToFlow(action: TransferToFlow, at: string): void {
    this.checkCallFlowOnly('TransferToFlow', action.id, at);
    const target = action.flow;
    this.checkFlowName(target.flowName, at);
    const definitionType = target.definition?.type;
    if (target.flowType !== 'inboundcall' || (definitionType !== undefined && definitionType !== 'inboundcall')) {
      this.report(
        'GC1026',
        at,
        `TransferToFlow targets '${target.flowName}', a ${definitionType ?? target.flowType} flow; Architect transfers only to inbound call flows`,
        target.flowName,
        'target an inbound call flow (a shared flow is called with CallSharedFlow)',
      );
    } else if (target.definition !== undefined && target.definition.name !== target.flowName) {
      this.report(
        'GC1016',
        at,
        `the target's flowName differs from the name of its definition ('${target.definition.name}')`,
        target.flowName,
        "use the definition's name",
      );
    }
  }

  /** A queue a FindQueue found exists only in that FindQueue's found branch, and only a TransferToAcd can use it. */
  checkFoundQueue(queue: QueueTarget, id: string, at: string, action?: Action): void {
    if (queue.foundBy && !(action && this.foundQueueUses.has(action))) {
      this.report(
        'GC1031',
        at,
        `uses the queue found by FindQueue '${queue.foundBy.actionId}' outside that FindQueue's onFound actions`,
        id,
        `transfer with TransferToAcd inside the onFound actions of FindQueue '${queue.foundBy.actionId}'`,
      );
    }
  }

  /** The queue (a found one only where it exists) and the in-queue flow it overrides with, which must be an in-queue call flow. */
  private checkTransferToAcd(action: TransferToAcd, at: string): void {
    this.checkFoundQueue(action.queue, action.id, at, action);
    const flow = action.inQueueFlow;
    const problem = flow && inQueueFlowProblem(flow);
    if (flow && problem) {
      this.report(
        'GC1032',
        at,
        `inQueueFlow ${problem}; the override must be an in-queue call flow`,
        flow.definition?.type ?? flow.flowType,
        "name an InQueueCallFlow (or flowNamed(name, 'inqueuecall'))",
      );
    }
  }

  /** An EvaluateScheduleGroup names a group for each branch it has (Genesys help: "Available for all flow types"). */
  private checkScheduleGroup(action: EvaluateScheduleGroup, at: string): void {
    for (const [what, name] of [
      ['scheduleGroup', action.scheduleGroup],
      ['emergencyGroup', action.emergencyGroup],
    ] as const) {
      if (name !== undefined) this.checkName(name, at, `the ${what} name`);
    }
    if (action.scheduleGroup === undefined && action.emergencyGroup === undefined) {
      this.report('GC1016', at, 'an EvaluateScheduleGroup needs a scheduleGroup or an emergencyGroup', action.id, 'name the group to evaluate');
    }
    if (action.emergencyGroup === undefined && action.onEmergency.length > 0) {
      this.report('GC1016', at, 'onEmergency has actions but there is no emergencyGroup', action.id, 'name the emergencyGroup');
    }
    if (action.scheduleGroup === undefined && [action.onOpen, action.onClosed, action.onHoliday].some((l) => l.length > 0)) {
      this.report('GC1016', at, 'onOpen / onClosed / onHoliday have actions but there is no scheduleGroup', action.id, 'name the scheduleGroup');
    }
  }

  /** A CallData names its data action, passes every contract input (of its type: `reads`) and no other, reads only contract outputs. */
  private checkCallData(action: CallData, at: string): void {
    const target = action.action;
    this.checkName(target.integrationName, at, "the data action's integrationName", MAX_DATA_ACTION_NAME_LENGTH);
    this.checkName(target.actionName, at, "the data action's actionName", MAX_DATA_ACTION_NAME_LENGTH);
    for (const name of Object.keys(target.inputs)) this.checkName(name, at, 'the data action input name');
    for (const name of Object.keys(target.outputs)) this.checkName(name, at, 'the data action output name');
    if (target.secure === true) {
      this.report(
        'GC1017',
        at,
        `data action '${target.actionName}' is secure: Genesys calls a secure data action only with Call Secure Data, in a secure call flow (help, "Call Secure Data action"), which this project does not model`,
        target.actionName,
        'call a data action that is not secure (keep sensitive values out of participant data), or build that part as a secure flow in Architect and reach it with TransferToFlowSecure',
      );
    }
    const given: Readonly<Record<string, unknown>> = action.inputs ?? {};
    for (const [name, type] of Object.entries(target.inputs)) {
      // Own keys only: an input named `constructor` or `toString` is not given by Object.prototype.
      if (!Object.hasOwn(given, name) || given[name] === undefined) {
        this.report('GC1020', at, `input '${name}' (${type}) of data action '${target.actionName}' is not provided`, name, `add inputs.${name}`);
      }
    }
    for (const [name, value] of Object.entries(given)) {
      if (!Object.hasOwn(target.inputs, name)) {
        const known = Object.keys(target.inputs).join(', ') || 'none';
        this.report('GC1021', at, `data action '${target.actionName}' has no input '${name}'; inputs: ${known}`, name, 'remove it or fix the name');
      } else if (value !== undefined && !(value instanceof Expression)) {
        this.report(
          'GC1008',
          at,
          `input '${name}' is not an expression`,
          String(value),
          `give it a ${target.inputs[name]} expression (Expr, Variable.ref())`,
        );
      }
    }
    this.checkOutputNames(action.outputs, target.outputs, `data action '${target.actionName}' has no output`, at);
    const t = action.timeoutSeconds;
    const { min, max } = CALL_DATA_TIMEOUT_SECONDS;
    if (typeof t !== 'number' || !Number.isInteger(t) || t < min || t > max) {
      this.report('GC1023', at, `timeoutSeconds must be a whole number of seconds from ${min} to ${max}`, t, `use ${min} to ${max} (default ${max})`);
    }
  }

  /** A DataTableLookup names its table and reads only fields the table has (its key is an Expression from the constructor on). */
  private checkDataTableLookup(action: DataTableLookup, at: string): void {
    const name = action.table.tableName;
    this.checkName(name, at, "the data table's tableName");
    for (const field of Object.keys(action.table.fields)) this.checkName(field, at, 'the data table field name');
    this.checkOutputNames(action.outputs, action.table.fields, `data table '${name}' has no field`, at);
  }

  /** Outputs read by name must exist in the contract, into a Variable (its declaration and type are checked as writes). */
  private checkOutputNames(
    outputs: Readonly<Record<string, unknown>>,
    contract: Readonly<Record<string, DataType>>,
    noSuch: string,
    at: string,
  ): void {
    for (const [name, variable] of Object.entries(outputs ?? {})) {
      if (!Object.hasOwn(contract, name)) {
        const known = Object.keys(contract).join(', ') || 'none';
        this.report('GC1022', at, `${noSuch} '${name}'; outputs: ${known}`, name, 'read only outputs the contract declares, or fix the name');
      } else if (variable !== undefined && !(variable instanceof Variable)) {
        this.report('GC1008', at, `output '${name}' is not read into a Variable`, String(variable), `give a ${contract[name]} Variable`);
      }
    }
  }

  /** A raw action is one Archy action the language does not model; its content is not checked, only listed. */
  private checkRaw(action: RawAction, at: string): void {
    this.unchecked.push(at);
    const archy: unknown = action.archy;
    const keys = archy !== null && typeof archy === 'object' && !Array.isArray(archy) ? Object.keys(archy) : [];
    if (keys.length !== 1) {
      this.report(
        'GC1019',
        at,
        `a raw action is an object with exactly one key (the Archy action name); it has ${keys.length === 0 ? 'none' : keys.length}`,
        keys.join(', ') || JSON.stringify(archy) || String(archy),
        "write e.g. new RawAction('Wrap-up', { setWrapupCode: { name: 'Wrap-up', ... } }), one RawAction per Archy action",
      );
    } else if (!ARCHY_ACTION_NAME.test(keys[0])) {
      this.report(
        'GC1019',
        at,
        'the key of a raw action is an Archy action name (lowerCamelCase letters and digits)',
        keys[0],
        'write the action name as Architect exports it, e.g. setWrapupCode',
      );
    } else if (MODELLED_ARCHY_ACTIONS.some((name) => name.toLowerCase() === keys[0].toLowerCase())) {
      this.report(
        'GC1019',
        at,
        `${keys[0]} is an action the language models: a raw one would be neither checked nor simulated`,
        keys[0],
        `use the language's action for ${keys[0]} instead of RawAction`,
      );
    } else {
      const bad = unwritableIn((archy as Record<string, unknown>)[keys[0]], keys[0]);
      if (bad !== undefined) {
        this.report(
          'GC1019',
          at,
          `the raw action's content must be YAML data (an object of strings, numbers, booleans, null, lists and objects, without cycles); ${bad.what}`,
          bad.where,
          'write the Archy action as plain data',
        );
      }
    }
  }

  /** SetOutcome and EndSharedFlow belong in shared flows, with one of its declared outcomes. */
  private checkOutcomeAction(className: string, id: string, outcome: string | undefined, at: string): void {
    if (!this.moduleOutcomes) {
      this.report('GC1017', at, `${className} is only allowed in a shared flow, not in a ${this.flowType} flow`, id, 'use Disconnect or a transfer');
    } else if (outcome !== undefined && !this.moduleOutcomes.includes(outcome)) {
      this.report(
        'GC1012',
        at,
        `outcome is not declared; declared outcomes: ${this.moduleOutcomes.join(', ')}`,
        outcome,
        "add it to the shared flow's outcomes or use a declared one",
      );
    }
  }

  resolveMenu(target: Menu | string, at: string): void {
    this.resolve('menu', this.menus, target, at);
  }

  resolveTask(target: Task | string, at: string): void {
    this.resolve('task', this.tasks, target, at);
  }

  /** A reference (by object or id) must name a task or menu registered in this flow. */
  private resolve<T extends { id: string }>(kind: 'menu' | 'task', known: Map<string, T>, target: T | string, at: string): void {
    const id = typeof target === 'string' ? target : target.id;
    const found = known.get(id);
    if (!found || (typeof target !== 'string' && found !== target)) {
      this.report(
        'GC1003',
        at,
        `${kind} reference has no target in this flow; known ${kind}s: ${[...known.keys()].join(', ') || 'none'}`,
        id,
        `add the ${kind} to the flow's ${kind}s or fix the id`,
      );
    }
  }

  private checkCall(call: CallSharedFlow, at: string): void {
    const flow = call.flow;
    if (this.flowType === 'commonmodule') {
      this.report(
        'GC1013',
        at,
        `a shared flow cannot call another shared flow ('${flow.flowName}')`,
        flow.flowName,
        'move the call into the calling inbound flow, or merge the logic',
      );
      return;
    }
    if (!flow.compatibleFlowTypes.includes(this.flowType)) {
      this.report(
        'GC1018',
        at,
        `shared flow '${flow.flowName}' accepts callers of types ${flow.compatibleFlowTypes.join(', ')}`,
        this.flowType,
        `add '${this.flowType}' to its compatibleFlowTypes`,
      );
    }
    const inputs = call.inputs ?? {};
    for (const [name, spec] of Object.entries(flow.inputs)) {
      if (spec.required && (!Object.hasOwn(inputs, name) || inputs[name] === undefined)) {
        this.report('GC1009', at, `required input '${name}' (${spec.type}) of '${flow.flowName}' is not provided`, name, `add inputs.${name}`);
      }
    }
    for (const name of Object.keys(inputs)) {
      if (!Object.hasOwn(flow.inputs, name)) {
        this.report(
          'GC1010',
          at,
          `'${flow.flowName}' has no input '${name}'; inputs: ${Object.keys(flow.inputs).join(', ') || 'none'}`,
          name,
          'remove it or fix the name',
        );
      }
    }
    for (const name of Object.keys(call.outputs ?? {})) {
      if (!Object.hasOwn(flow.outputs, name)) {
        this.report(
          'GC1011',
          at,
          `'${flow.flowName}' has no output '${name}'; outputs: ${Object.keys(flow.outputs).join(', ') || 'none'}`,
          name,
          'read only declared outputs',
        );
      }
    }
    const declared = flow.outcomes;
    if (declared.length === 0) {
      this.report(
        'GC1012',
        at,
        `shared flow '${flow.flowName}' declares no outcomes, so a call cannot branch on one`,
        flow.flowName,
        'declare its outcomes in the SharedFlow (or SharedFlow.fromName signature)',
      );
    }
    const twice = declared.filter((o, i) => declared.indexOf(o) !== i);
    if (twice.length > 0) {
      this.report(
        'GC1012',
        at,
        `shared flow '${flow.flowName}' declares outcome '${twice[0]}' more than once`,
        twice[0],
        'list each outcome once in its signature',
      );
    }
    const handled = Object.keys(call.outcomes);
    for (const o of flow.outcomes) {
      if (!handled.includes(o)) {
        this.report('GC1012', at, `outcome '${o}' of '${flow.flowName}' is not handled`, o, `add outcomes.${o}`);
      }
    }
    for (const o of handled) {
      if (!flow.outcomes.includes(o)) {
        this.report(
          'GC1012',
          at,
          `'${flow.flowName}' has no outcome '${o}'; outcomes: ${flow.outcomes.join(', ')}`,
          o,
          'handle only declared outcomes',
        );
      }
    }
  }

  /**
   * A shared flow's outcome must be set on every path that reaches an `EndSharedFlow` without one:
   * walks the list with whether every path so far has set it (`SetOutcome`, or `EndSharedFlow` with an
   * outcome, which ends the path), reports GC1012 at each bare `EndSharedFlow` a path reaches unset, and
   * returns the state where control falls off the end (undefined when it cannot). Branches that fall
   * through meet: the outcome is set after them only if every one set it. A loop body may be left before
   * it sets anything (`LoopExit`, `LoopNext`), so what it sets does not count after the loop.
   */
  checkOutcomeSet(actions: readonly Action[], path: string, set = false, loop?: { exits: boolean }): boolean | undefined {
    let state: boolean | undefined = set;
    for (const action of actions) {
      // Unreachable actions are GC1004 (walk); nothing reaches them unset.
      if (state === undefined) return undefined;
      state = this.outcomeAfter(action, `${path} > ${action.id}`, state, loop);
    }
    return state;
  }

  private outcomeAfter(action: Action, at: string, set: boolean, loop?: { exits: boolean }): boolean | undefined {
    if (action.kind === 'setOutcome') return true;
    if (action.kind === 'endSharedFlow') {
      if (action.outcome === undefined && !set) {
        const safe = this.moduleOutcomes?.[this.moduleOutcomes.length - 1] ?? 'failure';
        this.report(
          'GC1012',
          at,
          'EndSharedFlow without an outcome returns the outcome a SetOutcome set, but a path reaches it without one (the caller would get NOT_SET)',
          action.id,
          `set a default outcome with SetOutcome at the start of the module (e.g. new SetOutcome('Default outcome', '${safe}')), or pass the outcome: new EndSharedFlow('${action.id}', '${safe}')`,
        );
      }
      return undefined;
    }
    if (action.kind === 'loop') {
      const frame = { exits: false };
      const body = this.checkOutcomeSet(action.body, `${at} > loop`, set, frame);
      // Control leaves the loop (with at least what was set before it) when the body falls through or exits.
      return body !== undefined || frame.exits ? set : undefined;
    }
    const control = action.control();
    if (control === 'terminal') return undefined;
    if (control === 'loopControl') {
      if (loop) loop.exits = true;
      return undefined;
    }
    const branches = action.branches();
    if (branches.length === 0) return set;
    const through = branches
      .map((b) => this.checkOutcomeSet(b.actions, `${at} > ${b.label}`, set, loop))
      .filter((s): s is boolean => s !== undefined);
    return through.length === 0 ? undefined : through.every((s) => s);
  }

  /** Checks a sequence that must end every path (a task, a module body, an inline menu choice). */
  checkEnds(actions: readonly Action[], path: string, fix: string): void {
    if (this.walk(actions, path)) {
      const last = actions[actions.length - 1];
      this.report(
        'GC1005',
        last ? `${path} > ${last.id}` : path,
        'a path reaches the end without a terminal action',
        last?.id ?? '(no actions)',
        fix,
      );
    }
  }
}

/** For kinds whose checks are the ones every action gets. */
function noRulesOfItsOwn(): void {}

/** Operands of comparisons must share a type, `and`/`or`/`not` need booleans (JS callers bypass TS generics). */
function checkOperandTypes(checker: FlowChecker, e: Expression, path: string, what: string): void {
  for (const x of e.subexpressions()) {
    const n = x.node;
    if (n.kind === 'compare' && n.left.type !== n.right.type) {
      checker.report(
        'GC1008',
        path,
        `${what} compares ${n.left.type} with ${n.right.type}`,
        x.render(),
        'convert one side (e.g. Expr.toInt / Expr.toString)',
      );
    }
    if ((n.kind === 'logical' && (n.left.type !== 'boolean' || n.right.type !== 'boolean')) || (n.kind === 'not' && n.operand.type !== 'boolean')) {
      checker.report(
        'GC1008',
        path,
        `${what} applies ${n.kind === 'not' ? 'not' : n.op} to a non-boolean`,
        x.render(),
        'use comparisons to build booleans',
      );
    }
  }
}

/** An Archy action name as exports write them: `setWrapupCode`, `transferToNumber`. */
const ARCHY_ACTION_NAME = /^[a-z][A-Za-z0-9]*$/;

/** Nesting a raw action's content may have: far beyond any real action, well below a stack overflow. */
const MAX_RAW_DEPTH = 64;

/**
 * The first part of a raw action's content that YAML cannot write as data (`where`: its path inside the
 * action); undefined when it is all data. The action itself must be an object.
 */
function unwritableIn(value: unknown, where: string, depth = 0, seen = new Set<object>()): { what: string; where: string } | undefined {
  if (depth === 0 && (value === null || typeof value !== 'object' || Array.isArray(value))) return { what: 'its value is not an object', where };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { what: 'a number that is not finite', where };
  if (typeof value !== 'object') return { what: `a ${typeof value}`, where };
  if (depth > MAX_RAW_DEPTH) return { what: `nested deeper than ${MAX_RAW_DEPTH} levels`, where };
  if (seen.has(value)) return { what: 'a cycle', where };
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return { what: 'an object that is not plain data', where };
  seen.add(value);
  const entries = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v] as const) : Object.entries(value).map(([k, v]) => [`.${k}`, v] as const);
  for (const [key, child] of entries) {
    if (child === undefined) return { what: 'an undefined value', where: `${where}${key}` };
    const bad = unwritableIn(child, `${where}${key}`, depth + 1, seen);
    if (bad) return bad;
  }
  seen.delete(value);
  return undefined;
}
