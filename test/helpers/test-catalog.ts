import { Catalog } from '../../src/catalog/index.js';
import { forEachId, ids, setOps } from '../../src/catalog/kit.js';
import type { ServiceCatalog } from '../../src/catalog/types.js';

const USER = 'aws:iam/user:User';
const KEY = 'aws:iam/accessKey:AccessKey';
const RULE = 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule';

/** A small catalog over a fake `test` service, so replay tests do not depend on the real entries. */
const testService: ServiceCatalog = {
  entries: [
    {
      provider: 'aws', service: 'test', names: ['CreateUser'], types: [USER], action: 'create', summary: 'create a user',
      apply: (e) => forEachId(ids(e, { request: ['userName'] }), 'user', (id) => ({ kind: 'create', target: { type: USER, id, region: 'global' }, inputs: { name: id, path: (e.request as { path?: string }).path ?? '/' } })),
    },
    {
      provider: 'aws', service: 'test', names: ['UpdateUser'], types: [USER], action: 'update', summary: 'change a user',
      apply: (e) => forEachId(ids(e, { request: ['userName'] }), 'user', (id) => ({ kind: 'update', target: { type: USER, id, region: 'global' }, ops: setOps({ path: (e.request as { path: string }).path }) })),
    },
    {
      provider: 'aws', service: 'test', names: ['TagUser'], types: [USER], action: 'update', summary: 'add tags to a list',
      apply: (e) => forEachId(ids(e, { request: ['userName'] }), 'user', (id) => ({ kind: 'update', target: { type: USER, id, region: 'global' }, ops: [{ op: 'add', path: 'tags', values: (e.request as { tags: string[] }).tags }] })),
    },
    {
      provider: 'aws', service: 'test', names: ['UntagUser'], types: [USER], action: 'update', summary: 'remove tags',
      apply: (e) => forEachId(ids(e, { request: ['userName'] }), 'user', (id) => ({ kind: 'update', target: { type: USER, id, region: 'global' }, ops: [{ op: 'remove', path: 'tags', values: (e.request as { tags: string[] }).tags }] })),
    },
    {
      provider: 'aws', service: 'test', names: ['ResetUser'], types: [USER], action: 'update', summary: 'changed, value not shown',
      apply: (e) => forEachId(ids(e, { request: ['userName'] }), 'user', (id) => ({ kind: 'touch', target: { type: USER, id, region: 'global' }, paths: ['permissionsBoundary'] })),
    },
    {
      provider: 'aws', service: 'test', names: ['DeleteUser'], types: [USER], action: 'delete', summary: 'delete a user',
      apply: (e) => forEachId(ids(e, { request: ['userName'] }), 'user', (id) => ({ kind: 'delete', target: { type: USER, id, region: 'global' } })),
    },
    {
      provider: 'aws', service: 'test', names: ['CreateAccessKey'], types: [KEY], action: 'create', summary: 'create a key',
      apply: (e) => forEachId(ids(e, { response: ['accessKey.accessKeyId'] }), 'access key', (id) => ({ kind: 'create', target: { type: KEY, id, region: 'global' }, inputs: { user: (e.request as { userName: string }).userName, status: 'Active' } })),
    },
    {
      provider: 'aws', service: 'test', names: ['AuthorizeIngress'], types: [RULE], action: 'create', summary: 'open a port',
      apply: (e) => forEachId(ids(e, { response: ['ruleId'] }), 'rule', (id) => ({ kind: 'create', target: { type: RULE, id }, inputs: { securityGroupId: 'sg-1', cidrIpv4: (e.request as { cidr: string }).cidr, fromPort: 22 } })),
    },
    {
      provider: 'aws', service: 'test', names: ['RevokeIngress'], types: [RULE], action: 'delete', summary: 'close a port by tuple',
      apply: (e) => [{ kind: 'delete-match', type: RULE, match: { securityGroupId: 'sg-1', cidrIpv4: (e.request as { cidr: string }).cidr } }],
    },
  ],
  nonState: [{ provider: 'aws', service: 'test', names: ['Login'], reason: 'a sign-in changes no resource' }],
  references: [{ from: KEY, input: 'user', to: USER, cascade: true }],
};

export const testCatalog = new Catalog([testService]);
