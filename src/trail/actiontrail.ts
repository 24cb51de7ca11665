import type { ResourceRef, TrailEvent } from '../events/model.js';
import { isPlainObject, str } from '../util/json.js';
import { REDACTED, redactSecrets } from '../util/redact.js';
import { isoTime, parseTime } from '../util/time.js';
import type { NormalizeResult } from './cloudtrail.js';
import { derivedId, readOnlyByName } from './common.js';

type Rec = Record<string, unknown>;

export function isActionTrailRecord(r: Rec): boolean {
  return 'acsRegion' in r || 'eventId' in r || 'serviceName' in r || 'AcsRegion' in r || 'EventId' in r;
}

/**
 * Some delivery paths write PascalCase keys (`EventName`, `UserIdentity.AccountId`). Lower-case
 * the first letter of the event's own keys and of userIdentity's; parameter maps keep their keys.
 */
export function camelCaseActionTrail(r: Rec): Rec {
  if ('eventName' in r || !('EventName' in r)) return r;
  const out: Rec = {};
  for (const [k, v] of Object.entries(r)) {
    const key = lowerFirst(k);
    out[key] = key === 'userIdentity' && isPlainObject(v) ? lowerKeys(v) : v;
  }
  return out;
}

function lowerFirst(k: string): string {
  return k.charAt(0).toLowerCase() + k.slice(1);
}

function lowerKeys(o: Rec): Rec {
  const out: Rec = {};
  for (const [k, v] of Object.entries(o)) out[lowerFirst(k)] = isPlainObject(v) ? lowerKeys(v) : v;
  return out;
}

export function actionTrailReadOnly(r: Rec): boolean {
  const rw = str(r.eventRW)?.toLowerCase();
  if (rw === 'read') return true;
  if (rw === 'write') return false;
  return readOnlyByName(str(r.eventName) ?? '');
}

/** Keys the API gateway or console adds to requestParameters; they are not the call's inputs. */
const NOISE_KEY =
  /^(AcsHost|AcsProduct|HostId|RequestId|charset|AcceptLanguage|AkProxySuffix|ClientPort|X-Acs-.*|SourceRegionId|stsTokenPlayerUid|stsTokenPrincipalName|ServiceCode|Region|https|SlbApi__domiain|Is4Service|callerBid|CallerBid|SignatureType|UserAgent)$/;

/**
 * Request parameters as the API saw them: gateway noise dropped, RPC-flattened keys
 * (`InstanceId.1`, `Permissions.1.PortRange`, `SystemDisk.Size`) turned back into arrays and
 * objects. Arrays are ordered by their 1-based index as a number.
 */
export function actionTrailRequest(r: Rec): unknown {
  let params: unknown = r.requestParameters;
  if (params === undefined && typeof r.requestParameterJson === 'string') {
    try {
      params = JSON.parse(r.requestParameterJson);
    } catch {
      params = { requestParameterJson: redactJsonText(r.requestParameterJson) };
    }
  }
  if (!isPlainObject(params)) return params ?? null;
  const kept: Rec = {};
  for (const [k, v] of Object.entries(params)) if (!NOISE_KEY.test(k)) define(kept, k, v);
  return unflatten(kept);
}

/** Whether the shared redaction rule treats values under `key` as secrets. */
function isSecretKey(key: string): boolean {
  return (redactSecrets({ [key]: 'x' }) as Rec)[key] === REDACTED;
}

/**
 * `requestParameterJson` holds the request as JSON text, where key-based redaction cannot see:
 * redact it parsed, or, when it does not parse (seen in exports), mask the values of secret keys in place.
 */
export function redactJsonText(text: string): string {
  try {
    return JSON.stringify(redactSecrets(JSON.parse(text)));
  } catch {
    return text.replace(/"((?:[^"\\]|\\.)*)"(\s*:\s*)("(?:[^"\\]|\\.)*"|[^,}\]\s]+)/g, (whole, key: string, sep: string) =>
      isSecretKey(key) ? `"${key}"${sep}"${REDACTED}"` : whole,
    );
  }
}

/** The record for `raw`: secrets redacted, including inside the JSON text of requestParameterJson. */
function redactRaw(input: Rec): unknown {
  let record = input;
  for (const key of ['requestParameterJson', 'RequestParameterJson']) {
    const text = record[key];
    if (typeof text === 'string') record = { ...record, [key]: redactJsonText(text) };
  }
  return redactSecrets(record);
}

