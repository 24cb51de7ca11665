/**
 * Secrets Manager secrets and their resource policies. Secrets are keyed by ARN (with AWS's
 * random suffix), which creates return and deletes repeat in their responses. Secret values
 * never appear in a trail.
 */
import type { TrailEvent } from '../../events/model.js';
import { at, skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { create, entriesOf, firstText, flag, nonState, policyText, remove, sets, tagMap, text, touch, update } from './shared.js';

const SECRET = 'aws:secretsmanager/secret:Secret';
const SECRET_POLICY = 'aws:secretsmanager/secretPolicy:SecretPolicy';

const entry = entriesOf('secretsmanager');

/** The secret's ARN: from the response (`arn`, `aRN`), else `secretId` when it is an ARN. */
function secretArn(e: TrailEvent): string | undefined {
  const fromResponse = firstText(e.response, 'arn', 'aRN', 'ARN');
  if (fromResponse) return fromResponse;
  const id = text(e.request, 'secretId');
  return id?.startsWith('arn:') ? id : undefined;
}

function onSecret(make: (arn: string, e: TrailEvent) => Outcome) {
  return (e: TrailEvent): Outcome => {
    const arn = secretArn(e);
    return arn ? make(arn, e) : skip('no secret ARN in the event (named only by name)');
  };
}

export const secretsmanager: ServiceCatalog = {
  entries: [
    entry({
      names: ['CreateSecret'],
      types: [SECRET],
      action: 'create',
      summary: 'creates a secret (its value is never in the trail)',
      apply: onSecret((arn, e) => [
        create(SECRET, arn, {
          name: text(e.request, 'name'),
          description: text(e.request, 'description'),
          kmsKeyId: text(e.request, 'kmsKeyId'),
          forceOverwriteReplicaSecret: flag(at(e.request, 'forceOverwriteReplicaSecret')),
          tags: tagMap(at(e.request, 'tags')),
        }),
      ]),
    }),
    entry({
      names: ['UpdateSecret'],
      types: [SECRET],
      action: 'update',
      summary: 'changes the description or encryption key of a secret',
      apply: onSecret((arn, e) => {
        const ops = sets({ description: text(e.request, 'description'), kmsKeyId: text(e.request, 'kmsKeyId') });
        return ops.length > 0 ? [update(SECRET, arn, ops)] : [];
      }),
    }),
    entry({
      names: ['DeleteSecret'],
      types: [SECRET],
      action: 'delete',
      summary: 'schedules a secret for deletion (or deletes it at once)',
      apply: onSecret((arn) => [remove(SECRET, arn)]),
    }),
    entry({
      names: ['RestoreSecret'],
      types: [SECRET],
      action: 'create',
      summary: 'cancels the scheduled deletion of a secret',
      // The secret comes back as it was; the event shows only its name.
      apply: onSecret((arn, e) => [create(SECRET, arn, { name: firstText(e.response, 'name') }, { unknown: ['description', 'kmsKeyId', 'tags'] })]),
    }),
    entry({
      names: ['PutResourcePolicy'],
      types: [SECRET_POLICY],
      action: 'create',
      summary: 'sets the resource policy of a secret (who else may read it)',
      apply: onSecret((arn, e) => {
        const policy = policyText(at(e.request, 'resourcePolicy'));
        return [create(SECRET_POLICY, arn, { secretArn: arn, policy, blockPublicPolicy: at(e.request, 'blockPublicPolicy') }, { unknown: policy ? [] : ['policy'] })];
      }),
    }),
    entry({
      names: ['DeleteResourcePolicy'],
      types: [SECRET_POLICY],
      action: 'delete',
      summary: 'removes the resource policy of a secret',
      apply: onSecret((arn) => [remove(SECRET_POLICY, arn)]),
    }),
    entry({
      names: ['TagResource', 'UntagResource'],
      types: [SECRET],
      action: 'update',
      summary: 'adds or removes secret tags (the full tag set is not in the event)',
      apply: onSecret((arn) => [touch(SECRET, arn, ['tags'])]),
    }),
  ],
  nonState: [
    nonState(
      'secretsmanager',
      ['PutSecretValue'],
      'stores a new secret value: the value is never in the trail, so there is nothing to restore; the secret itself is unchanged',
    ),
    nonState(
      'secretsmanager',
      ['StartSecretVersionDelete', 'EndSecretVersionDelete'],
      'AWS service events cleaning up old versions of a secret; no configuration changes',
    ),
  ],
  references: [{ from: SECRET_POLICY, input: 'secretArn', to: SECRET }],
  dataHolding: [SECRET],
};
