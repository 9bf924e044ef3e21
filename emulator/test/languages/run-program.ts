/** Runs a language's program to its end, as the language tests run snippets: its output, and how it ended. */
import { spawn } from 'node:child_process';

/** What a program printed, and its exit code. */
export type Outcome = { code: number | null; stdout: string; stderr: string };

/** Runs `program` in `cwd`, with `input` (or nothing) as its standard input. */
export function runProgram(
  program: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd: string; input?: string },
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env: options.env, cwd: options.cwd, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
