import { CancelledError } from '../core/errors.js';
import type { Io } from './io.js';
import { promptOutput } from './prompt-output.js';

export type Inquirer = typeof import('@inquirer/prompts');

export interface PromptContext {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  signal: AbortSignal;
}

/**
 * Loads @inquirer/prompts (lazily: +~50 ms) and runs one prompt on `io.stdin` / `io.stderr`.
 * Ctrl-C, end of input and abort (`interrupt`: a SIGINT) all become CancelledError (exit 130).
 */
export async function runPrompt<T>(
  io: Pick<Io, 'stdin' | 'stderr'>,
  ask: (prompts: Inquirer, context: PromptContext) => Promise<T>,
  interrupt?: AbortSignal,
): Promise<T> {
  const prompts = await import('@inquirer/prompts');
  // In terminal mode inquirer ignores the end of its input and its promise never settles,
  // letting Node exit 0 mid-question; aborting on 'end' turns that into a cancellation.
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (io.stdin.readableEnded || interrupt?.aborted) abort();
  io.stdin.once('end', abort);
  // A SIGINT sent to the process (not typed: raw mode turns Ctrl-C into a key) closes it too.
  interrupt?.addEventListener('abort', abort);
  // A fresh shield per prompt: inquirer ends its output when the prompt closes.
  const context = { input: io.stdin, output: promptOutput(io.stderr), signal: controller.signal };
  try {
    return await ask(prompts, context);
  } catch (error) {
    throw isPromptExit(error) ? new CancelledError('cancelled', { cause: error }) : error;
  } finally {
    io.stdin.off('end', abort);
    interrupt?.removeEventListener('abort', abort);
  }
}

/** Inquirer's Ctrl-C / closed-input (ExitPromptError) and abort (AbortPromptError). */
function isPromptExit(error: unknown): boolean {
  const name = error instanceof Error ? error.name : undefined;
  return name === 'ExitPromptError' || name === 'AbortPromptError';
}
