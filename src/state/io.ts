import { readFile } from 'node:fs/promises';
import { UserError } from '../util/errors.js';
import { isPlainObject, sortKeys, str } from '../util/json.js';
import { isGlobalType, resourceKey, StateFile, type ResourceState, type State } from './model.js';

export function toStateFile(state: State, at?: string): StateFile {
  const resources: Record<string, ResourceState> = {};
  for (const key of [...state.keys()].sort()) resources[key] = state.get(key)!;
  return { schemaVersion: 1, kind: 'trailback-state', ...(at !== undefined && { at }), resources };
}

/** Stable text: keys sorted, so equal states give byte-equal files. */
export function stateToJson(state: State, at?: string): string {
  return [...stateJsonChunks(state, at)].join('');
}

/**
 * The same text in pieces, one resource at a time, so a large state is never held twice
 * (as a sorted copy and as one string) while it is written out.
 */
export function* stateJsonChunks(state: State, at?: string): Generator<string> {
  const keys = [...state.keys()].sort();
  yield `{\n${at !== undefined ? `  "at": ${JSON.stringify(at)},\n` : ''}  "kind": "trailback-state",\n  "resources": {`;
  for (let i = 0; i < keys.length; i++) {
    const body = JSON.stringify(sortKeys(state.get(keys[i]!)), null, 2).replace(/\n/g, '\n    ');
    yield `${i === 0 ? '' : ','}\n    ${JSON.stringify(keys[i])}: ${body}`;
  }
  yield `${keys.length > 0 ? '\n  ' : ''}},\n  "schemaVersion": 1\n}\n`;
}

/**
 * Reads a trailback state file or a Pulumi stack export (`pulumi stack export`: a
 * `deployment`, or a file backend's `checkpoint.latest`).
 */
export async function loadState(path: string): Promise<{ state: State; source: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read state file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new UserError(`${path}: not JSON: ${(err as Error).message}`);
  }
  return { state: parseState(doc, path), source: path };
}

export function parseState(doc: unknown, path: string): State {
  if (isPlainObject(doc) && doc.kind === 'trailback-state') {
    const parsed = StateFile.safeParse(doc);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UserError(`${path}: not a valid trailback state file: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
    }
    return new Map(Object.entries(parsed.data.resources));
  }
  const deployment = isPlainObject(doc)
    ? isPlainObject(doc.deployment)
      ? doc.deployment
      : isPlainObject(doc.checkpoint) && isPlainObject(doc.checkpoint.latest)
        ? doc.checkpoint.latest
        : undefined
    : undefined;
  if (deployment) return fromPulumiDeployment(deployment, path);
  throw new UserError(`${path}: neither a trailback state file nor a Pulumi stack export (no "deployment" or "checkpoint.latest")`);
}

/** Pulumi resources of the aws and alicloud providers become known, existing resources. */
function fromPulumiDeployment(deployment: Record<string, unknown>, path: string): State {
  const resources = Array.isArray(deployment.resources) ? deployment.resources.filter(isPlainObject) : [];
  const providerRegion = new Map<string, string>();
  for (const r of resources) {
    const type = str(r.type) ?? '';
    if (type.startsWith('pulumi:providers:') && isPlainObject(r.inputs)) {
      const region = str(r.inputs.region);
      if (region) providerRegion.set(`${str(r.urn)}::${str(r.id)}`, region);
    }
  }
  const state: State = new Map();
  for (const r of resources) {
    const type = str(r.type) ?? '';
    const m = /^(aws|alicloud):/.exec(type);
    const id = str(r.id);
    if (!m || r.custom === false || !id || r.delete === true) continue;
    const inputs = isPlainObject(r.inputs) ? { ...r.inputs } : {};
    delete inputs.__defaults;
    const region = isGlobalType(type) ? 'global' : (str(inputs.region) ?? providerRegion.get(str(r.provider) ?? '') ?? '');
    const outputs = isPlainObject(r.outputs) ? r.outputs : {};
    const account = str(outputs.ownerId) ?? str(outputs.accountId) ?? accountFromArn(str(outputs.arn)) ?? '';
    state.set(resourceKey(m[1]!, type, region, id), {
      provider: m[1] as 'aws' | 'alicloud',
      type,
      id,
      region,
      account,
      exists: true,
      inputs,
      unknown: [],
      provenance: {},
      preexisting: false,
      history: [],
    });
  }
  if (resources.length > 0 && state.size === 0) {
    throw new UserError(`${path}: the Pulumi export has no aws or alicloud resources`);
  }
  return state;
}

function accountFromArn(arn: string | undefined): string | undefined {
  const parts = arn?.split(':');
  return parts && parts.length > 4 && /^\d{12}$/.test(parts[4]!) ? parts[4] : undefined;
}
