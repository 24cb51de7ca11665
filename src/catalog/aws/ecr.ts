/** ECR repositories and their policies; pushed images are data, not configuration. */
import type { TrailEvent } from '../../events/model.js';
import { at, skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { compact, create, entriesOf, flag, nonState, policyText, remove, tagMap, text } from './shared.js';

const REPOSITORY = 'aws:ecr/repository:Repository';
const REPOSITORY_POLICY = 'aws:ecr/repositoryPolicy:RepositoryPolicy';

const entry = entriesOf('ecr');

function onRepository(make: (name: string, e: TrailEvent) => Outcome) {
  return (e: TrailEvent): Outcome => {
    const name = text(e.request, 'repositoryName');
    return name ? make(name, e) : skip('no repository name in the event');
  };
}

export const ecr: ServiceCatalog = {
  entries: [
    entry({
      names: ['CreateRepository'],
      types: [REPOSITORY],
      action: 'create',
      summary: 'creates an image repository',
      apply: onRepository((name, e) => {
        const scan = flag(at(e.request, 'imageScanningConfiguration.scanOnPush'));
        const encryption = text(e.request, 'encryptionConfiguration.encryptionType');
        return [
          create(REPOSITORY, name, {
            name,
            imageTagMutability: text(e.request, 'imageTagMutability'),
            imageScanningConfiguration: scan === undefined ? undefined : { scanOnPush: scan },
            encryptionConfigurations: encryption ? [compact({ encryptionType: encryption, kmsKey: text(e.request, 'encryptionConfiguration.kmsKey') })] : undefined,
            tags: tagMap(at(e.request, 'tags')),
          }),
        ];
      }),
    }),
    entry({
      names: ['DeleteRepository'],
      types: [REPOSITORY],
      action: 'delete',
      summary: 'deletes an image repository (with force, its images too)',
      apply: onRepository((name) => [remove(REPOSITORY, name)]),
    }),
    entry({
      names: ['SetRepositoryPolicy'],
      types: [REPOSITORY_POLICY],
      action: 'create',
      summary: 'sets who may pull or push images',
      apply: onRepository((name, e) => {
        const policy = policyText(at(e.request, 'policyText'));
        return [create(REPOSITORY_POLICY, name, { repository: name, policy }, { unknown: policy ? [] : ['policy'] })];
      }),
    }),
    entry({
      names: ['DeleteRepositoryPolicy'],
      types: [REPOSITORY_POLICY],
      action: 'delete',
      summary: 'removes the repository policy',
      apply: onRepository((name) => [remove(REPOSITORY_POLICY, name)]),
    }),
  ],
  nonState: [nonState('ecr', ['PutImage'], 'pushes an image: repository contents, not infrastructure')],
  references: [{ from: REPOSITORY_POLICY, input: 'repository', to: REPOSITORY }],
  dataHolding: [REPOSITORY],
};
