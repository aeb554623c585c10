'use strict';
// Checks the shipped .sppkg holds what a tenant needs: the list provisioning XML (the feature's
// elements.xml and every schema it names), the web part with its four hosts, and the Teams icons;
// that SharePoint Online may deploy it tenant-wide (the AppManifest says SkipFeatureDeployment), so
// the web part is on every site and team; and that "Sync to Teams" can build a Teams manifest from
// it (the web part's title and description within Teams' limits, sp-dev-docs #5148); and that the
// first loads as shipped keep within their budget and ceiling.
// Prints one line per check and exits non-zero if any fails.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const JSZip = require('jszip');

const root = path.resolve(__dirname, '..');

/**
 * Teams' limits on what "Sync to Teams" copies from the package: the web part's title becomes the
 * app's short name (30), its description the short description (80); the developer's name (32).
 * Teams' app manifest schema; sp-dev-docs #5148 (a longer title fails the sync with a bare 400),
 * #6876 (a long developer name likewise).
 */
const TEAMS_LIMITS = { title: 30, description: 80, developerName: 32 };

/**
 * First loads as shipped, gzipped at level 9, each file alone, beyond what SPFx supplies: the web
 * part's budget (issue 14), and today's figure for opening on a workstream with about 1 KB of room
 * (94.5 and 117.3 KB on 6 December 2026, where the bench's esbuild measure says 109.2 and 133.4:
 * it splits by file, about 30 files each gzipped alone, where webpack puts the first screen's
 * modules in one bundle).
 */
const SHIPPED_BUDGET_KB = 100;
// 7 December 2026: 118.7 with the protocol-neutral rows' first step (their boundary, rowRecords.ts,
// is to go with the second); raised from 118.5 to land it. Then 112.4: the edit forms' words and
// the cycle's confirming panel with the editing panels, and the readiness rules a part the
// workstream's view fetches beside its data (chunk ph-readiness, not in this figure). Then 107.8
// (the web part's first load 90.9): PnPjs's fluent modules out of the first loads, their requests
// built by src/data/sharepoint/restPaths.ts; ceiling with 0.3 KB of room.
const SHIPPED_TEAMS_TAB_CEILING_KB = 108.1;

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
  for (const part of ['ph-workstream', 'ph-programme-office', 'ph-editing', 'ph-glance']) {
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
    // What SharePoint's page loads first, as shipped (SPFx's webpack, not the bench's esbuild
    // measure): the bundle itself; opening on a workstream, as a Teams tab does, also the chunks
    // the workstream's import asks for together ("Promise.all([n.e(5),n.e(510),n.e(39)])").
    const kb = (text) => Math.round(zlib.gzipSync(Buffer.from(text), { level: 9 }).length / 102.4) / 10;
    const firstLoad = kb(bundle);
    const workstreamId = [...chunkNames].filter(([, name]) => name === 'ph-workstream').map(([id]) => id)[0];
    const asks = (bundle.match(/Promise\.all\(\[(?:\w+\.e\("?[\w-]+"?\),?)+\]\)/g) || []).filter((call) => workstreamId !== undefined && new RegExp(`\\.e\\("?${workstreamId}"?\\)`).test(call))[0];
    const ids = asks ? (asks.match(/\.e\("?([\w-]+)"?\)/g) || []).map((e) => e.replace(/^\.e\("?|"?\)$/g, '')) : [];
    const chunkText = (id) => {
      const file = `ClientSideAssets/chunk.${chunkNames.get(id) || id}_${hashes.get(id)}.js`;
      return zip.file(file) ? zip.file(file).async('string') : Promise.resolve(undefined);
    };
    const chunks = await Promise.all(ids.map(chunkText));
    const opening = Math.round((firstLoad + chunks.reduce((sum, text) => sum + (text === undefined ? 0 : kb(text)), 0)) * 10) / 10;
    check(`web part's first load as shipped ${firstLoad} KB gzipped, within the 100 KB budget`, firstLoad <= SHIPPED_BUDGET_KB);
    check(
      `opening on a workstream as shipped ${opening} KB gzipped (the bundle and ${ids.length} chunks), at or under ${SHIPPED_TEAMS_TAB_CEILING_KB} KB (budget 100 KB, not yet met)`,
      ids.length > 0 && chunks.every((c) => c !== undefined) && opening <= SHIPPED_TEAMS_TAB_CEILING_KB
    );
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
