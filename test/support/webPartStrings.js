'use strict';
// SPFx localised strings are AMD modules (define([], factory)); tests load the real en-GB file.
const fs = require('fs');
const path = require('path');

const source = fs.readFileSync(path.join(__dirname, '../../src/webparts/programmeDashboard/loc/en-gb.js'), 'utf8');
let strings;
new Function('define', source)((deps, factory) => {
  strings = factory();
});
module.exports = strings;
