import { readFile } from 'node:fs/promises';
import { UserError } from '../util/errors.js';
import { writeFileAtomic } from '../util/fs.js';
import { isPlainObject } from '../util/json.js';
import { Plan, PLAN_SCHEMA_VERSION } from './model.js';

/** Plan files are pretty JSON with a trailing newline, so they diff well in a pull request. */
export function planToJson(plan: Plan): string {
  return JSON.stringify(plan, null, 2) + '\n';
}

/** Reads and validates a plan file; every problem is one line naming the file. */
export async function readPlan(path: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read plan ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new UserError(`${path}: not JSON: ${(err as Error).message}`);
  }
  return parsePlan(doc, path);
}

export function parsePlan(doc: unknown, path: string): Plan {
  if (isPlainObject(doc) && doc.schemaVersion !== undefined && doc.schemaVersion !== PLAN_SCHEMA_VERSION) {
    throw new UserError(
      `${path}: plan schema version ${JSON.stringify(doc.schemaVersion)} is not supported (this trailback reads version ${PLAN_SCHEMA_VERSION}); make the plan again with this version`,
    );
  }
  const parsed = Plan.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(top level)';
    throw new UserError(`${path}: not a valid trailback plan: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Atomic: a reader (or an interrupted review) never sees half a plan. */
export async function writePlan(path: string, plan: Plan): Promise<void> {
  await writeFileAtomic(path, planToJson(Plan.parse(plan)));
}
