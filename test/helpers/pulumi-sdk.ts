/**
 * Ground truth for type tokens and input names: the installed @pulumi/aws and
 * @pulumi/alicloud packages. A token `aws:iam/user:User` lives in `@pulumi/aws/iam/user.js`,
 * whose class declares `__pulumiType` and assigns `resourceInputs["x"] = args?.x` per input.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const cache = new Map<string, Set<string> | null>();

function packageDir(pkg: string): string {
  return dirname(require.resolve(`${pkg}/package.json`));
}

/** Input names of a Pulumi resource type, or null when the token does not exist in the SDK. */
export function sdkInputs(token: string): Set<string> | null {
  if (cache.has(token)) return cache.get(token)!;
  const m = /^(aws|alicloud):([A-Za-z0-9]+)\/([A-Za-z0-9]+):([A-Za-z0-9]+)$/.exec(token);
  let result: Set<string> | null = null;
  if (m) {
    const [, provider, mod, file] = m;
    const path = join(packageDir(`@pulumi/${provider}`), mod!, `${file}.js`);
    if (existsSync(path)) {
      const src = readFileSync(path, 'utf8');
      if (src.includes(`__pulumiType = '${token}'`)) {
        result = new Set([...src.matchAll(/resourceInputs\["([A-Za-z0-9_]+)"\] = \(?args/g)].map((x) => x[1]!));
      }
    }
  }
  cache.set(token, result);
  return result;
}
