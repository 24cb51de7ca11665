/** Amazon Bedrock guardrails, model invocation logging and model access. */
import type { TrailEvent } from '../../events/model.js';
import { isPlainObject } from '../../util/json.js';
import { at, skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { create, entriesOf, lastPart, nonState, remove, text, touch } from './shared.js';

const GUARDRAIL = 'aws:bedrock/guardrail:Guardrail';
const INVOCATION_LOGGING = 'aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration';
const MODEL_ACCESS_USE_CASE = 'aws:bedrock/useCaseForModelAccess:UseCaseForModelAccess';

const entry = entriesOf('bedrock');

/** Guardrails are imported as `<id>,<version>`; the editable one is `DRAFT`. */
function guardrailId(e: TrailEvent): string | undefined {
  const v = text(e.request, 'guardrailIdentifier');
  return v === undefined ? undefined : `${lastPart(v)},DRAFT`;
}

const GUARDRAIL_FIELDS: Record<string, string> = {
  name: 'name',
  description: 'description',
  topicPolicyConfig: 'topicPolicyConfig',
  contentPolicyConfig: 'contentPolicyConfig',
  wordPolicyConfig: 'wordPolicyConfig',
  sensitiveInformationPolicyConfig: 'sensitiveInformationPolicyConfig',
  contextualGroundingPolicyConfig: 'contextualGroundingPolicyConfig',
  crossRegionConfig: 'crossRegionConfig',
  blockedInputMessaging: 'blockedInputMessaging',
  blockedOutputsMessaging: 'blockedOutputsMessaging',
  kmsKeyId: 'kmsKeyArn',
};

export const bedrock: ServiceCatalog = {
  entries: [
    entry({
      names: ['UpdateGuardrail'],
      types: [GUARDRAIL],
      action: 'update',
      summary: 'rewrites a guardrail (CloudTrail hides most of its content)',
      // UpdateGuardrail replaces the draft with the request; the request's values are hidden.
      apply: (e): Outcome => {
        const id = guardrailId(e);
        if (!id) return skip('no guardrail id in the event');
        const req = isPlainObject(e.request) ? e.request : {};
        const paths = Object.entries(GUARDRAIL_FIELDS).flatMap(([field, input]) => (req[field] !== undefined ? [input] : []));
        return paths.length > 0 ? [touch(GUARDRAIL, id, paths)] : skip('no guardrail field in the event');
      },
    }),
    entry({
      names: ['DeleteGuardrail'],
      types: [GUARDRAIL],
      action: 'delete',
      summary: 'deletes a guardrail (or one of its versions)',
      apply: (e) => {
        const id = guardrailId(e);
        if (!id) return skip('no guardrail id in the event');
        // Deleting a numbered version leaves the guardrail itself.
        return text(e.request, 'guardrailVersion') ? [] : [remove(GUARDRAIL, id)];
      },
    }),
    entry({
      names: ['PutModelInvocationLoggingConfiguration'],
      types: [INVOCATION_LOGGING],
      action: 'create',
      summary: 'logs model prompts and answers (one configuration per region)',
      apply: (e) => {
        const config = at(e.request, 'loggingConfig');
        return [create(INVOCATION_LOGGING, e.region, { loggingConfig: isPlainObject(config) ? config : undefined }, { unknown: isPlainObject(config) ? [] : ['loggingConfig'] })];
      },
    }),
    entry({
      names: ['DeleteModelInvocationLoggingConfiguration'],
      types: [INVOCATION_LOGGING],
      action: 'delete',
      summary: 'stops logging model invocations in the region',
      apply: (e) => [remove(INVOCATION_LOGGING, e.region)],
    }),
    entry({
      names: ['PutUseCaseForModelAccess'],
      types: [MODEL_ACCESS_USE_CASE],
      action: 'create',
      summary: 'submits the account’s use case for model access (form hidden by CloudTrail)',
      apply: (e) => (e.account ? [create(MODEL_ACCESS_USE_CASE, e.account, {}, { unknown: ['formData'] })] : skip('no account in the event')),
    }),
  ],
  nonState: [
    nonState(
      'bedrock',
      ['CreateFoundationModelAgreement', 'PutFoundationModelEntitlement'],
      'accepts a model offer / entitlement (a commercial agreement): no Pulumi type',
    ),
  ],
};
