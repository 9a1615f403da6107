/**
 * The rules for the numbers an IVR answers (DNIS) and the DID pool they lie in, in one place: config
 * validation and InboundIvr give the same verdicts, each in its own codes and words. Numbers are E.164
 * (./e164.ts). Pure.
 */
import { isE164 } from './e164';

/** A DID pool: the numbers from `start` to `end`, both included. */
export interface NumberRange {
  readonly start: string;
  readonly end: string;
}

/**
 * Whether `start..end` can be a DID pool: both E.164 with the same number of digits (numbers of different
 * lengths do not compare digit by digit), start not after end.
 */
export function isNumberRange(start: string, end: string): boolean {
  return isE164(start) && isE164(end) && start.length === end.length && start <= end;
}

/** Whether `number` lies in `range`: the same number of digits, between the bounds. */
export function inNumberRange(number: string, range: NumberRange): boolean {
  return number.length === range.start.length && number >= range.start && number <= range.end;
}

/** Whether two pools share a number (a number belongs to one pool). */
export function numberRangesOverlap(a: NumberRange, b: NumberRange): boolean {
  return a.start.length === b.start.length && a.start <= b.end && b.start <= a.end;
}

/** The numbers routed so far and who routes each: a number reaches one IVR, and is listed once. */
export class RoutedNumbers {
  private readonly owners = new Map<string, string>();

  /** Routes `number` to `owner`; a repeat keeps the first owner, and the answer is that owner. */
  route(number: string, owner: string): string | undefined {
    const first = this.owners.get(number);
    if (first === undefined) this.owners.set(number, owner);
    return first;
  }
}
