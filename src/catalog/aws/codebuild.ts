/** CodeBuild projects. Build settings (source, environment) may hold secrets and are not taken. */
import type { TrailEvent } from '../../events/model.js';
import { isPlainObject } from '../../util/json.js';
import { skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { create, entriesOf, lastPart, remove, sets, text, update } from './shared.js';

const PROJECT = 'aws:codebuild/project:Project';

const entry = entriesOf('codebuild');

/** Project name from `name`, or the last part of `projectArn` (`…:project/<name>`). */
function projectName(e: TrailEvent): string | undefined {
  const arn = text(e.request, 'projectArn');
  return text(e.request, 'name') ?? (arn ? lastPart(arn) : undefined);
}

function onProject(make: (name: string, e: TrailEvent) => Outcome) {
  return (e: TrailEvent): Outcome => {
    const name = projectName(e);
    return name ? make(name, e) : skip('no project name in the event');
  };
}

export const codebuild: ServiceCatalog = {
  entries: [
    entry({
      names: ['CreateProject'],
      types: [PROJECT],
      action: 'create',
      summary: 'creates a build project',
      apply: onProject((name, e) => {
        const req = isPlainObject(e.request) ? e.request : {};
        // Environment variables can be plaintext secrets; source/artifacts shapes differ from Pulumi's.
        const unknown = ['source', 'artifacts', 'environment'].filter((k) => req[k] !== undefined);
        return [
          create(
            PROJECT,
            name,
            { name, description: text(req, 'description'), serviceRole: text(req, 'serviceRole'), sourceVersion: text(req, 'sourceVersion') },
            { unknown },
          ),
        ];
      }),
    }),
    entry({
      names: ['DeleteProject'],
      types: [PROJECT],
      action: 'delete',
      summary: 'deletes a build project',
      apply: onProject((name) => [remove(PROJECT, name)]),
    }),
    entry({
      names: ['UpdateProjectVisibility'],
      types: [PROJECT],
      action: 'update',
      summary: 'makes a project’s builds public or private',
      apply: onProject((name, e) => {
        const ops = sets({ projectVisibility: text(e.request, 'projectVisibility'), resourceAccessRole: text(e.request, 'resourceAccessRole') });
        return ops.length > 0 ? [update(PROJECT, name, ops)] : skip('no visibility in the event');
      }),
    }),
  ],
};
