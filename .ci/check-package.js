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
  const bundleName = names.filter((n) => /^ClientSideAssets\/programme-dashboard-web-part_[0-9a-f]+\.js$/.test(n))[0];
  check('web part bundle', !!bundleName);
  // The parts loaded on first use are chunks beside the bundle; each must be in the package.
  for (const part of ['ph-workstream', 'ph-programme-office', 'ph-editing']) {
    check(`web part chunk ${part}`, names.some((n) => new RegExp(`^ClientSideAssets/chunk\\.${part}_[0-9a-f]+\\.js$`).test(n)));
  }
  if (bundleName) {
    const bundle = await zip.file(bundleName).async('string');
    const packed = new Set(names.map((n) => n.replace(/^ClientSideAssets\//, '')));
    // webpack's chunk map: "chunk."+({39:"ph-workstream",…}[e]||e)+"_"+{39:"b139…",217:"6de4…",…}[e]+".js".
    const map = /"chunk\."\+\(\{([^}]*)\}\[\w+\]\|\|\w+\)\+"_"\+\{([^}]*)\}/.exec(bundle);
    const pairs = (text) => new Map((text.match(/[\w$]+:"[^"]*"/g) || []).map((p) => p.split(':').map((x) => x.replace(/"/g, ''))));
    const chunkNames = map ? pairs(map[1]) : new Map();
    const hashes = map ? pairs(map[2]) : new Map();
    const missing = [];
    for (const [id, hash] of hashes) {
      const file = `chunk.${chunkNames.get(id) || id}_${hash}.js`;
      if (!packed.has(file)) missing.push(file);
    }
    check(`the bundle's chunk map found (${hashes.size} chunks)`, hashes.size >= 3);
    if (missing.length > 0) console.log(`missing: ${missing.join(', ')}`);
    check('every chunk the bundle names is packed', missing.length === 0);
  }
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
