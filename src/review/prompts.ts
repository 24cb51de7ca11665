import inquirer from 'inquirer';

/**
 * The prompts a review asks, with inquirer's signatures (a subset of their configs). The
 * loop takes them as a parameter so tests drive it with scripted answers; the real ones come
 * from the `inquirer` package (its built-in prompt collection is `@inquirer/prompts`).
 */

export interface Choice<V> {
  value: V;
  name: string;
  description?: string;
  disabled?: boolean | string;
}

export interface SelectConfig<V> {
  message: string;
  choices: readonly Choice<V>[];
  default?: V;
  pageSize?: number;
  loop?: boolean;
}

export interface ConfirmConfig {
  message: string;
  default?: boolean;
}

export interface InputConfig {
  message: string;
  default?: string;
  validate?: (value: string) => boolean | string | Promise<boolean | string>;
}

export interface Prompts {
  select<V>(config: SelectConfig<V>): Promise<V>;
  confirm(config: ConfirmConfig): Promise<boolean>;
  input(config: InputConfig): Promise<string>;
}

/** A prompt function as `@inquirer/prompts` exports it: (config, context?) → answer. */
export type PromptFunction<V, C> = (config: C, context?: Record<string, unknown>) => Promise<V>;

/** inquirer's own prompt functions (what `@inquirer/testing`'s `render` drives in tests). */
export const inquirerPrompts = {
  select: inquirer.prompt.prompts.select as PromptFunction<unknown, SelectConfig<unknown>>,
  confirm: inquirer.prompt.prompts.confirm as PromptFunction<boolean, ConfirmConfig>,
  input: inquirer.prompt.prompts.input as PromptFunction<string, InputConfig>,
};

export function realPrompts(): Prompts {
  return {
    select: <V>(config: SelectConfig<V>) => inquirerPrompts.select(config as SelectConfig<unknown>) as Promise<V>,
    confirm: (config) => inquirerPrompts.confirm(config),
    input: (config) => inquirerPrompts.input(config),
  };
}

/** Ctrl-C in an inquirer prompt rejects with ExitPromptError (matched by name: @inquirer/core is not ours to import). */
export function isPromptExit(err: unknown): boolean {
  return err instanceof Error && err.name === 'ExitPromptError';
}
