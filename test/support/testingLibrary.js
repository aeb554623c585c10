'use strict';
// The dashboard's views and panels load lazily, and in Jest a view's first load compiles its
// modules: on a loaded CI machine that can take longer than Testing Library's default one
// second for findBy/waitFor. Waits that succeed still return as soon as they do.
const { configure } = require('@testing-library/dom');

configure({ asyncUtilTimeout: 5000 });

// jsdom leaves out what every browser the product supports has and the data layer uses: Web
// Crypto's SubtleCrypto (a locked period's snapshot checksum) and TextEncoder/TextDecoder. The
// UI tests run the real repository, so they get Node's implementations of the same standards.
if (typeof window !== 'undefined') {
  const { webcrypto } = require('node:crypto');
  const { TextEncoder, TextDecoder } = require('node:util');
  if (!globalThis.crypto || !globalThis.crypto.subtle) {
    Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
  }
  if (typeof globalThis.TextEncoder === 'undefined') {
    globalThis.TextEncoder = TextEncoder;
    globalThis.TextDecoder = TextDecoder;
  }
}

// Jest runs the suite in one process on a two-core machine. React's test utilities finish an
// act() scope on later macrotasks (setImmediate): if one is still pending when a jsdom test file
// ends, it runs after Jest has torn the window down and throws "The `document` global was
// defined when React was initialized, but is not defined anymore" — an uncaught error that ends
// the whole run (seen once in CI, after test/webparts/Editing.test.tsx). Let those turns finish
// while the file's window still exists: a few macrotask turns after the file's last test and
// Testing Library's cleanup, which unmounts everything so no new work is scheduled.
if (typeof window !== 'undefined') {
  // Node's own setImmediate, which React's test utilities reach the same way (jsdom has none).
  const { setImmediate: nodeSetImmediate } = require('timers');
  afterAll(async () => {
    for (let turn = 0; turn < 20; turn++) {
      await new Promise((resolve) => nodeSetImmediate(resolve));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    failOnUnwrappedUpdates('after the last test');
  });
}

// React warns "An update to X inside a test was not wrapped in act(...)" when a component's state
// changes while no test step is waiting on the screen: the test awaited something else (the
// repository, axe) while the view was still settling, so what it asserts next may not be what a
// user would see. Such a warning fails the test it came in, naming the components; the cure is
// to wait for what the screen shows (findBy*, waitFor) or to run the step inside act.
const unwrapped = [];

function failOnUnwrappedUpdates(when) {
  if (unwrapped.length > 0) {
    const names = Array.from(new Set(unwrapped.splice(0)));
    throw new Error(`React state changed outside act() ${when} (${names.join(', ')}): wait for what the screen shows (findBy*, waitFor) or run the step inside act().`);
  }
}

if (typeof window !== 'undefined') {
  const consoleError = console.error;
  console.error = (...args) => {
    if (typeof args[0] === 'string' && args[0].includes('not wrapped in act(')) {
      unwrapped.push(typeof args[1] === 'string' ? args[1] : 'a component');
    }
    consoleError.apply(console, args);
  };
  beforeEach(() => {
    unwrapped.length = 0;
  });
  afterEach(() => failOnUnwrappedUpdates('in this test'));
}
