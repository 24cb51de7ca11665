import { sha256, stableStringify } from '../util/json.js';

/**
 * Verbs that only read. Used only when a record does not say itself (CloudTrail `readOnly`,
 * ActionTrail `eventRW`), e.g. old ActionTrail events and trimmed CloudTrail exports.
 */
const READ_VERB =
  /^(Describe|Get|List|Lookup|Search|Query|Check|Head|BatchGet|Scan|Select|Simulate|Validate|Estimate|Preview|Decrypt|Encrypt|GenerateDataKey|Verify|Assume)/;

export function readOnlyByName(name: string): boolean {
  return READ_VERB.test(name);
}

/** `true`, `"true"`, `"True"` → true; `false`, `"false"` → false; anything else → undefined. */
export function parseBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
  }
  return undefined;
}

/** A stable id for a record that has none, so that two deliveries of it still match. */
export function derivedId(record: unknown): string {
  return 'derived-' + sha256(stableStringify(record)).slice(0, 24);
}
