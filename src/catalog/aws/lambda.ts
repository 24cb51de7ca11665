/**
 * Lambda functions and their resource policy statements. CloudTrail names carry API
 * version suffixes (`CreateFunction20150331`, `UpdateFunctionCode20150331v2`); every
 * spelling seen is an alias of one entry. Functions are keyed by name (ARNs are reduced).
 */
import type { TrailEvent } from '../../events/model.js';
import type { Effect } from '../../replay/effect.js';
import { isPlainObject } from '../../util/json.js';
import { at, skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { afterColonKind, compact, create, entriesOf, number, remove, sets, stringList, tagMap, text, touch, update } from './shared.js';

const FUNCTION = 'aws:lambda/function:Function';
const PERMISSION = 'aws:lambda/permission:Permission';

const entry = entriesOf('lambda');

/** Every spelling CloudTrail has used for one Lambda action. */
function versions(action: string): string[] {
  return [action, `${action}20150331`, `${action}20150331v2`];
}

function functionName(e: TrailEvent): string | undefined {
  const v = text(e.request, 'functionName') ?? text(e.response, 'functionName');
  return v === undefined ? undefined : afterColonKind(v, 'function');
}

function onFunction(make: (name: string, e: TrailEvent) => Outcome) {
  return (e: TrailEvent): Outcome => {
    const name = functionName(e);
    return name ? make(name, e) : skip('no function name in the event');
  };
}

/** Configuration fields shared by CreateFunction and UpdateFunctionConfiguration. */
function configuration(req: unknown): Record<string, unknown> {
  const vpc = at(req, 'vpcConfig');
  const layers = at(req, 'layers');
  return {
    role: text(req, 'role'),
    handler: text(req, 'handler'),
    runtime: text(req, 'runtime'),
    description: text(req, 'description'),
    timeout: number(at(req, 'timeout')),
    memorySize: number(at(req, 'memorySize')),
    kmsKeyArn: text(req, 'kMSKeyArn') ?? text(req, 'kmsKeyArn'),
    layers: Array.isArray(layers) ? stringList(layers) : undefined,
    vpcConfig: isPlainObject(vpc) ? compact({ subnetIds: stringList(vpc.subnetIds), securityGroupIds: stringList(vpc.securityGroupIds) }) : undefined,
    deadLetterConfig: text(req, 'deadLetterConfig.targetArn') ? { targetArn: text(req, 'deadLetterConfig.targetArn') } : undefined,
    tracingConfig: text(req, 'tracingConfig.mode') ? { mode: text(req, 'tracingConfig.mode') } : undefined,
    ephemeralStorage: number(at(req, 'ephemeralStorage.size')) !== undefined ? { size: number(at(req, 'ephemeralStorage.size')) } : undefined,
    // Variable values are never shown by CloudTrail (`environment: {}`), so only explicit ones are taken.
    environment: isPlainObject(at(req, 'environment.variables')) ? { variables: at(req, 'environment.variables') } : undefined,
  };
}

/** Code location: S3 object or image; a zip upload shows only its hash (in the response). */
function code(req: unknown, resp: unknown): { values: Record<string, unknown>; unknownCode: boolean } {
  const src = isPlainObject(at(req, 'code')) ? at(req, 'code') : req;
  const values = {
    s3Bucket: text(src, 's3Bucket'),
    s3Key: text(src, 's3Key'),
    s3ObjectVersion: text(src, 's3ObjectVersion'),
    imageUri: text(src, 'imageUri'),
    codeSha256: text(resp, 'codeSha256'),
  };
  return { values, unknownCode: !values.s3Bucket && !values.imageUri };
}

function createFunction(name: string, e: TrailEvent): Outcome {
  const { values, unknownCode } = code(e.request, e.response);
  const architectures = stringList(at(e.request, 'architectures'));
  return [
    create(
      FUNCTION,
      name,
      {
        name,
        ...configuration(e.request),
        ...values,
        packageType: text(e.request, 'packageType'),
        architectures: architectures.length > 0 ? architectures : undefined,
        tags: tagMap(at(e.request, 'tags')),
      },
      { unknown: unknownCode ? ['code'] : [] },
    ),
  ];
}

function updateCode(name: string, e: TrailEvent): Outcome {
  const { values, unknownCode } = code(e.request, e.response);
  const effects: Effect[] = [];
  const ops = sets(values);
  if (ops.length > 0) effects.push(update(FUNCTION, name, ops));
  if (unknownCode) effects.push(touch(FUNCTION, name, ['code']));
  return effects;
}

/** Statements are imported as `function/statementId` (`function:qualifier/statementId` for aliases and versions). */
function permissionId(name: string, e: TrailEvent): string | undefined {
  const statementId = text(e.request, 'statementId');
  if (!statementId) return undefined;
  const qualifier = text(e.request, 'qualifier');
  return `${name}${qualifier ? `:${qualifier}` : ''}/${statementId}`;
}

export const lambda: ServiceCatalog = {
  entries: [
    entry({
      names: versions('CreateFunction'),
      types: [FUNCTION],
      action: 'create',
      summary: 'creates a function',
      apply: onFunction(createFunction),
    }),
    entry({
      names: versions('DeleteFunction'),
      types: [FUNCTION],
      action: 'delete',
      summary: 'deletes a function',
      // With a qualifier only that version goes; the function stays.
      apply: onFunction((name, e) => (text(e.request, 'qualifier') ? [] : [remove(FUNCTION, name)])),
    }),
    entry({
      names: versions('UpdateFunctionCode'),
      types: [FUNCTION],
      action: 'update',
      summary: 'replaces the code of a function',
      apply: onFunction(updateCode),
    }),
    entry({
      names: versions('UpdateFunctionConfiguration'),
      types: [FUNCTION],
      action: 'update',
      summary: 'changes function settings (role, layers, environment, VPC …)',
      apply: onFunction((name, e) => {
        const ops = sets(configuration(e.request));
        return ops.length > 0 ? [update(FUNCTION, name, ops)] : skip('no configuration field in the request');
      }),
    }),
    entry({
      names: versions('AddPermission'),
      types: [PERMISSION],
      action: 'create',
      summary: 'adds a statement to the function policy (who may invoke it)',
      apply: onFunction((name, e) => {
        const id = permissionId(name, e);
        if (!id) return skip('no statementId in the event');
        return [
          create(PERMISSION, id, {
            function: name,
            statementId: text(e.request, 'statementId'),
            action: text(e.request, 'action'),
            principal: text(e.request, 'principal'),
            sourceArn: text(e.request, 'sourceArn'),
            sourceAccount: text(e.request, 'sourceAccount'),
            principalOrgId: text(e.request, 'principalOrgID'),
            eventSourceToken: text(e.request, 'eventSourceToken'),
            functionUrlAuthType: text(e.request, 'functionUrlAuthType'),
            qualifier: text(e.request, 'qualifier'),
          }),
        ];
      }),
    }),
    entry({
      names: versions('RemovePermission'),
      types: [PERMISSION],
      action: 'delete',
      summary: 'removes a statement from the function policy',
      apply: onFunction((name, e) => {
        const id = permissionId(name, e);
        return id ? [remove(PERMISSION, id)] : skip('no statementId in the event');
      }),
    }),
  ],
  references: [{ from: PERMISSION, input: 'function', to: FUNCTION }],
};
