'use strict';
// Every npm script runs this first. The project's own Node 22 comes from the `node`
// devDependency (node_modules/.bin/node), which npm puts first on PATH for scripts.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 22) {
  process.stderr.write(
    `Programme Highlights needs Node.js 22 (SharePoint Framework 1.23 supports 22.14 or later, below 23), ` +
      `but this is Node.js ${process.version}.\n` +
      `Run the command through npm (npm start, npm test, npm run ship) after "npm ci": npm then uses the ` +
      `Node 22 that the project installs in node_modules/.bin/node. If that file is missing, "npm ci" was run ` +
      `with --ignore-scripts; run "npm ci" again without it.\n`
  );
  process.exit(1);
}
