/** CloudWatch dashboards (eventSource `monitoring`). */
import { at, forEachId, skip } from '../kit.js';
import type { ServiceCatalog } from '../types.js';
import { create, entriesOf, remove, stringList, text } from './shared.js';

const DASHBOARD = 'aws:cloudwatch/dashboard:Dashboard';

const entry = entriesOf('monitoring');

export const cloudwatch: ServiceCatalog = {
  entries: [
    entry({
      names: ['PutDashboard'],
      types: [DASHBOARD],
      action: 'create',
      summary: 'creates or replaces a dashboard',
      apply: (e) => {
        const name = text(e.request, 'dashboardName');
        return name ? [create(DASHBOARD, name, { dashboardName: name, dashboardBody: text(e.request, 'dashboardBody') })] : skip('no dashboard name in the event');
      },
    }),
    entry({
      names: ['DeleteDashboards'],
      types: [DASHBOARD],
      action: 'delete',
      summary: 'deletes dashboards',
      apply: (e) => forEachId(stringList(at(e.request, 'dashboardNames')), 'dashboard', (name) => remove(DASHBOARD, name)),
    }),
  ],
};
