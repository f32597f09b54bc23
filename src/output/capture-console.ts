/**
 * Runs `fn` (synchronous) with `console.log` collected instead of printed, and returns what it
 * logged, one line per call. For libraries that only know how to print (@bomb.sh/tab writes
 * its scripts and completions with console.log): the caller then writes the text through its
 * own streams, so output stays testable and in one place.
 */
export function captureConsoleLog(fn: () => void): string {
  const original = console.log;
  const lines: string[] = [];
  console.log = (...values: unknown[]) => {
    lines.push(values.map(String).join(' '));
  };
  try {
    fn();
  } finally {
    console.log = original;
  }
  return lines.map((line) => `${line}\n`).join('');
}
