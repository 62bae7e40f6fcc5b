import { workspaceRoot } from '@securities/database';
import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const SCRIPT = join(workspaceRoot, 'tools/testing/ensure-chromium.js');

/** `npm test`'s set-up step as a user without root, on a machine without Chromium. */
async function runAsNonRoot(): Promise<{ code: number; output: string }> {
  // As root, run it as `nobody`; anyone else already is not root.
  const uid =
    process.getuid?.() === 0
      ? Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim())
      : undefined;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SCRIPT], {
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
      uid,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe("npm test's Chromium step, without root and without Chromium", () => {
  it('lets the tests run (exit 0) and says that only the browser test needs Chromium, and how to get it', async () => {
    const { code, output } = await runAsNonRoot();
    expect(code).toBe(0);
    expect(output).toBe(
      'Chromium not found at /nonexistent/chromium: the browser test (apps/api swagger-ui) will fail; every other test runs. Install it (sudo apt-get install chromium) or set CHROMIUM_PATH.\n',
    );
  });
});
