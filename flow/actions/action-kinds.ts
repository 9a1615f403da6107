import { ActionBase, ActionKind } from './action';

/** Every action kind, written out so JavaScript can tell one at run time; a new kind is a compile error until listed. */
const ACTION_KINDS: Readonly<Record<ActionKind, true>> = {
  callData: true,
  callSharedFlow: true,
  collectDigits: true,
  dataTableLookup: true,
  decision: true,
  disconnect: true,
  endSharedFlow: true,
  evaluateSchedule: true,
  evaluateScheduleGroup: true,
  findQueue: true,
  getParticipantData: true,
  holdMusic: true,
  jumpToMenu: true,
  jumpToTask: true,
  loop: true,
  loopExit: true,
  loopNext: true,
  playAudio: true,
  playEstimatedWaitTime: true,
  raw: true,
  setOutcome: true,
  setParticipantData: true,
  setScreenPop: true,
  switch: true,
  transferToAcd: true,
  transferToFlow: true,
  transferToFlowSecure: true,
  transferToVoicemail: true,
  updateData: true,
};

/** Whether `x` is an action of a kind rendering, validation and simulation handle (JavaScript may pass anything). */
export function isAction(x: unknown): boolean {
  return x instanceof ActionBase && typeof x.kind === 'string' && Object.hasOwn(ACTION_KINDS, x.kind);
}
