import { createHash } from 'crypto';

/** sha256 (hex) of text, the hash used for rendered flows and trigger hashes. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
