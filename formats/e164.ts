/**
 * Phone numbers in E.164, the form Genesys stores DIDs in. Pure: config validation and the constructs
 * (an IVR's DNIS) both check numbers with it.
 */

/** E.164: `+`, a non-zero country digit, at most 15 digits in all. */
const E164 = /^\+[1-9][0-9]{1,14}$/;

export function isE164(value: string): boolean {
  return E164.test(value);
}
