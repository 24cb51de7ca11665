import type { Plan } from '../../src/plan/model.js';
import type { Prompts } from '../../src/review/prompts.js';
import type { ReviewEnv } from '../../src/review/session.js';
import { CLOCK } from './fixtures.js';

/** Scripted answers for the review loop, checked against what the loop actually offers. */
export type Answer =
  | { select: string }
  /** Typed attempts: every one but the last must be refused by the prompt's validate, the last accepted. */
  | { input: string[] }
  | { confirm: boolean }
  /** Ctrl-C: inquirer rejects the prompt with ExitPromptError. */
  | 'ctrl-c';

export interface Call {
  kind: 'select' | 'confirm' | 'input';
  message: string;
  choices?: string[];
  /** Messages validate gave for refused attempts. */
  refused?: string[];
}

class ExitPromptError extends Error {
  override name = 'ExitPromptError';
}

export function scriptedPrompts(answers: Answer[]): { prompts: Prompts; calls: Call[]; left: () => number } {
  const queue = [...answers];
  const calls: Call[] = [];
  const next = (kind: Call['kind'], message: string): Answer => {
    const a = queue.shift();
    if (a === undefined) throw new Error(`no scripted answer left for ${kind} "${message}"`);
    if (a === 'ctrl-c') throw new ExitPromptError('User force closed the prompt with SIGINT');
    if (!(kind in a)) throw new Error(`scripted ${Object.keys(a)[0]} answer, but the loop asks ${kind} "${message}"`);
    return a;
  };
  const prompts: Prompts = {
    async select(config) {
      calls.push({ kind: 'select', message: config.message, choices: config.choices.map((c) => String(c.value)) });
      const a = next('select', config.message) as { select: string };
      const choice = config.choices.find((c) => c.value === a.select);
      if (!choice || choice.disabled) throw new Error(`"${a.select}" is not offered for "${config.message}": ${config.choices.map((c) => String(c.value)).join(', ')}`);
      return choice.value;
    },
    async confirm(config) {
      calls.push({ kind: 'confirm', message: config.message });
      return (next('confirm', config.message) as { confirm: boolean }).confirm;
    },
    async input(config) {
      const call: Call = { kind: 'input', message: config.message, refused: [] };
      calls.push(call);
      const attempts = (next('input', config.message) as { input: string[] }).input;
      for (const [i, text] of attempts.entries()) {
        const verdict = config.validate ? await config.validate(text) : true;
        const last = i === attempts.length - 1;
        if (last && verdict !== true) throw new Error(`last attempt ${JSON.stringify(text)} refused: ${String(verdict)}`);
        if (!last) {
          if (verdict === true) throw new Error(`attempt ${JSON.stringify(text)} was accepted, expected a refusal`);
          call.refused!.push(String(verdict));
        }
      }
      return attempts.at(-1)!;
    },
  };
  return { prompts, calls, left: () => queue.length };
}

export interface Harness {
  env: ReviewEnv;
  calls: Call[];
  saves: Plan[];
  output: () => string;
  left: () => number;
}

export function harness(answers: Answer[], over: Partial<ReviewEnv> = {}): Harness {
  const { prompts, calls, left } = scriptedPrompts(answers);
  const saves: Plan[] = [];
  let out = '';
  const env: ReviewEnv = {
    prompts,
    write: (t) => void (out += t),
    now: () => CLOCK,
    save: async (p) => void saves.push(structuredClone(p)),
    reviewer: 'alice',
    planPath: 'plans/x.plan.json',
    color: false,
    // No SDK lookups unless a test asks: kinds then come from the plan's own values.
    inputKind: () => undefined,
    ...over,
  };
  return { env, calls, saves, output: () => out, left };
}

/** The select values asked so far: which step menus were shown, in order. */
export function menus(calls: Call[]): string[] {
  return calls.filter((c) => c.kind === 'select' && c.message.endsWith('your decision')).map((c) => c.message.split(':')[0]!);
}
