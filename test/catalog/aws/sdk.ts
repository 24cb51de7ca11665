/**
 * Pulumi SDK checks for effects: every type token must exist in the installed @pulumi/aws
 * and every attribute an effect names must be one of that type's inputs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Effect } from '../../../src/replay/effect.js';
import { sdkInputs } from '../../helpers/pulumi-sdk.js';

const require = createRequire(import.meta.url);
const cache = new Map<string, Set<string> | null>();

/**
 * sdkInputs plus the inputs the SDK assigns with a default, e.g.
 * `resourceInputs["description"] = (args?.description) ?? "Managed by Pulumi"`
 * (security groups, DB subnet groups), which its pattern does not see.
 */
export function inputsOf(token: string): Set<string> | null {
  if (cache.has(token)) return cache.get(token)!;
  const base = sdkInputs(token);
  let result: Set<string> | null = base;
  if (base) {
    const [, mod, file] = /^aws:([A-Za-z0-9]+)\/([A-Za-z0-9]+):/.exec(token)!;
    const src = readFileSync(join(dirname(require.resolve('@pulumi/aws/package.json')), mod!, `${file}.js`), 'utf8');
    result = new Set([...base, ...[...src.matchAll(/resourceInputs\["([A-Za-z0-9_]+)"\] = \(args\?\./g)].map((m) => m[1]!)]);
  }
  cache.set(token, result);
  return result;
}

/** The attribute names an effect uses, by the type they belong to. */
export function attributesOf(effect: Effect): { type: string; names: string[] } {
  switch (effect.kind) {
    case 'create':
      return { type: effect.target.type, names: [...Object.keys(effect.inputs), ...(effect.unknown ?? [])] };
    case 'update':
      return { type: effect.target.type, names: effect.ops.map((o) => o.path) };
    case 'touch':
      return { type: effect.target.type, names: effect.paths };
    case 'delete':
      return { type: effect.target.type, names: [] };
    case 'delete-match':
      return { type: effect.type, names: Object.keys(effect.match) };
  }
}

/** What is wrong with an effect against the SDK (empty when nothing). */
export function sdkProblems(effect: Effect): string[] {
  const { type, names } = attributesOf(effect);
  const inputs = inputsOf(type);
  if (!inputs) return [`${type} is not a type token of @pulumi/aws`];
  return names.filter((n) => !inputs.has(n)).map((n) => `${n} is not an input of ${type}`);
}
