'use strict';
// The web part's first loads as SPFx's webpack shipped them (not the bench's esbuild measure):
// the bundle alone, and the bundle with the chunks a view's import asks for together, fetched at
// once beside the data — the programme view where a page lands, the workstream's view a Teams tab
// pinned to a workstream opens on. Each file gzipped at level 9 on its own, as a browser fetches
// it. Used by .ci/check-package.js on the packed .sppkg and by the bench on release/assets.
const zlib = require('zlib');

/** The chunk each opening's view is in (webpackChunkName in components/lazy.tsx). */
const OPENINGS = { landing: 'ph-programme', workstream: 'ph-workstream' };

/** A text's size gzipped at level 9, in KB to one decimal. */
function gzipKb(text) {
  return Math.round(zlib.gzipSync(Buffer.from(text), { level: 9 }).length / 102.4) / 10;
}

/**
 * webpack's chunk map in the bundle — "chunk."+({39:"ph-workstream",…}[e]||e)+"_"+{39:"b139…",…}[e]+".js" —
 * as each chunk's id and file name; empty when the bundle has none.
 */
function chunkFiles(bundle) {
  const map = /"chunk\."\+\(\{([^}]*)\}\[\w+\]\|\|\w+\)\+"_"\+\{([^}]*)\}/.exec(bundle);
  const pairs = (text) => new Map((text.match(/[\w$]+:"[^"]*"/g) || []).map((p) => p.split(':').map((x) => x.replace(/"/g, ''))));
  const names = map ? pairs(map[1]) : new Map();
  const hashes = map ? pairs(map[2]) : new Map();
  return [...hashes].map(([id, hash]) => ({ id, name: names.get(id), file: `chunk.${names.get(id) || id}_${hash}.js` }));
}

/**
 * The first loads of a shipped bundle: `readChunk(file)` gives a chunk's text, or undefined when
 * it is not there. An opening is undefined when its chunk, or one it asks for, is missing.
 */
async function shippedLoads(bundle, readChunk) {
  const files = chunkFiles(bundle);
  const firstLoadKb = gzipKb(bundle);
  // The chunks a view's import asks for together ("Promise.all([n.e(5),n.e(510),n.e(39)])"), or
  // its one chunk when it needs no other ("n.e(39)").
  const openingOf = async (name) => {
    const chunk = files.filter((f) => f.name === name)[0];
    if (!chunk) return undefined;
    const asks = (bundle.match(/Promise\.all\(\[(?:\w+\.e\("?[\w-]+"?\),?)+\]\)/g) || []).filter((call) => new RegExp(`\\.e\\("?${chunk.id}"?\\)`).test(call))[0];
    const ids = asks ? (asks.match(/\.e\("?([\w-]+)"?\)/g) || []).map((e) => e.replace(/^\.e\("?|"?\)$/g, '')) : [chunk.id];
    const texts = await Promise.all(ids.map((id) => files.filter((f) => f.id === id)[0]).map((f) => (f ? readChunk(f.file) : Promise.resolve(undefined))));
    if (!texts.every((t) => t !== undefined)) return undefined;
    return { kb: Math.round((firstLoadKb + texts.reduce((sum, t) => sum + gzipKb(t), 0)) * 10) / 10, chunks: ids.length };
  };
  return { files, firstLoadKb, landing: await openingOf(OPENINGS.landing), workstream: await openingOf(OPENINGS.workstream) };
}

module.exports = { OPENINGS, chunkFiles, gzipKb, shippedLoads };
