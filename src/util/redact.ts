/**
 * Secrets never leave trailback: values under secret-looking keys are replaced before an
 * event is stored or printed. Only strings are replaced, so flags such as
 * `passwordResetRequired: true` survive for replay.
 */
const SECRET_KEY =
  /(password|passwd|passphrase|secretaccesskey|accesskeysecret|secretkey|secretstring|secretbinary|sessiontoken|securitytoken|privatekey|keymaterial|clientsecret|authtoken|^secret$)/i;

/** Facts about a secret, not the secret: `PasswordResetRequired`, `PasswordUpdated`, `publicKeyMaterial`. */
const NOT_SECRET = /(required|updated|inherit|lastused|policy|length|reuse|prevention|age|expiration|expires|status|enabled|type|reset)$|^public/i;

export const REDACTED = '[redacted]';

/** True for an input or field name whose value is a secret (and so never stored or printed). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) && !NOT_SECRET.test(key);
}

export function redactSecrets<T>(value: T): T {
  return redact(value) as T;
}

function redact(value: unknown): unknown {
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const r = redact(v);
      if (r !== v) changed = true;
      return r;
    });
    return changed ? out : value;
  }
  if (value !== null && typeof value === 'object') {
    let out: Record<string, unknown> | undefined;
    for (const [key, v] of Object.entries(value)) {
      const r = isSecretKey(key) && typeof v === 'string' && v !== '' ? REDACTED : redact(v);
      if (r !== v) {
        out ??= { ...(value as Record<string, unknown>) };
        out[key] = r;
      }
    }
    return out ?? value;
  }
  return value;
}

/** True when the redaction marker stands anywhere in a value (it is never a real value to apply). */
export function containsRedacted(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() === REDACTED;
  if (Array.isArray(value)) return value.some(containsRedacted);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsRedacted);
  return false;
}
