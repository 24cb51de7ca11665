/**
 * Pulumi SDK checks for effects: every type token must exist in the installed @pulumi/aws
 * and every attribute an effect names must be one of that type's inputs.
 */
import type { Effect } from '../../../src/replay/effect.js';
import { sdkInputs } from '../../helpers/pulumi-sdk.js';

/** Input names of an aws type token (null when the token does not exist): the shared SDK reading. */
export function inputsOf(token: string): Set<string> | null {
  return sdkInputs(token);
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
