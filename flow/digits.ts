import { invalid } from './errors';

/** How many DTMF digits a collect action accepts. */
export class Digits {
  /** Exactly `count` digits (1–32), e.g. a 4-digit PIN. */
  static exactly(count: number): Digits {
    checkCount('Digits.exactly', count);
    return new Digits(count, count, undefined);
  }
  /** Between `min` and `max` digits, optionally ended early by `#`. */
  static between(min: number, max: number, options: { terminateWithPound?: boolean } = {}): Digits {
    checkCount('Digits.between(min)', min);
    checkCount('Digits.between(max)', max);
    if (max < min) throw invalid('GC1016', 'Digits.between', 'max is smaller than min', `${min}..${max}`, 'swap min and max');
    return new Digits(min, max, options.terminateWithPound ? '#' : undefined);
  }
  private constructor(
    readonly min: number,
    readonly max: number,
    readonly terminator: '#' | undefined,
  ) {}
}

function checkCount(where: string, n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 32) {
    throw invalid('GC1016', where, 'digit count must be an integer from 1 to 32', n, 'use a count such as 4');
  }
}
