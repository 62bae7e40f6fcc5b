import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const workspaceRoot = resolve(__dirname, '../../..');
const LIB = resolve(__dirname, '../src/index.ts');

/** Runs a few lines against the logging lib in a child process, its stdout a pipe or a terminal. */
function run(body: string, terminal = false) {
  const script = `const { createLogger, runCli } = require(${JSON.stringify(LIB)}); ${body}`;
  const node = `${JSON.stringify(process.execPath)} -r @swc-node/register -e ${JSON.stringify(script)}`;
  // util-linux `script` gives the child a pseudo-terminal as its stdout.
  const [command, args] = terminal
    ? ['script', ['-qfec', node, '/dev/null']]
    : ['bash', ['-c', node]];
  const result = spawnSync(command as string, args as string[], {
    cwd: workspaceRoot,
    encoding: 'utf8',
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe('createLogger', () => {
  it('writes one JSON object per line when stdout is not a terminal', () => {
    const { stdout, status } = run(
      "const log = createLogger({ name: 'tool', level: 'info' }); log.info({ rows: 3 }, 'loaded'); log.debug('hidden');",
    );
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 30, name: 'tool', rows: 3, msg: 'loaded' });
  });

  it('writes human-readable lines in a terminal', () => {
    const { stdout, status } = run(
      "createLogger({ name: 'tool' }).warn('disk almost full');",
      true,
    );
    expect(status).toBe(0);
    // eslint-disable-next-line no-control-regex -- colours are part of a terminal's output
    const plain = stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(plain).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] WARN \(tool\): disk almost full\r?$/m);
    expect(plain).not.toContain('{');
  });

  it('is silent at level silent', () => {
    expect(run("createLogger({ name: 'tool', level: 'silent' }).error('x');").stdout).toBe('');
  });
});

describe('runCli', () => {
  it('prints a failure as "<name>: <message>" on stderr and exits 1', () => {
    const { stderr, stdout, status } = run(
      "runCli('loader', async () => { throw new Error('securities.csv line 7: bad type'); });",
    );
    expect(status).toBe(1);
    expect(stderr).toBe('loader: securities.csv line 7: bad type\n');
    expect(stdout).toBe('');
  });

  it('exits 0 after a main that succeeds', () => {
    const { status, stderr } = run("runCli('loader', async () => undefined);");
    expect(status).toBe(0);
    expect(stderr).toBe('');
  });
});
