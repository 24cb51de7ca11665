/**
 * The apply record (`plans/X.apply.json`): what a run applied, what failed and what Pulumi still
 * holds, written atomically after every resource, so a run that stops part-way leaves a clear
 * account and the next run continues without redoing anything.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { StepAction } from '../plan/model.js';
import { UserError } from '../util/errors.js';
import { writeFileAtomic } from '../util/fs.js';

export const StepRecord = z.object({
  status: z.enum(['applied', 'failed', 'not-applied']),
  action: StepAction,
  type: z.string(),
  resourceId: z.string(),
  urn: z.string(),
  /** The cloud id of a created or replaced resource. */
  newId: z.string().optional(),
  error: z.string().optional(),
  at: z.string().optional(),
});
export type StepRecord = z.infer<typeof StepRecord>;

export const ApplyRecord = z.object({
  kind: z.literal('trailback-apply'),
  schemaVersion: z.literal(1),
  plan: z.string(),
  /** The approved steps this record belongs to. */
  stepsDigest: z.string(),
  stack: z.string(),
  backend: z.string(),
  startedAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(['running', 'succeeded', 'failed', 'declined']),
  /** URNs trailback left in the stack (kept with --keep-managed, or not yet released). */
  held: z.array(z.string()),
  steps: z.record(z.string(), StepRecord),
});
export type ApplyRecord = z.infer<typeof ApplyRecord>;

export async function readApplyRecord(path: string): Promise<ApplyRecord | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UserError(`cannot read apply record ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return ApplyRecord.parse(JSON.parse(text));
  } catch {
    throw new UserError(`${path} is not a trailback apply record: move it away to start the apply over`);
  }
}

/** Serialized writes: progress callbacks fire faster than the file system answers. */
export class RecordWriter {
  private chain: Promise<void> = Promise.resolve();
  constructor(
    readonly path: string,
    readonly record: ApplyRecord,
    private readonly now: () => Date,
  ) {}

  save(): Promise<void> {
    this.record.updatedAt = this.now().toISOString();
    const text = JSON.stringify(ApplyRecord.parse(this.record), null, 2) + '\n';
    // One failed write must not poison the ones after it: each starts after the last settles.
    this.chain = this.chain.catch(() => undefined).then(() => writeFileAtomic(this.path, text));
    return this.chain;
  }
}
