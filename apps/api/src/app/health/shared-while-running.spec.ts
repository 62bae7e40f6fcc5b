import { sharedWhileRunning } from './shared-while-running';

/** A run the test settles by hand, counting how often it was started. */
function controlledRun() {
  const settle: { resolve: (value: number) => void; reject: (error: Error) => void }[] = [];
  const run = jest.fn(
    () =>
      new Promise<number>((resolve, reject) => {
        settle.push({ resolve, reject });
      }),
  );
  return { run, settle };
}

describe('sharedWhileRunning', () => {
  it('starts one run for every caller who asks while it runs, and gives them all its result', async () => {
    const { run, settle } = controlledRun();
    const check = sharedWhileRunning(run);
    const answers = [check(), check(), check()];
    expect(run).toHaveBeenCalledTimes(1);
    settle[0].resolve(7);
    await expect(Promise.all(answers)).resolves.toEqual([7, 7, 7]);
  });

  it('keeps nothing once the run settles: the next caller starts a new run', async () => {
    const { run, settle } = controlledRun();
    const check = sharedWhileRunning(run);
    const first = check();
    settle[0].resolve(1);
    await first;
    const second = check();
    expect(run).toHaveBeenCalledTimes(2);
    settle[1].resolve(2);
    await expect(second).resolves.toBe(2);
  });

  it('hands a failure to every caller who shared the run, and to none after', async () => {
    const { run, settle } = controlledRun();
    const check = sharedWhileRunning(run);
    const shared = [check(), check()];
    settle[0].reject(new Error('connection refused'));
    for (const answer of shared) await expect(answer).rejects.toThrow('connection refused');
    const after = check();
    expect(run).toHaveBeenCalledTimes(2);
    settle[1].resolve(3);
    await expect(after).resolves.toBe(3);
  });
});
