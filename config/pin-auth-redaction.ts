import { NOT_SHOWN } from '../formats/not-shown';
import { hideUserInfo } from '../formats/url-user-info';

/**
 * What a config error under `pinAuth` may show of the value it refuses. pinAuth is where a PIN or a
 * service credential would be pasted by mistake, and errors end up in CI logs, so it fails closed:
 * - pinAuth and accountLookup, when they are not objects (`pinAuth: '987654'`), are not shown;
 * - maxAttempts is shown only when it is a number from -99 to 99 (an attempts count typed wrong): a
 *   longer number, or text, may be a PIN typed where maxAttempts goes;
 * - elsewhere, text (a value, or the name of an unknown field) is shown as `redactPinAuthText` gives it;
 *   an object or array (it may hold `expectedPin` or a credential at any depth) is not shown, nor a
 *   number beyond -99 to 99;
 * - booleans, null and a missing value are shown.
 */

/** Largest magnitude of a number shown: attempts counts are small, PINs have four digits or more. */
const LARGEST_SHOWN_NUMBER = 99;

/** Text with a digit and no letter (`' 9876'`, `'98-76'`): a PIN or account number, whatever field it is in. */
const NUMBER_LIKE = /^[^\p{L}]*\p{N}[^\p{L}]*$/u;
/** Four digits or more in a row: a PIN inside other text (`/lookup?pin=9876`). */
const DIGIT_RUN = /\p{N}{4,}/gu;
/** A URL's query or fragment, from its first `?` or `#`: where a PIN or token is passed. */
const QUERY_OR_FRAGMENT = /[?#].*$/s;

const isSmallNumber = (value: unknown): boolean => typeof value === 'number' && Math.abs(value) <= LARGEST_SHOWN_NUMBER;

/**
 * Text under pinAuth as an error may show it: not at all when it looks like a number; otherwise with
 * everything up to its last `@` replaced (`https://***@host/…`: user-info, whatever its form), then its
 * query or fragment (`?***`), then each run of four or more digits (`***`).
 */
export function redactPinAuthText(text: string): string {
  if (NUMBER_LIKE.test(text)) return NOT_SHOWN;
  return hideUserInfo(text)
    .replace(QUERY_OR_FRAGMENT, (rest) => `${rest[0]}***`)
    .replace(DIGIT_RUN, '***');
}

/** `value`, refused at `field` of pinAuth (`''` for pinAuth itself), as a config error may show it. */
export function redactPinAuthValue(field: string, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (field === '' || field === 'accountLookup') return NOT_SHOWN;
  if (field === 'maxAttempts') return isSmallNumber(value) ? value : NOT_SHOWN;
  if (typeof value === 'string') return redactPinAuthText(value);
  if (typeof value === 'number') return isSmallNumber(value) ? value : NOT_SHOWN;
  if (value === null || typeof value === 'boolean') return value;
  return NOT_SHOWN;
}
