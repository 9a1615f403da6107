/**
 * cdktf's token marker: cdktf encodes its references in strings as `${TfToken[…]}` (`#{…}` in lists,
 * `&{…}` in maps) and resolves whatever looks like one at synth, so literal text must never contain it.
 * Pure: config validation refuses such text, and the constructs escape around real tokens.
 */

/** What cdktf takes for a token in any encoding (string, list, map); literal text must not contain it. */
const TOKEN_MARKER = /[$#&]\{TfToken\[/;

/** True when `text` holds something cdktf would take for one of its tokens (a reference). */
export function containsTokenMarker(text: string): boolean {
  return TOKEN_MARKER.test(text);
}
