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
