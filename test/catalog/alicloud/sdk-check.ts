/**
 * Checks effects against the installed @pulumi/alicloud: the type token exists, every attribute
 * is one of its inputs (sdkInputs), and a value's kind (string/number/boolean/list/object)
 * matches the input's declared type in the SDK's `<Resource>Args` interface.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Effect } from '../../../src/replay/effect.js';
import { sdkInputs } from '../../helpers/pulumi-sdk.js';

type Kind = 'string' | 'number' | 'boolean' | 'list' | 'object' | 'any';

const require = createRequire(import.meta.url);
const kindsCache = new Map<string, Map<string, Kind>>();

/** Declared kind of each input of a token, read from `<module>/<file>.d.ts` (`export interface XArgs`). */
export function sdkInputKinds(token: string): Map<string, Kind> {
  const cached = kindsCache.get(token);
  if (cached) return cached;
  const kinds = new Map<string, Kind>();
  const m = /^alicloud:([A-Za-z0-9]+)\/([A-Za-z0-9]+):([A-Za-z0-9]+)$/.exec(token);
  if (m) {
    const dts = readFileSync(join(dirname(require.resolve('@pulumi/alicloud/package.json')), m[1]!, `${m[2]!}.d.ts`), 'utf8');
    const start = dts.indexOf(`export interface ${m[3]!}Args {`);
    const body = start < 0 ? '' : dts.slice(start, dts.indexOf('\n}', start));
    for (const [, name, type] of body.matchAll(/\n {4}([A-Za-z0-9_]+)\??: (.*)/g)) kinds.set(name!, kindOf(type!));
  }
  kindsCache.set(token, kinds);
  return kinds;
}

function kindOf(type: string): Kind {
  const inner = type.replace(/^pulumi\.Input<(.*)>;?$/, '$1').replace(/ \| undefined$/, '');
  if (inner.endsWith('[]') || inner.startsWith('pulumi.Input<pulumi.Input<')) return 'list';
  if (inner === 'string') return 'string';
  if (inner === 'number') return 'number';
  if (inner === 'boolean') return 'boolean';
  if (inner.startsWith('{') || inner.startsWith('inputs.') || inner.startsWith('pulumi.Input<{')) return 'object';
  return 'any';
}

function valueKind(v: unknown): Kind {
  if (Array.isArray(v)) return 'list';
  if (v !== null && typeof v === 'object') return 'object';
  return typeof v as Kind;
}

/** Problems with an effect's type token and attribute names/values; empty when it fits the SDK. */
export function sdkProblems(effect: Effect): string[] {
  const type = effect.kind === 'delete-match' ? effect.type : effect.target.type;
  const inputs = sdkInputs(type);
  if (!inputs) return [`${type}: no such type token in @pulumi/alicloud`];
  const values: [string, unknown][] = [];
  switch (effect.kind) {
    case 'create':
      values.push(...Object.entries(effect.inputs), ...(effect.unknown ?? []).map((p): [string, unknown] => [p, undefined]));
      break;
    case 'update':
      for (const op of effect.ops) values.push([op.path, op.op === 'set' ? op.value : op.op === 'unset' ? undefined : [...op.values]]);
      break;
    case 'touch':
      values.push(...effect.paths.map((p): [string, unknown] => [p, undefined]));
      break;
    case 'delete-match':
      values.push(...Object.entries(effect.match));
      break;
    case 'delete':
      break;
  }
  const problems: string[] = [];
  const kinds = sdkInputKinds(type);
  for (const [name, value] of values) {
    if (!inputs.has(name)) {
      problems.push(`${type}: ${name} is not an input`);
      continue;
    }
    const want = kinds.get(name) ?? 'any';
    if (value !== undefined && want !== 'any' && valueKind(value) !== want) problems.push(`${type}.${name}: ${valueKind(value)} given, the SDK declares ${want}`);
  }
  return problems;
}
