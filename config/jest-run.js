'use strict';
// Runs Jest as a child process for npm test and npm run test:reliability, and says how it ended.
// On a two-core machine Jest runs every test file in its own process (one worker or fewer: in
// band), so a server or timer a failed test left open keeps that process alive after the last
// test, and the run would never end. Jest writes its --outputFile once every test has run; if it
// has not exited LINGER_MS after that, it is stopped and the run fails, naming why.
const { spawn } = require('child_process');
const fs = require('fs');

const LINGER_MS = 30000;

/**
 * @param {string[]} args Jest's command line (with --json --outputFile resultFile).
 * @param {{ cwd: string, env: object, resultFile: string, lingerMs?: number, stdio?: 'inherit' | 'ignore' }} options
 *   lingerMs: how long after the last test the process may stay (LINGER_MS); stdio: Jest's output's way.
 * @returns {Promise<{ status: number | null, lingered: boolean }>}
 */
function runJest(args, { cwd, env, resultFile, lingerMs = LINGER_MS, stdio = 'inherit' }) {
  fs.rmSync(resultFile, { force: true });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio });
    let finishedAt;
    let lingered = false;
    const watch = setInterval(() => {
      if (finishedAt === undefined && fs.existsSync(resultFile)) {
        finishedAt = Date.now();
      }
      if (finishedAt !== undefined && !lingered && Date.now() - finishedAt > lingerMs) {
        lingered = true;
        process.stderr.write(
          `\nJest ran every test but had not exited ${lingerMs / 1000} s later: something a test started (a server, a timer) ` +
            'is still open. It was stopped, and the run fails. Run the test files again with --detectOpenHandles to see what.\n'
        );
        child.kill('SIGKILL');
      }
    }, 1000);
    child.on('exit', (code) => {
      clearInterval(watch);
      resolve({ status: code, lingered });
    });
  });
}

module.exports = { runJest, LINGER_MS };
