/** WAF web ACL associations (which load balancer or API a web ACL protects). */
import { skip } from '../kit.js';
import type { ServiceCatalog } from '../types.js';
import { create, entriesOf, nonState, removeMatching, text } from './shared.js';

const ASSOCIATION = 'aws:wafv2/webAclAssociation:WebAclAssociation';

const entry = entriesOf('wafv2');

export const wafv2: ServiceCatalog = {
  entries: [
    entry({
      names: ['AssociateWebACL'],
      types: [ASSOCIATION],
      action: 'create',
      summary: 'puts a web ACL in front of a resource',
      apply: (e) => {
        const webAclArn = text(e.request, 'webACLArn') ?? text(e.request, 'webAclArn');
        const resourceArn = text(e.request, 'resourceArn');
        if (!webAclArn || !resourceArn) return skip('no web ACL or resource ARN in the event');
        return [create(ASSOCIATION, `${webAclArn},${resourceArn}`, { webAclArn, resourceArn })];
      },
    }),
    entry({
      names: ['DisassociateWebACL'],
      types: [ASSOCIATION],
      action: 'delete',
      summary: 'removes the web ACL protecting a resource',
      // The request names only the resource; a resource has at most one web ACL.
      apply: (e) => {
        const resourceArn = text(e.request, 'resourceArn');
        return resourceArn ? [removeMatching(ASSOCIATION, { resourceArn })] : skip('no resource ARN in the event');
      },
    }),
  ],
  nonState: [nonState('wafv2', ['ListWebACLs'], 'a read (recorded with readOnly false in a hand-made fixture)')],
};
