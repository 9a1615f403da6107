import { ActionBase } from './action';

/**
 * Tells a caller waiting in queue the call's estimated wait time (`Call.EstimatedWaitTime`), precisely
 * ("four minutes and thirty-one seconds"); only in in-queue call flows. When the platform has no estimate
 * (NOT_SET), nothing plays. Control continues after it.
 */
export class PlayEstimatedWaitTime extends ActionBase {
  readonly kind = 'playEstimatedWaitTime';
}

declare module './action' {
  interface ActionsByKind {
    playEstimatedWaitTime: PlayEstimatedWaitTime;
  }
}
