// Mocha bootstrap for the extension-host test run. The build imports this file
// before every *.test.ts so that `suite`/`test` exist when they load.
// Uses mocha's browser bundle (mocha 11: 12 breaks in the web worker); the
// same bundle also runs in the Node extension host for test:electron.
import mocha from 'mocha/mocha.js';

mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: 30_000, color: false });

// Called by VS Code once the workbench is up; rejection = failed run.
export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (failures: number) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve());
    // mocha.run's browser wrapper reads location.search, which the Node
    // (Electron) extension host lacks: there, call the plain Mocha run.
    const runMocha = typeof location === 'undefined' ? Object.getPrototypeOf(mocha).run : mocha.run;
    const runner = runMocha.call(mocha, done);
    // A plain closing line that any CI log reader understands.
    runner.on('end', () => console.log(`integration: ${runner.stats?.passes ?? 0} passed, ${runner.stats?.failures ?? 0} failed`));
  });
}
