import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { inquirerPrompts, isPromptExit, realPrompts, type Prompts } from '../../src/review/prompts.js';
import { menuChoices, runReview } from '../../src/review/session.js';
import { fixturePlan, withDecisions } from './fixtures.js';
import { harness } from './fake-prompts.js';

type Rendered = Awaited<ReturnType<typeof render>>;
type Driver = (r: Rendered) => Promise<void>;

/** Prompts that are inquirer's real ones, rendered by @inquirer/testing and driven key by key. */
function renderedPrompts(drivers: Driver[], screens: string[]): Prompts {
  const run = async <V>(prompt: unknown, config: unknown): Promise<V> => {
    const r = await render(prompt as (c: unknown) => Promise<V>, config);
    screens.push(r.getScreen());
    const drive = drivers.shift();
    if (!drive) throw new Error('no driver left');
    await drive(r);
    return (await r.answer) as V;
  };
  return {
    select: (c) => run(inquirerPrompts.select, c),
    confirm: (c) => run(inquirerPrompts.confirm, c),
    input: (c) => run(inquirerPrompts.input, c),
  };
}

const enter: Driver = async (r) => r.events.keypress('enter');

describe('with inquirer prompts', () => {
  it('exposes inquirer\'s select, confirm and input', () => {
    const p = realPrompts();
    expect(typeof p.select).toBe('function');
    expect(typeof p.confirm).toBe('function');
    expect(typeof p.input).toBe('function');
    expect(isPromptExit(Object.assign(new Error('x'), { name: 'ExitPromptError' }))).toBe(true);
    expect(isPromptExit(new Error('x'))).toBe(false);
  });

  it('the step menu renders in a real select; arrows choose', async () => {
    const r = await render(inquirerPrompts.select, { message: 's1: your decision', choices: menuChoices(fixturePlan(), 0, false) });
    expect(r.getScreen()).toContain('❯ approve');
    expect(r.getScreen()).toContain('quit: save and quit');
    r.events.keypress('down');
    await r.nextRender();
    r.events.keypress('enter');
    await expect(r.answer).resolves.toBe('skip');
  });

  it('the edit prompt shows why a value is refused, then takes a valid one (real input prompt)', async () => {
    const screens: string[] = [];
    const start = withDecisions(fixturePlan(), { s1: 'approved', s2: 'approved' });
    const pick = (n: number): Driver => async (r) => {
      for (let i = 0; i < n; i++) {
        r.events.keypress('down');
        await r.nextRender();
      }
      r.events.keypress('enter');
    };
    let refusal = '';
    const typeValue: Driver = async (r) => {
      r.events.type('[redacted]');
      r.events.keypress('enter');
      await r.nextRender();
      refusal = r.getScreen();
      for (let i = 0; i < 10; i++) r.events.keypress('backspace');
      r.events.type('ecs.c7.large');
      r.events.keypress('enter');
    };
    const quit: Driver = async (r) => {
      r.events.type('q');
      await r.nextRender();
      r.events.keypress('enter');
    };
    // menu at s3: approve, skip, edit… → edit is the third entry
    const h = harness([], { prompts: renderedPrompts([pick(2), typeValue, quit], screens) });
    const { plan, outcome } = await runReview(start, h.env);
    expect(screens[1]).toContain('s3 instanceType (string, as the current value; empty to cancel):');
    expect(refusal).toContain('[redacted] marks a secret the trail hid, it is not a value');
    expect(plan.steps[2]!.edited).toEqual({ instanceType: 'ecs.c7.large' });
    expect(outcome).toBe('quit');
  });

  it('the data-loss confirmation defaults to no', async () => {
    const screens: string[] = [];
    const start = withDecisions(fixturePlan(), { s1: 'approved', s2: 'approved', s3: 'skipped' });
    const h = harness([], { prompts: renderedPrompts([enter, enter, async (r) => r.events.keypress({ name: 'c', ctrl: true })], screens) });
    const err = await runReview(start, h.env).catch((e: unknown) => e);
    expect(screens[1]).toContain('s4 deletes rm-1 and its data is lost. Approve anyway? (y/N)');
    expect(h.saves).toHaveLength(0);
    expect(isPromptExit(err)).toBe(true);
  });
});
