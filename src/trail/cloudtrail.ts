import type { TrailEvent } from '../events/model.js';
import { isPlainObject, str } from '../util/json.js';
import { redactSecrets } from '../util/redact.js';
import { isoTime, parseTime } from '../util/time.js';
import { derivedId, parseBool, readOnlyByName } from './common.js';

type Rec = Record<string, unknown>;

export function isCloudTrailRecord(r: Rec): boolean {
  return (
    'eventID' in r ||
    'awsRegion' in r ||
    (typeof r.eventSource === 'string' && r.eventSource.endsWith('.amazonaws.com'))
  );
}

/** CloudTrail `readOnly` (boolean, or a string in hand-made files), else the verb of the name. */
export function cloudTrailReadOnly(r: Rec): boolean {
  return parseBool(r.readOnly) ?? readOnlyByName(str(r.eventName) ?? '');
}

export type NormalizeResult =
  | { ok: true; event: Omit<TrailEvent, 'origin'>; derivedId: boolean }
  | { ok: false; kind: 'not-an-event' | 'bad-time'; message: string };

/**
 * CloudTrail record → TrailEvent.
 * id ← eventID; service ← eventSource without `.amazonaws.com`; account ← recipientAccountId,
 * else userIdentity.accountId; actor.principal ← userIdentity.arn, else principalId, else
 * invokedBy (service events); resources ← the record's `resources[]` (ARN, type).
 */
export function normalizeCloudTrail(r: Rec, keepRaw: boolean): NormalizeResult {
  const name = str(r.eventName);
  if (!name) return { ok: false, kind: 'not-an-event', message: 'CloudTrail record without eventName' };
  const timeText = str(r.eventTime);
  const epochMs = timeText === undefined ? undefined : parseTime(timeText);
  if (epochMs === undefined) {
    return { ok: false, kind: 'bad-time', message: `${name}: eventTime ${JSON.stringify(r.eventTime ?? null)} is not a time` };
  }
  const ui: Rec = isPlainObject(r.userIdentity) ? r.userIdentity : {};
  const session = isPlainObject(ui.sessionContext) ? ui.sessionContext : {};
  const issuer = isPlainObject(session.sessionIssuer) ? session.sessionIssuer : {};
  const account = str(r.recipientAccountId) ?? str(ui.accountId) ?? '';
  const type = str(ui.type) ?? (str(ui.invokedBy) ? 'AWSService' : 'Unknown');
  const principal =
    str(ui.arn) ?? str(ui.principalId) ?? str(ui.invokedBy) ?? (type === 'Root' && account ? `arn:aws:iam::${account}:root` : 'unknown');
  const userName = str(ui.userName) ?? str(issuer.userName) ?? (type === 'Root' ? 'root' : undefined);
  const id = str(r.eventID);
  const errorCode = str(r.errorCode);
  const event: Omit<TrailEvent, 'origin'> = {
    id: id ?? derivedId(r),
    time: isoTime(epochMs),
    epochMs,
    provider: 'aws',
    service: (str(r.eventSource) ?? '').replace(/\.amazonaws\.com$/, '').toLowerCase(),
    name,
    region: str(r.awsRegion) ?? '',
    account,
    readOnly: cloudTrailReadOnly(r),
    actor: {
      type,
      principal,
      ...(userName !== undefined && { userName }),
      ...(str(ui.accessKeyId) !== undefined && { accessKeyId: str(ui.accessKeyId) }),
      ...(str(r.sourceIPAddress) !== undefined && { sourceIp: str(r.sourceIPAddress) }),
      ...(str(r.userAgent) !== undefined && { userAgent: str(r.userAgent) }),
    },
    request: redactSecrets(r.requestParameters ?? null),
    resources: Array.isArray(r.resources)
      ? r.resources.filter(isPlainObject).flatMap((res) => {
          const arn = str(res.ARN) ?? str(res.arn);
          return arn ? [{ type: str(res.type) ?? '', id: arn }] : [];
        })
      : [],
  };
  if (str(r.eventType)) event.eventType = str(r.eventType);
  if (errorCode) event.error = { code: errorCode, ...(str(r.errorMessage) && { message: str(r.errorMessage) }) };
  if (r.responseElements !== undefined && r.responseElements !== null) event.response = redactSecrets(r.responseElements);
  if (keepRaw) event.raw = redactSecrets(r);
  return { ok: true, event, derivedId: id === undefined };
}
