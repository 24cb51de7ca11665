/**
 * API Gateway (eventSource `apigateway` for both REST v1 and HTTP/WebSocket v2 APIs). v2
 * requests name the API `apiId`, v1 ones `restApiId`; sub-resources are imported as
 * `<api>/<id>`.
 */
import type { TrailEvent } from '../../events/model.js';
import { at, skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { create, entriesOf, flag, isHidden, number, remove, tagMap, text } from './shared.js';

const API = 'aws:apigatewayv2/api:Api';
const INTEGRATION = 'aws:apigatewayv2/integration:Integration';
const ROUTE = 'aws:apigatewayv2/route:Route';
const STAGE = 'aws:apigatewayv2/stage:Stage';
const REST_STAGE = 'aws:apigateway/stage:Stage';

const entry = entriesOf('apigateway');

function subResource(type: string, idField: string, idFrom: 'request' | 'response', make: (apiId: string, id: string, e: TrailEvent) => Record<string, unknown>) {
  return (e: TrailEvent): Outcome => {
    const apiId = text(e.request, 'apiId');
    const id = text(idFrom === 'request' ? e.request : e.response, idField);
    if (!apiId || !id) return skip(`no apiId or ${idField} in the event`);
    return [create(type, `${apiId}/${id}`, { apiId, ...make(apiId, id, e) })];
  };
}

function deleteSubResource(type: string, idField: string) {
  return (e: TrailEvent): Outcome => {
    const apiId = text(e.request, 'apiId');
    const id = text(e.request, idField);
    return apiId && id ? [remove(type, `${apiId}/${id}`)] : skip(`no apiId or ${idField} in the event`);
  };
}

/** Stage variables may hold secrets; CloudTrail shows them as `***`. */
function variables(v: unknown): unknown {
  return v !== null && typeof v === 'object' && !isHidden(v) ? v : undefined;
}

export const apigateway: ServiceCatalog = {
  entries: [
    entry({
      names: ['CreateApi'],
      types: [API],
      action: 'create',
      summary: 'creates an HTTP or WebSocket API',
      apply: (e) => {
        const id = text(e.response, 'apiId');
        if (!id) return skip('no apiId in the response');
        return [
          create(API, id, {
            name: text(e.request, 'name'),
            protocolType: text(e.request, 'protocolType'),
            description: text(e.request, 'description'),
            apiKeySelectionExpression: text(e.request, 'apiKeySelectionExpression'),
            routeSelectionExpression: text(e.request, 'routeSelectionExpression'),
            disableExecuteApiEndpoint: flag(at(e.request, 'disableExecuteApiEndpoint')),
            ipAddressType: text(e.request, 'ipAddressType'),
            version: text(e.request, 'version'),
            tags: tagMap(at(e.request, 'tags')),
          }),
        ];
      },
    }),
    entry({
      names: ['DeleteApi'],
      types: [API],
      action: 'delete',
      summary: 'deletes an HTTP or WebSocket API',
      apply: (e) => {
        const id = text(e.request, 'apiId');
        return id ? [remove(API, id)] : skip('no apiId in the event');
      },
    }),
    entry({
      names: ['CreateIntegration'],
      types: [INTEGRATION],
      action: 'create',
      summary: 'connects an API to a backend (Lambda, HTTP …)',
      apply: subResource(INTEGRATION, 'integrationId', 'response', (_api, _id, e) => ({
        integrationType: text(e.request, 'integrationType'),
        integrationSubtype: text(e.request, 'integrationSubtype'),
        integrationMethod: text(e.request, 'integrationMethod'),
        integrationUri: text(e.request, 'integrationUri'),
        payloadFormatVersion: text(e.request, 'payloadFormatVersion'),
        connectionType: text(e.request, 'connectionType'),
        connectionId: text(e.request, 'connectionId'),
        credentialsArn: text(e.request, 'credentialsArn'),
        description: text(e.request, 'description'),
        passthroughBehavior: text(e.request, 'passthroughBehavior'),
        timeoutMilliseconds: number(at(e.request, 'timeoutInMillis')),
      })),
    }),
    entry({
      names: ['DeleteIntegration'],
      types: [INTEGRATION],
      action: 'delete',
      summary: 'deletes an API integration',
      apply: deleteSubResource(INTEGRATION, 'integrationId'),
    }),
    entry({
      names: ['CreateRoute'],
      types: [ROUTE],
      action: 'create',
      summary: 'adds a route to an API',
      apply: subResource(ROUTE, 'routeId', 'response', (_api, _id, e) => ({
        routeKey: text(e.request, 'routeKey'),
        target: text(e.request, 'target'),
        authorizationType: text(e.request, 'authorizationType'),
        authorizerId: text(e.request, 'authorizerId'),
        apiKeyRequired: flag(at(e.request, 'apiKeyRequired')),
        operationName: text(e.request, 'operationName'),
      })),
    }),
    entry({
      names: ['DeleteRoute'],
      types: [ROUTE],
      action: 'delete',
      summary: 'removes a route from an API',
      apply: deleteSubResource(ROUTE, 'routeId'),
    }),
    entry({
      names: ['CreateStage'],
      types: [STAGE, REST_STAGE],
      action: 'create',
      summary: 'creates a stage of an HTTP/WebSocket API (apiId) or REST API (restApiId)',
      apply: (e) => {
        const stageName = text(e.request, 'stageName');
        const apiId = text(e.request, 'apiId');
        const restApiId = text(e.request, 'restApiId');
        if (!stageName || (!apiId && !restApiId)) return skip('no API id or stage name in the event');
        if (apiId) {
          return [
            create(STAGE, `${apiId}/${stageName}`, {
              apiId,
              name: stageName,
              autoDeploy: flag(at(e.request, 'autoDeploy')),
              deploymentId: text(e.request, 'deploymentId'),
              description: text(e.request, 'description'),
              stageVariables: variables(at(e.request, 'stageVariables')),
            }),
          ];
        }
        return [
          create(REST_STAGE, `${restApiId}/${stageName}`, {
            restApi: restApiId,
            stageName,
            deployment: text(e.request, 'deploymentId'),
            description: text(e.request, 'description'),
            variables: variables(at(e.request, 'variables')),
          }),
        ];
      },
    }),
    entry({
      names: ['DeleteStage'],
      types: [STAGE, REST_STAGE],
      action: 'delete',
      summary: 'deletes a stage',
      apply: (e) => {
        const stageName = text(e.request, 'stageName');
        const apiId = text(e.request, 'apiId');
        const restApiId = text(e.request, 'restApiId');
        if (!stageName || (!apiId && !restApiId)) return skip('no API id or stage name in the event');
        return [apiId ? remove(STAGE, `${apiId}/${stageName}`) : remove(REST_STAGE, `${restApiId}/${stageName}`)];
      },
    }),
  ],
  references: [
    { from: INTEGRATION, input: 'apiId', to: API },
    { from: ROUTE, input: 'apiId', to: API },
    { from: STAGE, input: 'apiId', to: API },
  ],
};
