import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from '../../src/util/redact.js';

describe('redactSecrets', () => {
  it('masks secrets wherever they are nested', () => {
    const out = redactSecrets({
      Password: 'hunter2',
      request: { masterUserPassword: 'p', NewPassword: 'n', AccessKeySecret: 's', users: [{ secretAccessKey: 'k' }] },
      credentials: { sessionToken: 't', privateKey: '-----BEGIN', encryptedKeyMaterial: 'm' },
      passwordData: 'encrypted-windows-password',
      secret: 'x',
    });
    expect(out).toEqual({
      Password: REDACTED,
      request: { masterUserPassword: REDACTED, NewPassword: REDACTED, AccessKeySecret: REDACTED, users: [{ secretAccessKey: REDACTED }] },
      credentials: { sessionToken: REDACTED, privateKey: REDACTED, encryptedKeyMaterial: REDACTED },
      passwordData: REDACTED,
      secret: REDACTED,
    });
  });

  it('keeps facts about a secret: flags, outcomes, policies, public keys', () => {
    const facts = {
      PasswordResetRequired: 'true',
      PasswordUpdated: 'Failure',
      passwordLastUsed: '2026-10-14T03:00:00Z',
      minimumPasswordLength: '14',
      passwordPolicy: 'strict',
      publicKeyMaterial: 'c3NoLWVkMjU1MTk=',
      passwordReusePrevention: '5',
    };
    expect(redactSecrets(facts)).toEqual(facts);
  });

  it('leaves non-strings and empty strings alone, and returns the same object when nothing is masked', () => {
    const value = { password: '', passwordResetRequired: true, nested: { count: 3 } };
    expect(redactSecrets(value)).toBe(value);
  });
});

describe('containsRedacted', () => {
  it('finds the marker anywhere in a value, and nothing else', async () => {
    const { containsRedacted } = await import('../../src/util/redact.js');
    expect(containsRedacted({ a: [{ b: ' [redacted] ' }] })).toBe(true);
    expect(containsRedacted(['x', REDACTED])).toBe(true);
    expect(containsRedacted({ a: 'redacted', b: ['[redacted] too'], c: null, d: 3 })).toBe(false);
  });
});
