import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ValueKind } from './value.js';

/**
 * The type of a Pulumi resource input, read from the provider SDK's declaration file
 * (`@pulumi/alicloud/rds/instance.d.ts`, interface `InstanceArgs`) when the SDK is installed.
 * Reading one text file is cheap; loading the SDK (tens of MB) is not, so we never import it.
 */

const PACKAGES: Record<string, string> = { aws: '@pulumi/aws', alicloud: '@pulumi/alicloud' };

/** Declaration text of a type token's Args interface, or undefined (SDK missing, unknown type). */
function argsBlock(token: string): string | undefined {
  const m = /^([a-z0-9-]+):([A-Za-z0-9_]+)\/([A-Za-z0-9_]+):([A-Za-z0-9_]+)$/.exec(token);
  const pkg = m && PACKAGES[m[1]!];
  if (!m || !pkg) return undefined;
  let text: string;
  try {
    const root = dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));
    text = readFileSync(m[2] === 'index' ? join(root, `${m[3]}.d.ts`) : join(root, m[2]!, `${m[3]}.d.ts`), 'utf8');
  } catch {
    return undefined;
  }
  const start = text.indexOf(`export interface ${m[4]}Args {`);
  if (start < 0) return undefined;
  const end = text.indexOf('\n}', start);
  return text.slice(start, end < 0 ? undefined : end).replace(/\/\*[\s\S]*?\*\//g, '');
}

/** Strips one `pulumi.Input<…>` wrapper (and `| undefined`). */
function unwrap(t: string): string {
  let s = t.trim();
  for (;;) {
    const m = /^pulumi\.Input<([\s\S]*)>$/.exec(s);
    if (!m) break;
    s = m[1]!.trim();
  }
  return s.replace(/\s*\|\s*undefined$/, '').trim();
}

/** Top-level `|` split that ignores unions nested in `<…>` or `{…}`. */
function topUnion(t: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of t) {
    if (ch === '<' || ch === '{' || ch === '(') depth++;
    if (ch === '>' || ch === '}' || ch === ')') depth--;
    if (ch === '|' && depth === 0) {
      parts.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  parts.push(cur.trim());
  return parts.filter((p) => p !== '' && p !== 'undefined');
}

/** A TypeScript type of an SDK input as a coarse JSON kind; undefined when it is not simple. */
export function kindOfTsType(type: string): ValueKind | undefined {
  const t = unwrap(type.replace(/\s+/g, ' '));
  const alts = topUnion(t);
  if (alts.length > 1) {
    // `string | enums.ec2.InstanceType`: enums are string constants.
    const kinds = alts.map((a) => (a.startsWith('enums.') ? 'string' : kindOfTsType(a)?.kind));
    return kinds.every((k) => k === 'string') ? { kind: 'string' } : undefined;
  }
  if (t === 'string' || t.startsWith('enums.') || /^"[^"]*"$/.test(t)) return { kind: 'string' };
  if (t === 'number') return { kind: 'number' };
  if (t === 'boolean') return { kind: 'boolean' };
  if (t.endsWith('[]')) {
    const items = kindOfTsType(t.slice(0, -2));
    return items ? { kind: 'array', items } : { kind: 'array' };
  }
  if (t.startsWith('{') || t.startsWith('inputs.')) return { kind: 'object' };
  return undefined;
}

/** Inputs a create must give (declared without `?` in the SDK's Args), when the SDK is installed. */
export function sdkRequiredInputs(type: string): string[] | undefined {
  const block = argsBlock(type);
  if (block === undefined) return undefined;
  return [...block.matchAll(/^ {4}(?:readonly )?([A-Za-z_][A-Za-z0-9_]*): /gm)].map((m) => m[1]!);
}

const cache = new Map<string, Map<string, ValueKind> | undefined>();

function inputsOf(token: string): Map<string, ValueKind> | undefined {
  if (cache.has(token)) return cache.get(token);
  const block = argsBlock(token);
  let out: Map<string, ValueKind> | undefined;
  if (block !== undefined) {
    out = new Map();
    // Each input starts at four spaces of indentation; its type may run over several lines.
    const starts = [...block.matchAll(/^ {4}(?:readonly )?([A-Za-z_][A-Za-z0-9_]*)\??: /gm)];
    for (const [i, s] of starts.entries()) {
      const from = s.index + s[0].length;
      const to = starts[i + 1]?.index ?? block.length;
      const type = block.slice(from, to).trim().replace(/;$/, '');
      const kind = kindOfTsType(type);
      if (kind) out.set(s[1]!, kind);
    }
  }
  cache.set(token, out);
  return out;
}

/** The SDK type of `type`'s input `path`, when the SDK is installed and the type is simple. */
export function sdkInputKind(type: string, path: string): ValueKind | undefined {
  return inputsOf(type)?.get(path);
}
