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
  const name = intern(str(r.eventName));
  if (!name) return { ok: false, kind: 'not-an-event', message: 'CloudTrail record without eventName' };
  const timeText = str(r.eventTime);
  const canonical = timeText === undefined ? undefined : canonicalTime(timeText);
  const epochMs = canonical ?? (timeText === undefined ? undefined : parseTime(timeText));
  if (epochMs === undefined) {
    return { ok: false, kind: 'bad-time', message: `${name}: eventTime ${JSON.stringify(r.eventTime ?? null)} is not a time` };
  }
  const ui: Rec = isPlainObject(r.userIdentity) ? r.userIdentity : {};
  const session = isPlainObject(ui.sessionContext) ? ui.sessionContext : {};
  const issuer = isPlainObject(session.sessionIssuer) ? session.sessionIssuer : {};
  const account = intern(str(r.recipientAccountId) ?? str(ui.accountId) ?? '');
  const type = intern(str(ui.type) ?? (str(ui.invokedBy) ? 'AWSService' : 'Unknown'));
  const principal = intern(
    str(ui.arn) ?? str(ui.principalId) ?? str(ui.invokedBy) ?? (type === 'Root' && account ? `arn:aws:iam::${account}:root` : 'unknown'),
  );
  const userName = intern(str(ui.userName) ?? str(issuer.userName) ?? (type === 'Root' ? 'root' : undefined));
  const accessKeyId = intern(str(ui.accessKeyId));
  const sourceIp = intern(str(r.sourceIPAddress));
  const userAgent = intern(str(r.userAgent));
  const id = str(r.eventID);
  const errorCode = intern(str(r.errorCode));
  const event: Omit<TrailEvent, 'origin'> = {
    id: id ?? derivedId(r),
    time: canonical !== undefined ? timeText! : isoTime(epochMs),
    epochMs,
    provider: 'aws',
    service: intern((str(r.eventSource) ?? '').replace(/\.amazonaws\.com$/, '').toLowerCase()),
    name,
    region: intern(str(r.awsRegion) ?? ''),
    account,
    readOnly: cloudTrailReadOnly(r),
    actor: {
      type,
      principal,
      ...(userName !== undefined && { userName }),
      ...(accessKeyId !== undefined && { accessKeyId }),
      ...(sourceIp !== undefined && { sourceIp }),
      ...(userAgent !== undefined && { userAgent }),
    },
    request: redactSecrets(r.requestParameters ?? null),
    resources: Array.isArray(r.resources)
      ? r.resources.filter(isPlainObject).flatMap((res) => {
          const arn = str(res.ARN) ?? str(res.arn);
          return arn ? [{ type: intern(str(res.type) ?? ''), id: intern(arn) }] : [];
        })
      : [],
  };
  const eventType = intern(str(r.eventType));
  if (eventType) event.eventType = eventType;
  if (errorCode) {
    const errorMessage = intern(str(r.errorMessage));
    event.error = { code: errorCode, ...(errorMessage && { message: errorMessage }) };
  }
  if (r.responseElements !== undefined && r.responseElements !== null) event.response = redactSecrets(r.responseElements);
  if (keepRaw) event.raw = redactSecrets(r);
  return { ok: true, event, derivedId: id === undefined };
}

/**
 * One copy of each repeated text of the kept events (user agent, ARNs, key, IP, service,
 * region, account…). A trail repeats a few hundred of them across millions of records and every
 * JSON.parse makes new copies: sharing them is about a third of a kept event's memory. Bounded:
 * emptied when full, which only costs sharing.
 */
const interned = new Map<string, string>();
const MAX_INTERNED = 50_000;

function intern(text: string): string;
function intern(text: string | undefined): string | undefined;
function intern(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const known = interned.get(text);
  if (known !== undefined) return known;
  if (interned.size >= MAX_INTERNED) interned.clear();
  interned.set(text, text);
  return text;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Epoch ms of `YYYY-MM-DDTHH:MM:SSZ`, the form CloudTrail writes, without the general parser; for
 * such a text parseTime gives the same epoch and isoTime gives the text back, so the caller keeps
 * the text as `time`. Anything else (fractions, offsets, a space, leap second, year before 1000,
 * impossible dates) → undefined, and the caller uses parseTime.
 */
function canonicalTime(text: string): number | undefined {
  if (
    text.length !== 20 ||
    text.charCodeAt(4) !== 0x2d ||
    text.charCodeAt(7) !== 0x2d ||
    text.charCodeAt(10) !== 0x54 ||
    text.charCodeAt(13) !== 0x3a ||
    text.charCodeAt(16) !== 0x3a ||
    text.charCodeAt(19) !== 0x5a
  ) {
    return undefined;
  }
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  const h = digits(text, 11, 2);
  const mi = digits(text, 14, 2);
  const s = digits(text, 17, 2);
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return undefined;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > DAYS_IN_MONTH[mo - 1]! + (mo === 2 && leap ? 1 : 0)) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** The decimal number in text[at, at + length), or -1 when a character is not a digit. */
function digits(text: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const c = text.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}
