'use strict';
// Checks the shipped .sppkg holds what a tenant needs: the list provisioning XML (the feature's
// elements.xml and every schema it names), the web part with its four hosts, and the Teams icons;
// that SharePoint Online may deploy it tenant-wide (the AppManifest says SkipFeatureDeployment), so
// the web part is on every site and team; and that "Sync to Teams" can build a Teams manifest from
// it (the web part's title and description within Teams' limits, sp-dev-docs #5148); and that the
// first loads as shipped keep within their budget.
// Prints one line per check and exits non-zero if any fails.
const fs = require('fs');
const path = require('path');
const JSZip = require('jszip');
const { chunkFiles, shippedLoads } = require('../config/shippedLoads');

const root = path.resolve(__dirname, '..');

/**
 * Teams' limits on what "Sync to Teams" copies from the package: the web part's title becomes the
 * app's short name (30), its description the short description (80); the developer's name (32).
 * Teams' app manifest schema; sp-dev-docs #5148 (a longer title fails the sync with a bare 400),
 * #6876 (a long developer name likewise).
 */
const TEAMS_LIMITS = { title: 30, description: 80, developerName: 32 };

/**
 * First loads as shipped, gzipped at level 9, each file alone, beyond what SPFx supplies: the
 * budget of issue 14, for the bundle alone, for landing on the programme view and for opening on
 * a workstream as a Teams tab does (each with the chunks its view's import asks for together).
 * Met for each since 7 December 2026 (80.0, 93.0 and 99.0 KB, where the bench's esbuild measure
 * says 92.4, 107.6 and 115.0: it splits by file, some 30 files each gzipped alone, where webpack
 * keeps a view's modules in a few chunks).
 */
const SHIPPED_BUDGET_KB = 100;

/** The JSON value that starts at text[start] ('[' or '{'), read by matching brackets outside strings. */
function jsonAt(text, start) {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return JSON.parse(text.slice(start, i + 1));
    }
  }
  throw new Error('unterminated JSON');
}

/** Decodes the XML entities SPFx writes a component manifest's JSON with. */
function xmlDecode(text) {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#(\d+);/g, (_m, n) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');
}

/**
 * Every title and description of a web part's preconfigured entries, per locale, longer than
 * Teams allows: [] when all fit. `manifestText` is the manifest JSON, as written or as packed.
 */
function teamsLimitFailures(manifestText) {
  const at = manifestText.indexOf('"preconfiguredEntries"');
  if (at < 0) return ['no preconfiguredEntries'];
  const entries = jsonAt(manifestText, manifestText.indexOf('[', at));
  const failures = [];
  for (const entry of entries) {
    for (const [field, limit] of [['title', TEAMS_LIMITS.title], ['description', TEAMS_LIMITS.description]]) {
      for (const [locale, value] of Object.entries(entry[field] || {})) {
        if (typeof value !== 'string' || value.length === 0 || value.length > limit) {
          failures.push(`${field} (${locale}) is ${typeof value === 'string' ? value.length : 'not a'} characters; Teams allows ${limit}`);
        }
      }
    }
  }
  return failures;
}

/** Whether an AppManifest.xml lets the admin deploy the package tenant-wide. */
function isTenantWide(appManifestXml) {
  return /<App\b[^>]*\bSkipFeatureDeployment="true"/i.test(appManifestXml);
}
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
  const appManifest = names.find((n) => /(^|\/)AppManifest\.xml$/.test(n));
  const appManifestXml = appManifest ? await zip.file(appManifest).async('string') : '';
  check('AppManifest.xml', appManifest, appManifest);
  check('tenant-wide deployable (AppManifest says SkipFeatureDeployment="true")', isTenantWide(appManifestXml));
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
  const limitFailures = webPartXml ? teamsLimitFailures(xmlDecode(webPartXml)) : ['no web part'];
  check("web part's title and description within Teams' limits", limitFailures.length === 0, limitFailures.join('; '));
  const bundleName = names.filter((n) => /^ClientSideAssets\/programme-dashboard-web-part_[0-9a-f]+\.js$/.test(n))[0];
  check('web part bundle', !!bundleName);
  // The parts loaded on first use are chunks beside the bundle; each must be in the package.
  for (const part of ['ph-programme', 'ph-workstream', 'ph-programme-office', 'ph-editing', 'ph-glance']) {
    check(`web part chunk ${part}`, names.some((n) => new RegExp(`^ClientSideAssets/chunk\\.${part}_[0-9a-f]+\\.js$`).test(n)));
  }
  if (bundleName) {
    const bundle = await zip.file(bundleName).async('string');
    const packed = new Set(names.map((n) => n.replace(/^ClientSideAssets\//, '')));
    const files = chunkFiles(bundle);
    const missing = files.map((f) => f.file).filter((file) => !packed.has(file));
    check(`the bundle's chunk map found (${files.length} chunks)`, files.length >= 3);
    if (missing.length > 0) console.log(`missing: ${missing.join(', ')}`);
    check('every chunk the bundle names is packed', missing.length === 0);
    // What SharePoint's page loads first, as shipped: the bundle itself, and the view it opens on
    // fetched at once beside the data (config/shippedLoads.js).
    const loads = await shippedLoads(bundle, (file) => (zip.file(`ClientSideAssets/${file}`) ? zip.file(`ClientSideAssets/${file}`).async('string') : Promise.resolve(undefined)));
    const within = (opening) => opening !== undefined && opening.kb <= SHIPPED_BUDGET_KB;
    const said = (opening) => (opening ? `${opening.kb} KB gzipped (the bundle and ${opening.chunks} chunks)` : 'not measured: a chunk is missing');
    check(`web part's first load as shipped ${loads.firstLoadKb} KB gzipped (the bundle alone), within the 100 KB budget`, loads.firstLoadKb <= SHIPPED_BUDGET_KB);
    check(`landing on the programme view as shipped ${said(loads.landing)}, within the 100 KB budget`, within(loads.landing));
    check(`opening on a workstream as shipped ${said(loads.workstream)}, within the 100 KB budget`, within(loads.workstream));
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
module.exports = { TEAMS_LIMITS, teamsLimitFailures, isTenantWide, xmlDecode };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
