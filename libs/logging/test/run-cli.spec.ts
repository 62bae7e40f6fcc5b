import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const WORKSPACE_ROOT = resolve(__dirname, '../../..');
const EXAMPLE = join(__dirname, 'support/example-cli.ts');

async function run(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', EXAMPLE, ...args],
      { cwd: WORKSPACE_ROOT },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('runCli: one ending for every CLI', () => {
  it('lets a successful program end with code 0', async () => {
    expect(await run('ok')).toEqual({ code: 0, stdout: 'done\n', stderr: '' });
  });

  it('prints a failure as "<name>: <message>" on stderr and exits 1', async () => {
    expect(await run('fail', 'the disk is full')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'example: the disk is full\n',
    });
  });

  it('prints a bad option value in the same format, naming the option', async () => {
    expect(await run('--count', 'ten', 'ok')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "example: option '--count <n>' argument 'ten' is invalid. must be a positive integer, e.g. 10\n",
    });
  });

  it('never ends with code 0 when main has not finished (what a dead database server once caused)', async () => {
    expect(await run('hang')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'example: stopped before finishing (a step waited on something that had gone away)\n',
    });
  });

  it('keeps --help a success', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: example/);
  });
});