/** Sets an own property, also for keys such as `__proto__` that plain assignment would not store. */
function define(o: Rec, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

export function unflatten(flat: Rec): Rec {
  const root: Rec = {};
  const created = new WeakSet<object>();
  // Shallow keys first, so `A` and `A.1` in one record never overwrite each other.
  const keys = Object.keys(flat).sort((a, b) => a.split('.').length - b.split('.').length);
  for (const key of keys) {
    const parts = key.split('.');
    if (parts.length === 1 || parts.includes('')) {
      define(root, key, flat[key]);
      continue;
    }
    let node: Rec = root;
    let fits = true;
    for (const part of parts.slice(0, -1)) {
      let child = Object.hasOwn(node, part) ? node[part] : undefined;
      if (child === undefined) {
        const fresh: Rec = {};
        created.add(fresh);
        define(node, part, (child = fresh));
      } else if (!isPlainObject(child) || !created.has(child)) {
        fits = false;
        break;
      }
      node = child as Rec;
    }
    const last = parts[parts.length - 1]!;
    if (fits && !Object.hasOwn(node, last)) define(node, last, flat[key]);
    else define(root, key, flat[key]);
  }
  return toArrays(root, created) as Rec;
}

function isArrayish(o: Rec): boolean {
  const keys = Object.keys(o);
  return keys.length > 0 && keys.every((k) => /^[1-9]\d*$/.test(k));
}

/** Objects whose keys are all positive integers become arrays in numeric order. */
function toArrays(value: unknown, created: WeakSet<object>): unknown {
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  const converted: Rec = {};
  for (const k of keys) {
    const v = value[k];
    define(converted, k, isPlainObject(v) && created.has(v) ? toArrays(v, created) : v);
  }
  if (created.has(value) && isArrayish(converted)) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((n) => converted[String(n)]);
  }
  return converted;
}

function resourcesOf(r: Rec): ResourceRef[] {
  const out: ResourceRef[] = [];
  if (isPlainObject(r.referencedResources)) {
    for (const [type, ids] of Object.entries(r.referencedResources)) {
      const list = Array.isArray(ids) ? ids : [ids];
      for (const id of list) if (str(id)) out.push({ type, id: str(id)! });
    }
  }
  if (out.length === 0 && typeof r.resourceType === 'string' && typeof r.resourceName === 'string') {
    // Flattened copy: types split on `;`, their id groups on `;` then `,`, by position.
    const types = r.resourceType.split(';');
    const groups = r.resourceName.split(';');
    types.forEach((type, i) => {
      for (const id of (groups[i] ?? '').split(',')) if (type && id && id !== 'null') out.push({ type, id });
    });
  }
  if (out.length === 0 && str(r.serviceName)?.toLowerCase() === 'oss') {
    // OSS calls name the bucket only in the host: `<bucket>.oss-<region>….aliyuncs.com`.
    const host = str(r.eventSource) ?? '';
    const m = /^([a-z0-9][a-z0-9-]{1,62})\.oss-/.exec(host);
    if (m) out.push({ type: 'ACS::OSS::Bucket', id: m[1]! });
  }
  return out;
}

/**
 * ActionTrail record → TrailEvent.
 * id ← eventId (else requestId); service ← serviceName, lower-cased; region ← acsRegion;
 * account ← userIdentity.accountId, else recipientAccountId; actor.principal ← principalId;
 * readOnly ← eventRW, else the verb of the name; failed ← a non-empty errorCode (and for
 * sign-ins, an errorMessage other than "success").
 */
export function normalizeActionTrail(input: Rec, keepRaw: boolean): NormalizeResult {
  const r = camelCaseActionTrail(input);
  const name = str(r.eventName);
  if (!name) return { ok: false, kind: 'not-an-event', message: 'ActionTrail record without eventName' };
  const timeText = str(r.eventTime);
  const epochMs = timeText === undefined ? undefined : parseTime(timeText);
  if (epochMs === undefined) {
    return { ok: false, kind: 'bad-time', message: `${name}: eventTime ${JSON.stringify(r.eventTime ?? null)} is not a time` };
  }
  const ui: Rec = isPlainObject(r.userIdentity) ? r.userIdentity : {};
  const id = str(r.eventId) ?? str(r.requestId);
  const eventType = str(r.eventType);
  let errorCode = str(r.errorCode) || undefined;
  const errorMessage = str(r.errorMessage) || undefined;
  if (!errorCode && eventType === 'ConsoleSignin' && errorMessage && errorMessage.toLowerCase() !== 'success') {
    errorCode = 'SigninFailed';
  }
  const userName = str(ui.userName);
  const event: Omit<TrailEvent, 'origin'> = {
    id: id ?? derivedId(r),
    time: isoTime(epochMs),
    epochMs,
    provider: 'alicloud',
    service: (str(r.serviceName) ?? '').toLowerCase(),
    name,
    region: str(r.acsRegion) ?? '',
    account: str(ui.accountId) ?? str(r.recipientAccountId) ?? '',
    readOnly: actionTrailReadOnly(r),
    actor: {
      type: str(ui.type) ?? 'unknown',
      principal: str(ui.principalId) ?? userName ?? 'unknown',
      ...(userName !== undefined && { userName }),
      ...(str(ui.accessKeyId) && { accessKeyId: str(ui.accessKeyId) }),
      ...(str(r.sourceIpAddress) && { sourceIp: str(r.sourceIpAddress) }),
      ...(str(r.userAgent) && { userAgent: str(r.userAgent) }),
    },
    request: redactSecrets(actionTrailRequest(r)),
    resources: resourcesOf(r),
  };
  if (eventType) event.eventType = eventType;
  if (errorCode) event.error = { code: errorCode, ...(errorMessage && { message: errorMessage }) };
  if (r.responseElements !== undefined && r.responseElements !== null) event.response = redactSecrets(r.responseElements);
  if (keepRaw) event.raw = redactRaw(input);
  return { ok: true, event, derivedId: id === undefined };
}
