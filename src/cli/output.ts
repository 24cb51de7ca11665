/** Writes to stdout; a closed pipe (`| head`) ends the program quietly instead of crashing it. */
let pipeClosed = false;
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') {
    pipeClosed = true;
    process.exit(0);
  }
  throw err;
});

export async function writeOut(text: string): Promise<void> {
  if (pipeClosed || text === '') return;
  if (!process.stdout.write(text)) {
    await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
}

/** Writes many lines in chunks so large outputs neither build one huge string nor flood the pipe. */
export async function writeLines(lines: Iterable<string>): Promise<void> {
  let chunk: string[] = [];
  let size = 0;
  for (const line of lines) {
    chunk.push(line);
    size += line.length;
    if (size > 1 << 20) {
      await writeOut(chunk.join('\n') + '\n');
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length > 0) await writeOut(chunk.join('\n') + '\n');
}

export function warn(line: string): void {
  process.stderr.write(line + '\n');
}

/** Exit code a command asks for without failing (`--detailed-exitcode`: 2 = changes found). */
let requestedExitCode = 0;
export function requestExitCode(code: number): void {
  requestedExitCode = code;
}
export function takeRequestedExitCode(): number {
  const code = requestedExitCode;
  requestedExitCode = 0;
  return code;
}
