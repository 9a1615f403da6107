import { badRequest } from './http-error';

/**
 * Checks of request parameters and bodies against the documented contract. Each throws a 400
 * ErrorBody naming the parameter; nothing here refuses what the contract leaves open (CONTRACT.md).
 */

/** A query parameter the operation documents as required (present and not empty). */
export function requiredQuery(q: URLSearchParams, name: string): string {
  const value = q.get(name);
  if (value === null || value.trim() === '') throw badRequest(`Missing the required query parameter '${name}'.`);
  return value;
}

/** A single-valued query parameter that, when given, must be one of the documented values. */
export function optionalEnumQuery<T extends string>(q: URLSearchParams, name: string, values: readonly T[]): T | undefined {
  const value = q.get(name);
  if (value === null) return undefined;
  return checkEnum(name, value, values);
}

/**
 * The values of a multi-valued query parameter: repeated (`type=a&type=b`, as the Go SDK and so the
 * provider send it) or comma-joined (`type=a,b`, as the JS SDK 262 sends a `multi` collection).
 */
export function multiQuery(q: URLSearchParams, name: string): string[] {
  return q.getAll(name).flatMap((value) => value.split(','));
}

/** A multi-valued query parameter whose every value must be documented. */
export function enumQueryValues<T extends string>(q: URLSearchParams, name: string, values: readonly T[]): T[] {
  return multiQuery(q, name).map((value) => checkEnum(name, value, values));
}

/**
 * A value that must be one of the documented values, returned as documented. The documentation gives
 * each enum's spelling but says nothing about letter case, so any case is accepted (CONTRACT.md, the
 * emulator's choices): `INBOUNDCALL` is `inboundcall`.
 */
export function checkEnum<T extends string>(name: string, value: unknown, values: readonly T[]): T {
  const documented = typeof value === 'string' ? values.find((v) => v.toLowerCase() === value.toLowerCase()) : undefined;
  if (documented === undefined) {
    throw badRequest(`Invalid value ${JSON.stringify(value)} for '${name}'; allowed values: ${values.join(', ')}.`);
  }
  return documented;
}

/** A JSON request body (an object); malformed JSON or another JSON type is a 400. */
export function jsonBody(body: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw badRequest('The request body must be a JSON object.');
  return parsed as Record<string, unknown>;
}

/** A string property of a body that the model marks required (present, a non-blank string). */
export function requiredString(obj: Record<string, unknown>, name: string, where: string): string {
  const value = obj[name];
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(`${where}: '${name}' is required.`);
  return value;
}
