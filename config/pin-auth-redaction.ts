/**
 * What a config error under `pinAuth` may show of the value it refuses. pinAuth is where a PIN or a
 * service credential would be pasted by mistake, and errors end up in CI logs, so:
 * - pinAuth itself, when it is not an object (a PIN written as `pinAuth: '987654'`), is not shown;
 * - maxAttempts is shown only when it is a number from -99 to 99 (an attempts count typed wrong): a
 *   longer number, or text, may be a PIN typed where maxAttempts goes;
 * - elsewhere, a URL's user-info is replaced (`https://***@host/…`); an object or array (it may hold
 *   `expectedPin` or a credential at any depth) is not shown, nor a number beyond -99 to 99;
 * - other text, booleans, null and a missing value are shown.
 */
export const NOT_SHOWN = '(not shown)';

/** Largest magnitude of a number shown: attempts counts are small, PINs have four digits or more. */
const LARGEST_SHOWN_NUMBER = 99;

/** `scheme://user:password@` at the start of text, parsed or not (a refused URL may not parse). */
const USER_INFO = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i;

const isSmallNumber = (value: unknown): boolean => typeof value === 'number' && Math.abs(value) <= LARGEST_SHOWN_NUMBER;

/** `value`, refused at `field` of pinAuth (`''` for pinAuth itself), as a config error may show it. */
export function redactPinAuthValue(field: string, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (field === '') return NOT_SHOWN;
  if (field === 'maxAttempts') return isSmallNumber(value) ? value : NOT_SHOWN;
  if (typeof value === 'string') return value.replace(USER_INFO, '$1***@');
  if (typeof value === 'number') return isSmallNumber(value) ? value : NOT_SHOWN;
  if (value === null || typeof value === 'boolean') return value;
  return NOT_SHOWN;
}
