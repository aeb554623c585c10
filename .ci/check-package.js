'use strict';
// Checks the shipped .sppkg holds what a tenant needs: the list provisioning XML (the feature's
// elements.xml and every schema it names), the web part with its four hosts, and the Teams icons.
// Prints one line per check and exits non-zero if any fails.
const fs = require('fs');
const path = require('path');
const JSZip = require('jszip');

const root = path.resolve(__dirname, '..');
const pkgPath = path.join(root, 'sharepoint/solution/programme-highlights.sppkg');

async function main() {
  const checks = [];
  const check = (name, ok, detail) => checks.push({ name, ok: !!ok, detail });
  if (!fs.existsSync(pkgPath)) {
    console.log(`FAIL ${pkgPath} does not exist: run npm run ship`);
    process.exit(1);
  }
  const zip = await JSZip.loadAsync(fs.readFileSync(pkgPath));
  const names = Object.keys(zip.files);
  const elements = names.find((n) => /\/elements\.xml$/.test(n));
  check('feature elements.xml', elements, elements);
  const elementsXml = elements ? await zip.file(elements).async('string') : '';
  const schemas = [...elementsXml.matchAll(/CustomSchema="([^"]+)"/g)].map((m) => m[1]);
  const titles = [...elementsXml.matchAll(/Title="([^"]+)"/g)].map((m) => m[1]);
  for (const t of ['Workstreams', 'Reporting Periods', 'Status Reports', 'Sponsor Comments', 'Milestones', 'Risks', 'IIB Feedback']) {
    check(`list ${t} provisioned`, titles.includes(t));
  }
  for (const s of schemas) {
    const entry = names.find((n) => path.posix.basename(n) === s);
    check(`schema ${s}`, entry && /<Fields>/.test(await zip.file(entry).async('string')));
  }
  const webPart = names.find((n) => /WebPart_a6a3e117-6359-4248-abdb-8e846dd88548\.xml$/.test(n));
  const webPartXml = webPart ? (await zip.file(webPart).async('string')).replace(/&quot;/g, '"') : '';
  for (const host of ['SharePointWebPart', 'TeamsTab', 'TeamsPersonalApp', 'SharePointFullPage']) {
    check(`web part supports ${host}`, webPartXml.includes(`"${host}"`));
  }
  check('web part bundle', names.some((n) => /^ClientSideAssets\/programme-dashboard-web-part_[0-9a-f]+\.js$/.test(n)));
  for (const icon of ['color', 'outline']) {
    check(`Teams ${icon} icon`, names.some((n) => n.endsWith(`a6a3e117-6359-4248-abdb-8e846dd88548_${icon}.png`)));
  }
  let failed = 0;
  for (const c of checks) {
    console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.detail ? ` (${c.detail})` : ''}`);
    failed += c.ok ? 0 : 1;
  }
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
