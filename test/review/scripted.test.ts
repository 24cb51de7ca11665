import { describe, expect, it } from 'vitest';
import { approvalIsValid, type Plan } from '../../src/plan/model.js';
import { decideScripted, type ScriptedFlags } from '../../src/review/scripted.js';
import { UserError } from '../../src/util/errors.js';
import { fixturePlan, withDecisions } from './fixtures.js';

const AT = '2026-11-01T10:00:00.000Z';
const run = (plan: Plan, f: Partial<ScriptedFlags>): Plan => decideScripted(plan, { approve: [], skip: [], yesDataLoss: false, reviewer: 'ci-bot', ...f }, AT);
const decisions = (p: Plan): string => p.steps.map((s) => `${s.id}:${s.decision[0]}`).join(' ');
const fails = (plan: Plan, f: Partial<ScriptedFlags>): string => {
  try {
    run(plan, f);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('scripted review (--approve/--skip)', () => {
  it('approves by id, skips the rest, stamps the approval', () => {
    const p = run(fixturePlan(), { approve: ['s1', 's2', 's5'], skip: 'rest' });
    expect(decisions(p)).toBe('s1:a s2:a s3:s s4:s s5:a s6:s');
    expect(p.approval).toMatchObject({ by: 'ci-bot', at: AT });
    expect(approvalIsValid(p)).toBe(true);
  });

  it('approve all with the unknown-valued step skipped, and the data-loss step named', () => {
    const p = run(fixturePlan(), { approve: 'all', skip: ['s3'], yesDataLoss: true });
    expect(decisions(p)).toBe('s1:a s2:a s3:s s4:a s5:a s6:a');
  });

  it('refuses to approve steps with unknown values, naming them', () => {
    expect(fails(fixturePlan(), { approve: 'all', yesDataLoss: true })).toBe(
      'cannot approve steps with unknown values: s3 (instanceType); fill them in `trailback review` (interactive) or --skip them',
    );
  });

  it('--approve all never approves data loss on its own', () => {
    expect(fails(fixturePlan(), { approve: 'all', skip: ['s3'] })).toMatch(/^--approve all would approve steps that lose data: s4 \(delete alicloud:rds\/instance:Instance rm-1\); name them in --approve, --skip them, or add --yes-data-loss$/);
    // named explicitly: fine
    expect(decisions(run(fixturePlan(), { approve: ['s4'], skip: 'rest' }))).toBe('s1:s s2:s s3:s s4:a s5:s s6:s');
  });

  it('an approved step cannot depend on a skipped one', () => {
    expect(fails(fixturePlan(), { approve: ['s2'], skip: 'rest' })).toMatch(/^s2 depends on s1 .* which is skipped: .*; skip s2 too, or approve what it depends on$/);
    // the same rule for a skip of an earlier approved dependency
    const earlier = withDecisions(fixturePlan(), { s2: 'approved' });
    expect(fails(earlier, { approve: ['s5', 's6'], skip: ['s1', 's3', 's4'] })).toMatch(/^s2 depends on s1/);
  });

  it('every step must end decided; unlisted steps keep their decision', () => {
    expect(fails(fixturePlan(), { approve: ['s1'] })).toBe('s2, s3, s4, s5, s6 would stay undecided: name them in --approve or --skip (or --skip rest)');
    const earlier = withDecisions(fixturePlan(), { s4: 'approved', s3: 'skipped' });
    expect(decisions(run(earlier, { approve: ['s1', 's2'], skip: ['s5', 's6'] }))).toBe('s1:a s2:a s3:s s4:a s5:s s6:s');
  });

  it('unknown ids and contradictions are errors', () => {
    expect(fails(fixturePlan(), { approve: ['s9'] })).toBe('--approve: no step s9 in the plan (its steps are s1…s6)');
    expect(fails(fixturePlan(), { approve: ['s1'], skip: ['s1'] })).toBe('s1 named in both --approve and --skip');
  });

  it('everything skipped: saved without an approval', () => {
    const p = run(fixturePlan(), { skip: 'rest' });
    expect(p.approval).toBeNull();
    expect(decisions(p)).toBe('s1:s s2:s s3:s s4:s s5:s s6:s');
  });

  it('re-deciding an approved plan the same way keeps its approval; a change re-stamps it', () => {
    const first = run(fixturePlan(), { approve: ['s1', 's2'], skip: 'rest' });
    const same = decideScripted(first, { approve: ['s1', 's2'], skip: 'rest', yesDataLoss: false, reviewer: 'other' }, 'LATER');
    expect(same.approval).toEqual(first.approval);
    const changed = decideScripted(first, { approve: ['s5'], skip: [], yesDataLoss: false, reviewer: 'other' }, 'LATER');
    expect(changed.approval).toMatchObject({ by: 'other', at: 'LATER' });
  });
});
