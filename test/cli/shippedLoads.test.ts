/**
 * The measure of the web part's first loads as SPFx's webpack ships them (config/shippedLoads.js,
 * used by the package check and the bench): the chunk map read from the bundle, and each view's
 * opening as the bundle and the chunks its import asks for together — several, or one alone.
 * Over bundles written here in webpack's shape, so that the figures are known.
 */
import * as zlib from 'zlib';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS module the package check runs
const { chunkFiles, shippedLoads } = require('../../config/shippedLoads.js');

const kb = (text: string): number => Math.round(zlib.gzipSync(Buffer.from(text), { level: 9 }).length / 102.4) / 10;

/** A bundle in webpack's shape: its chunk map, and the imports of the two views. */
function bundle(workstreamAsks: string): string {
  return (
    'var n={};n.u=function(e){return"chunk."+({39:"ph-workstream",190:"ph-programme"}[e]||e)+"_"+{39:"aa11",190:"bb22",507:"cc33",906:"dd44"}[e]+".js"};' +
    'function a(){return Promise.all([n.e(507),n.e(906),n.e(190)]).then(n.bind(n,1))}' +
    `function b(){return ${workstreamAsks}.then(n.bind(n,2))}` +
    'x'.repeat(2000)
  );
}

const CHUNKS: { [file: string]: string } = {
  'chunk.ph-workstream_aa11.js': 'w'.repeat(5000),
  'chunk.ph-programme_bb22.js': 'p'.repeat(3000),
  'chunk.507_cc33.js': 'shared one '.repeat(300),
  'chunk.906_dd44.js': 'shared two '.repeat(400)
};
const read = async (file: string): Promise<string | undefined> => CHUNKS[file];

describe('the first loads as shipped', () => {
  it('reads the chunk map: each chunk by id, with its name where it has one', () => {
    expect(chunkFiles(bundle('n.e(39)'))).toEqual([
      { id: '39', name: 'ph-workstream', file: 'chunk.ph-workstream_aa11.js' },
      { id: '190', name: 'ph-programme', file: 'chunk.ph-programme_bb22.js' },
      { id: '507', name: undefined, file: 'chunk.507_cc33.js' },
      { id: '906', name: undefined, file: 'chunk.906_dd44.js' }
    ]);
  });

  it('counts a view with every chunk its import asks for together', async () => {
    const text: string = bundle('Promise.all([n.e(507),n.e(39)])');
    const loads = await shippedLoads(text, read);
    expect(loads.firstLoadKb).toBe(kb(text));
    const sum = (files: string[]): number => Math.round((kb(text) + files.reduce((s, f) => s + kb(CHUNKS[f]), 0)) * 10) / 10;
    expect(loads.landing).toEqual({ kb: sum(['chunk.507_cc33.js', 'chunk.906_dd44.js', 'chunk.ph-programme_bb22.js']), chunks: 3 });
    expect(loads.workstream).toEqual({ kb: sum(['chunk.507_cc33.js', 'chunk.ph-workstream_aa11.js']), chunks: 2 });
  });

  it('counts a view whose import asks for its one chunk alone', async () => {
    const text: string = bundle('n.e(39)');
    const loads = await shippedLoads(text, read);
    expect(loads.workstream).toEqual({ kb: Math.round((kb(text) + kb(CHUNKS['chunk.ph-workstream_aa11.js'])) * 10) / 10, chunks: 1 });
  });

  it('measures no opening whose chunk is missing, rather than a smaller one', async () => {
    const loads = await shippedLoads(bundle('Promise.all([n.e(507),n.e(39)])'), async (file: string) => (file === 'chunk.507_cc33.js' ? undefined : CHUNKS[file]));
    expect(loads.workstream).toBeUndefined();
    expect(loads.landing).toBeUndefined();
  });
});
