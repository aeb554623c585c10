'use strict';
// The dashboard's views and panels load lazily, and in Jest a view's first load compiles its
// modules: on a loaded CI machine that can take longer than Testing Library's default one
// second for findBy/waitFor. Waits that succeed still return as soon as they do.
const { configure } = require('@testing-library/dom');

configure({ asyncUtilTimeout: 5000 });
