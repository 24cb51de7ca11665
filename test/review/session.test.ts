import { describe, expect, it } from 'vitest';
import { approvalIsValid, Plan, stepsDigest } from '../../src/plan/model.js';
import { menuChoices, runReview } from '../../src/review/session.js';
import { CLOCK, fixturePlan, step, withDecisions } from './fixtures.js';
import { harness, menus, type Answer } from './fake-prompts.js';

const approve: Answer = { select: 'approve' };
const skip: Answer = { select: 'skip' };
const decisions = (p: Plan): string => p.steps.map((s) => `${s.id}:${s.decision[0]}`).join(' ');

describe('review loop', () => {
  it('walks every step in plan order, saves after each answer and stamps the approval at the end', async () => {
    const h = harness([approve, approve, approve, { confirm: true }, { input: ['ecs.g7.large'] }, approve, approve, { confirm: true }, approve, approve]);
    const { plan, outcome } = await runReview(fixturePlan(), h.env);
    expect(outcome).toBe('finished');
    expect(h.left()).toBe(0);
    expect(menus(h.calls)).toEqual(['s1', 's2', 's3', 's3', 's4', 's5', 's6']);
    expect(decisions(plan)).toBe('s1:a s2:a s3:a s4:a s5:a s6:a');
    expect(plan.approval).toEqual({ by: 'alice', at: CLOCK.toISOString(), stepsDigest: stepsDigest(plan) });
    expect(approvalIsValid(plan)).toBe(true);
    // one save per change (6 approvals, 1 edit) and one for the approval; every save a valid plan
    expect(h.saves).toHaveLength(8);
    for (const s of h.saves) expect(() => Plan.parse(s)).not.toThrow();
    expect(h.saves.slice(0, -1).every((s) => s.approval === null)).toBe(true);
    expect(h.saves.at(-1)).toEqual(plan);
    const out = h.output();
    expect(out).toContain('Plan: restore the state at 2026-10-14T00:00:00Z');
    expect(out).toContain('warnings: 1');
    expect(out).toContain('── step 1 of 6');
    expect(out).toContain('Review complete: 6 approved, 0 skipped; approved by alice');
  });

  it('skips a step: it is saved as skipped and the loop moves on', async () => {
    const h = harness([skip, 'ctrl-c']);
    await expect(runReview(fixturePlan(), h.env)).rejects.toThrow(/SIGINT/);
    expect(decisions(h.saves.at(-1)!)).toBe('s1:s s2:p s3:p s4:p s5:p s6:p');
  });

  it('interrupted (Ctrl-C): what was answered is saved, nothing else, no approval', async () => {
    const h = harness([approve, approve, 'ctrl-c']);
    const err = await runReview(fixturePlan(), h.env).catch((e: unknown) => e);
    expect((err as Error).name).toBe('ExitPromptError');
    expect(h.saves).toHaveLength(2);
    expect(decisions(h.saves[1]!)).toBe('s1:a s2:a s3:p s4:p s5:p s6:p');
    expect(h.saves[1]!.approval).toBeNull();
  });

  it('resumes at the first pending step', async () => {
    const start = withDecisions(fixturePlan(), { s1: 'approved', s2: 'skipped' });
    const h = harness(['ctrl-c']);
    await runReview(start, h.env).catch(() => undefined);
    expect(h.calls[0]!.message).toBe('s3: your decision');
    expect(h.output()).toContain('Resuming at s3: the 2 steps before it are decided');
  });

  describe('edit an unknown value', () => {
    it('refuses invalid answers (wrong type, [redacted], null) and records a valid one', async () => {
      const h = harness([{ select: 'edit' }, { input: ['{"a":1}', '[redacted]', '"[redacted]"', 'null', '["x"]', 'ecs.c7.large'] }, 'ctrl-c'], {
        now: () => CLOCK,
      });
      const start = withDecisions(fixturePlan(), { s1: 'approved', s2: 'approved' });
      await runReview(start, h.env).catch(() => undefined);
      const input = h.calls.find((c) => c.kind === 'input')!;
      expect(input.message).toBe('s3 instanceType (string, as the current value; empty to cancel):');
      expect(input.refused).toEqual([
        'expected string, got {"a":1}',
        '[redacted] marks a secret the trail hid, it is not a value: type the real value',
        '[redacted] marks a secret the trail hid, it is not a value: type the real value',
        'null is not a value: type the value the input had',
        'expected string, got ["x"]',
      ]);
      const s3 = h.saves.at(-1)!.steps[2]!;
      expect(s3.edited).toEqual({ instanceType: 'ecs.c7.large' });
      expect(s3.after).toEqual({ instanceName: 'app', instanceType: 'ecs.c7.large' });
      expect(s3.unknown).toEqual([]);
      expect(s3.patch).toEqual([{ op: 'replace', path: '/instanceType', value: 'ecs.c7.large' }]);
      expect(s3.decision).toBe('pending');
      // after the edit the step is shown again, to be approved
      expect(menus(h.calls)).toEqual(['s3', 's3']);
      expect(h.output()).toContain('s3 instanceType = "ecs.c7.large"');
    });

    it('takes the type from the Pulumi SDK when it knows it (a number for rds instanceStorage)', async () => {
      const plan = fixturePlan();
      plan.steps = [
        step('s1', {
          action: 'create',
          type: 'alicloud:rds/instance:Instance',
          rid: 'rm-9',
          after: { engine: 'MySQL' },
          patch: [{ op: 'add', path: '', value: { engine: 'MySQL' } }],
          unknown: ['instanceStorage', 'securityIps'],
        }),
      ];
      // default inputKind: the installed @pulumi/alicloud declarations
      const h = harness(
        [{ select: 'edit' }, { select: 'instanceStorage' }, { input: ['"20"', 'twenty', '20'] }, { select: 'edit' }, { input: ['10.0.0.1', '[{"a":1}]', '["10.0.0.0/8","192.168.0.1"]'] }, approve, { confirm: true }],
        { inputKind: undefined, requiredInputs: () => [] },
      );
      const { plan: done } = await runReview(plan, h.env);
      const inputs = h.calls.filter((c) => c.kind === 'input');
      expect(inputs[0]!.message).toBe('s1 instanceStorage (number, as the Pulumi SDK; empty to cancel):');
      expect(inputs[0]!.refused).toEqual(['expected number, got "20"', 'expected number, got "twenty"']);
      expect(inputs[1]!.message).toBe('s1 securityIps (list of string, as the Pulumi SDK; empty to cancel):');
      expect(inputs[1]!.refused).toEqual(['expected list of string, got "10.0.0.1"', 'item 1: expected string, got {"a":1}']);
      expect(done.steps[0]!.after).toEqual({ engine: 'MySQL', instanceStorage: 20, securityIps: ['10.0.0.0/8', '192.168.0.1'] });
      expect(done.steps[0]!.patch).toEqual([{ op: 'add', path: '', value: done.steps[0]!.after }]);
      expect(done.steps[0]!.edited).toEqual({ instanceStorage: 20, securityIps: ['10.0.0.0/8', '192.168.0.1'] });
      expect(done.approval?.by).toBe('alice');
    });

    it('a create missing inputs its Pulumi type requires gets them as unknown values (read from the installed SDK)', async () => {
      const plan = fixturePlan();
      plan.steps = [
        step('s1', {
          action: 'create',
          type: 'alicloud:rds/instance:Instance',
          rid: 'rm-9',
          after: { engine: 'MySQL', instanceType: 'mysql.n2.medium.2c' },
          patch: [{ op: 'add', path: '', value: { engine: 'MySQL', instanceType: 'mysql.n2.medium.2c' } }],
          unknown: [],
        }),
      ];
      const h = harness(['ctrl-c'], { requiredInputs: undefined });
      await runReview(plan, h.env).catch(() => undefined);
      expect(h.saves.at(-1)!.steps[0]!.unknown).toEqual(['engineVersion', 'instanceStorage']);
      expect(h.output()).toContain('s1: the Pulumi SDK requires engineVersion, instanceStorage to create it');
    });

    it('never takes a secret into the plan: a password stays unknown, other unknowns stay editable', async () => {
      const plan = fixturePlan();
      plan.steps = [
        step('s1', {
          action: 'create',
          type: 'alicloud:ram/loginProfile:LoginProfile',
          rid: 'backup-bot',
          after: { userName: 'backup-bot' },
          patch: [{ op: 'add', path: '', value: { userName: 'backup-bot' } }],
          unknown: ['password', 'mfaBindRequired'],
        }),
      ];
      const h = harness([{ select: 'edit' }, { input: ['true'] }, 'ctrl-c'], { inputKind: () => ({ kind: 'boolean' }) });
      await runReview(plan, h.env).catch(() => undefined);
      expect(h.output()).toContain('password: a secret, never stored in a plan');
      // only the non-secret input was asked for (no choice between the two)
      expect(h.calls.filter((c) => c.kind === 'select').map((c) => c.message)).not.toContain('s1: which input?');
      const saved = h.saves.at(-1)!.steps[0]!;
      expect(saved.unknown).toEqual(['password']);
      expect(saved.edited).toEqual({ mfaBindRequired: true });
    });

    it('an empty answer cancels: the value stays unknown', async () => {
      const start = withDecisions(fixturePlan(), { s1: 'approved', s2: 'approved' });
      const h = harness([{ select: 'edit' }, { input: ['  '] }, 'ctrl-c']);
      await runReview(start, h.env).catch(() => undefined);
      expect(h.saves).toHaveLength(0);
      expect(h.output()).toContain('instanceType left unknown.');
    });

    it('a step with unknown values cannot be approved: says so and offers the edit', async () => {
      const start = withDecisions(fixturePlan(), { s1: 'approved', s2: 'approved' });
      const h = harness([approve, { confirm: false }, approve, { confirm: true }, { input: ['ecs.g7.large'] }, approve, 'ctrl-c']);
      await runReview(start, h.env).catch(() => undefined);
      expect(h.output()).toContain('s3 cannot be approved yet: the desired value of instanceType is unknown; fill it first (edit)');
      expect(h.calls.filter((c) => c.kind === 'confirm').map((c) => c.message)).toEqual(['Fill instanceType now?', 'Fill instanceType now?']);
      expect(h.saves.map(decisions)).toEqual(['s1:a s2:a s3:p s4:p s5:p s6:p', 's1:a s2:a s3:a s4:p s5:p s6:p']);
      expect(h.saves[1]!.steps[2]!.edited).toEqual({ instanceType: 'ecs.g7.large' });
    });
  });

  it('shows the raw causing events as JSON', async () => {
    const h = harness([{ select: 'events' }, 'ctrl-c']);
    await runReview(fixturePlan(), h.env).catch(() => undefined);
    const out = h.output();
    expect(out).toContain(JSON.stringify(fixturePlan().steps[0]!.causedBy, null, 2));
    expect(out).toContain('"accessKeyId": "LTAI5tQ7mXn3Vb2KcR8pWz1Y"');
  });

  it('back shows the previous step, next moves on keeping its decision', async () => {
    const h = harness([approve, { select: 'back' }, { select: 'next' }, 'ctrl-c']);
    await runReview(fixturePlan(), h.env).catch(() => undefined);
    expect(menus(h.calls)).toEqual(['s1', 's2', 's1', 's2']);
    // s1 is shown again with its decision; back/next do not save
    expect(h.output()).toMatch(/\+ s1 create alicloud:vpc\/network:Network vpc-1 .*\[approved\]/);
    expect(h.saves).toHaveLength(1);
    expect(h.calls[0]!.choices).not.toContain('back');
    expect(h.calls[2]!.choices).toContain('next');
  });

  it('changing a decision after going back: the next answer goes to the next pending step', async () => {
    const start = withDecisions(fixturePlan(), { s1: 'approved', s2: 'approved' });
    const h = harness([{ select: 'back' }, skip, 'ctrl-c']);
    await runReview(start, h.env).catch(() => undefined);
    expect(menus(h.calls)).toEqual(['s3', 's2', 's3']);
    expect(decisions(h.saves[0]!)).toBe('s1:a s2:s s3:p s4:p s5:p s6:p');
  });

  describe('approve all of a kind', () => {
    const start = (): Plan => withDecisions(fixturePlan(), { s1: 'approved', s2: 'approved', s3: 'skipped', s4: 'skipped' });

    it('asks first; no approves nothing', async () => {
      const h = harness([{ select: 'kind' }, { confirm: false }, 'ctrl-c']);
      await runReview(start(), h.env).catch(() => undefined);
      expect(h.calls[0]!.choices).toContain('kind');
      expect(h.calls[1]!.message).toBe('Approve all 2 of them (s5, s6)?');
      expect(h.saves).toHaveLength(0);
    });

    it('yes approves every pending step of the same action and type, and finishes', async () => {
      const h = harness([{ select: 'kind' }, { confirm: true }]);
      const { plan, outcome } = await runReview(start(), h.env);
      expect(outcome).toBe('finished');
      expect(decisions(plan)).toBe('s1:a s2:a s3:s s4:s s5:a s6:a');
      expect(approvalIsValid(plan)).toBe(true);
    });

    it('is not offered when the step is the only one of its kind', async () => {
      const h = harness(['ctrl-c']);
      await runReview(fixturePlan(), h.env).catch(() => undefined);
      expect(h.calls[0]!.choices).not.toContain('kind');
    });

    it('leaves out steps that cannot be approved, and asks again for data-loss ones', async () => {
      const plan = fixturePlan();
      const rds = plan.steps[3]!;
      plan.steps.push({ ...rds, id: 's7', resource: { ...rds.resource, id: 'rm-2' } });
      plan.steps.push({ ...rds, id: 's8', resource: { ...rds.resource, id: 'rm-3' }, risks: [], unknown: ['engine'] });
      const h = harness([{ select: 'kind' }, { confirm: true }, { confirm: false }, 'ctrl-c']);
      await runReview(withDecisions(plan, { s1: 'approved', s2: 'approved', s3: 'skipped' }), h.env).catch(() => undefined);
      expect(h.output()).toContain('left pending: s8 cannot be approved yet');
      expect(h.calls.filter((c) => c.kind === 'confirm').map((c) => c.message)).toEqual(['Approve 2 of them (s4, s7)?', 's4, s7 lose data. Approve those too?']);
      expect(h.saves).toHaveLength(0);
    });
  });

  describe('data loss', () => {
    const start = (): Plan => withDecisions(fixturePlan(), { s1: 'approved', s2: 'approved', s3: 'skipped' });

    it('needs a second confirmation; no keeps the step pending', async () => {
      const h = harness([approve, { confirm: false }, 'ctrl-c']);
      await runReview(start(), h.env).catch(() => undefined);
      expect(h.calls[1]!.message).toBe('s4 deletes rm-1 and its data is lost. Approve anyway?');
      expect(h.output()).toContain('data-loss: Instance rm-1 holds data');
      expect(h.output()).toContain('s4 not approved.');
      expect(menus(h.calls)).toEqual(['s4', 's4']);
      expect(h.saves).toHaveLength(0);
    });

    it('yes approves it', async () => {
      const h = harness([approve, { confirm: true }, 'ctrl-c']);
      await runReview(start(), h.env).catch(() => undefined);
      expect(decisions(h.saves[0]!)).toBe('s1:a s2:a s3:s s4:a s5:p s6:p');
    });
  });

  describe('dependencies', () => {
    it('skipping a step an approved step needs is explained; resolved by skipping the dependents too', async () => {
      const start = withDecisions(fixturePlan(), { s1: 'approved', s2: 'approved' });
      const h = harness([{ select: 'back' }, { select: 'back' }, skip, { select: 'cascade' }, 'ctrl-c']);
      await runReview(start, h.env).catch(() => undefined);
      expect(h.output()).toContain('s2 (create alicloud:vpc/switch:Switch vsw-1) is approved and needs s1: skipping s1 alone would leave it unappliable');
      expect(h.calls[3]!.choices).toEqual(['cascade', 'cancel']);
      expect(decisions(h.saves[0]!)).toBe('s1:s s2:s s3:p s4:p s5:p s6:p');
      expect(h.output()).toContain('Skipped s1, s2.');
    });

    it('… or by going back: nothing changes', async () => {
      const start = withDecisions(fixturePlan(), { s1: 'approved', s2: 'approved' });
      const h = harness([{ select: 'back' }, { select: 'back' }, skip, { select: 'cancel' }, 'ctrl-c']);
      await runReview(start, h.env).catch(() => undefined);
      expect(h.saves).toHaveLength(0);
      expect(menus(h.calls)).toEqual(['s3', 's2', 's1', 's1']);
    });

    it('skipping a step only pending steps need is not blocked', async () => {
      const h = harness([skip, 'ctrl-c']);
      await runReview(fixturePlan(), h.env).catch(() => undefined);
      expect(decisions(h.saves[0]!)).toBe('s1:s s2:p s3:p s4:p s5:p s6:p');
    });

    it('approving a step whose dependency was skipped is explained: go to it, skip this one too, or cancel', async () => {
      const h = harness([skip, approve, { select: 'cancel' }, approve, { select: 'goto' }, approve, approve, 'ctrl-c']);
      await runReview(fixturePlan(), h.env).catch(() => undefined);
      expect(h.output()).toContain('s2 depends on s1 (create alicloud:vpc/network:Network vpc-1), which is skipped: applying s2 without it would fail');
      expect(h.calls[2]!.choices).toEqual(['goto', 'skip', 'cancel']);
      // cancel stays on s2; goto lands on s1; approving it continues at s2, which is then approvable
      expect(menus(h.calls)).toEqual(['s1', 's2', 's2', 's1', 's2', 's3']);
      expect(h.saves.map(decisions)).toEqual(['s1:s s2:p s3:p s4:p s5:p s6:p', 's1:a s2:p s3:p s4:p s5:p s6:p', 's1:a s2:a s3:p s4:p s5:p s6:p']);
    });

    it('"skip this one as well" skips the step whose dependency is skipped', async () => {
      const h = harness([skip, approve, { select: 'skip' }, 'ctrl-c']);
      await runReview(fixturePlan(), h.env).catch(() => undefined);
      expect(decisions(h.saves.at(-1)!)).toBe('s1:s s2:s s3:p s4:p s5:p s6:p');
      expect(menus(h.calls)).toEqual(['s1', 's2', 's3']);
    });
  });

  describe('approval stamping and invalidation', () => {
    const approved = (): Plan => {
      const p = withDecisions(fixturePlan(), { s1: 'approved', s2: 'approved', s3: 'skipped', s4: 'skipped', s5: 'approved', s6: 'approved' });
      return { ...p, approval: { by: 'bob', at: '2026-10-31T00:00:00.000Z', stepsDigest: stepsDigest(p) } };
    };

    it('a review that changes nothing keeps the approval as it was', async () => {
      const h = harness([{ select: 'quit' }]);
      const { plan, outcome } = await runReview(approved(), h.env);
      expect(h.output()).toContain('Every step is decided');
      expect(outcome).toBe('finished');
      expect(plan.approval).toEqual(approved().approval);
      expect(h.saves).toHaveLength(0);
    });

    it('changing a step of an approved plan drops the approval at once and stamps a new one on finishing', async () => {
      const h = harness([{ select: 'next' }, { select: 'next' }, { select: 'next' }, { select: 'next' }, skip]);
      const { plan } = await runReview(approved(), h.env);
      expect(h.saves).toHaveLength(2);
      expect(h.saves[0]!.approval).toBeNull();
      expect(decisions(h.saves[0]!)).toBe('s1:a s2:a s3:s s4:s s5:s s6:a');
      expect(plan.approval).toEqual({ by: 'alice', at: CLOCK.toISOString(), stepsDigest: stepsDigest(plan) });
      expect(approvalIsValid(plan)).toBe(true);
    });

    it('a plan whose approval no longer matches its steps is stamped again when the review ends', async () => {
      const stale = approved();
      stale.steps[0] = { ...stale.steps[0]!, after: { cidrBlock: '10.9.0.0/16' } };
      expect(approvalIsValid(stale)).toBe(false);
      const h = harness([{ select: 'quit' }]);
      const { plan } = await runReview(stale, h.env);
      expect(plan.approval?.by).toBe('alice');
      expect(approvalIsValid(plan)).toBe(true);
    });

    it('quitting with pending steps stamps nothing and says how to continue', async () => {
      const h = harness([approve, { select: 'quit' }]);
      const { plan, outcome } = await runReview(fixturePlan(), h.env);
      expect(outcome).toBe('quit');
      expect(plan.approval).toBeNull();
      expect(h.output()).toContain('Saved plans/x.plan.json: 1 approved, 0 skipped, 5 pending. Run `trailback review plans/x.plan.json` to continue.');
    });

    it('every step skipped: finished, but nothing is approved', async () => {
      const plan = fixturePlan();
      plan.steps = plan.steps.slice(4);
      const h = harness([skip, skip]);
      const done = await runReview(plan, h.env);
      expect(done.outcome).toBe('finished');
      expect(done.plan.approval).toBeNull();
      expect(h.output()).toContain('every step skipped, nothing to apply; the plan is not approved');
    });
  });

  it('folds long diffs and offers the full one', async () => {
    const plan = fixturePlan();
    const big = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i]));
    plan.steps[0] = { ...plan.steps[0]!, after: big };
    const h = harness([{ select: 'diff' }, 'ctrl-c'], { maxDiffLines: 10 });
    await runReview(plan, h.env).catch(() => undefined);
    expect(h.calls[0]!.choices).toContain('diff');
    const out = h.output();
    const fold = out.indexOf('more lines');
    expect(fold).toBeGreaterThan(0);
    // k15 sits in the elided middle: it appears only in the full diff shown after the answer
    expect(out.slice(0, fold)).not.toContain('"k15": 15');
    expect(out.slice(fold)).toContain('"k15": 15');
  });

  it('does not offer the full diff when it is short', () => {
    expect(menuChoices(fixturePlan(), 0, false).map((c) => c.value)).toEqual(['approve', 'skip', 'events', 'quit']);
  });

  it('colour only when asked (NO_COLOR / pipes decide in the CLI)', async () => {
    const plain = harness(['ctrl-c']);
    await runReview(fixturePlan(), plain.env).catch(() => undefined);
    expect(plain.output()).not.toContain('\u001b[');
    const coloured = harness(['ctrl-c'], { color: true });
    await runReview(fixturePlan(), coloured.env).catch(() => undefined);
    expect(coloured.output()).toContain('\u001b[');
  });

  it('a plan without steps has nothing to review', async () => {
    const plan = { ...fixturePlan(), steps: [] };
    const h = harness([]);
    const { outcome } = await runReview(plan, h.env);
    expect(outcome).toBe('empty');
    expect(h.output()).toContain('Nothing to review');
  });
});
