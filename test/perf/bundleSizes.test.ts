/**
 * Guards the browser's first loads in gzipped KB, measured as the bench measures them
 * (src/cli/bundleSizes.ts: esbuild, minified, split at every `import()`, each file gzipped on its
 * own): the web part's first load — the page landing on the programme view, which it fetches with
 * what that view imports at once, alongside the data — and a Teams tab's: the web part opening
 * straight on a workstream, which fetches the workstream's view instead, and never the programme's.
 *
 * As in screenCounts.test.ts: where a load meets its budget (README, Performance; issue 14) the
 * budget is asserted; where it does not yet, today's figure is the ceiling, so it cannot grow
 * unnoticed — lower it with each cut, and replace it with the budget once met. The sizes move
 * with every change to the code; what must not come back is named: Fluent's controls that bring
 * its menus, callouts and focus zones (about 55 KB gzipped) are fetched after the first view.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bundleSizes, PROGRAMME_VIEW, SPFX_SUPPLIED, TASK_PANE_ENTRY, WEB_PART_ENTRY, WEB_PART_OPENINGS, WORKSTREAM_VIEW, type IBundleSizes } from '../../src/cli/bundleSizes';

/** The budget every first load of the web part has (README, Performance). */
const BUDGET_KB: number = 100;
/**
 * Today's figures with about 1.5 KB of room, over the budget: 112 and 132.2 KB. Splitting the
 * words by view and the repositories' writes into their own chunks took them from 123.8 and 139.5
 * to 104.5 and 124.2; what was merged with that since put 7.5 and 8 KB back (the one table of the
 * messages' words, 3.5 KB; the landing's session copy of the reference lists, its window of
 * ratings and site check; the field tables of six more lists). README, Performance, says what is
 * left in the first loads. Importing the domain's modules directly (not through src/domain/index.ts),
 * one module per group of lazy parts, and the forms' specifications with the editing panels took
 * them to 109.4 and 129.5 (December 2026); merged, 111.5 and 131.9. The first screen's text check,
 * rights and load-error words in modules of their own (not validation.ts, rules.ts, errorText.ts),
 * and one module per chunk name (the writes, provisioning) took the web part to 107.8; the Teams
 * tab stays at 132.1, which the workstream's view uses all of. The fields' names as words in the
 * one table of messages (not English in the core) put 1.1 KB back: 109.1 and 133.3 once merged.
 * The lists' check made once a week rather than on every landing of those who manage the lists
 * (listsChecked.ts, the reads' quiet wait and a refused read's doubt: 4 round trips and some
 * 150 KB of answers fewer on their landing) put 0.6 back: 109.7 and 133.9.
 * Ceilings: those with 0.5 KB of room.
 * 7 December 2026: the $batches of a write sent together, the landing's light reads and the words
 * out of the core came to 109.9 and 134.4; the protocol-neutral rows' first step (each transport
 * decodes its own wire format, and one boundary, rowRecords.ts, makes the records the readers
 * still take) put 0.5 back: 110.4 and 134.9. Its second step (the readers and writers on rows, the
 * REST-shaped records and their conversions gone, the boundary only the dates' time zone) took
 * 0.9 out of each: 109.5 and 134.0. Ceilings: those with 0.5 KB of room.
 * Merged, 109.6 and 134.1. The edit forms' words in a module of their own (loc/formStrings.ts,
 * with the editing panels) took the Teams tab to 133.2; the cycle's confirming panel with the
 * editing panels (CyclePanel.tsx) and the report's state words apart from the readiness counts
 * (reportState.ts), to 132.5; the readiness rules with the "Ready for the Board?" list and the
 * summary of what is owed as a part the workstream's view fetches beside its data
 * (workstreamParts.tsx), to 128.8 — and the web part to 109.9, as that part shares some of the
 * first load's small files and this measure splits them into more files (as shipped, one bundle).
 * Ceilings: the Teams tab's with 0.3 KB of room; the web part's kept where it was.
 * The rules' refusals worded with the writes' part and the rights' refusals apart from the task
 * pane's words, merged with those: 109.6 and 128.5.
 * The programme view loaded as a part of its own, fetched at once on landing and never by a tab
 * pinned to a workstream: the Teams tab to 123.9. The web part is measured from here on as it
 * lands, its first load with the programme view's part: 111.1, where the first load alone is 97.1
 * — the part shares small files with the workstream's, which this measure splits into more files
 * (as shipped, .ci/check-package.js, webpack keeps them in each part). Reading snapshots a part
 * fetched with a locked period's records (snapshotPart.ts), and the writes' rules with the writes
 * (the views' predicates in rights.ts): 109.1 and 118.7. A close-down's and a journey's reads with
 * the close-down's views (closeDownReads.ts): 107.2 and 116.8. The cycle's words with the readiness
 * part and the panels (loc/cycleStrings.ts): the Teams tab to 115.9. The programme view's own words
 * with its part (loc/programmeStrings.ts): the Teams tab to 115.0, the landing 107.6 (one file more
 * by this measure). PnPjs's fluent modules out of both (lists, items, security, site users and
 * groups: about 13 KB minified; src/data/sharepoint/restPaths.ts builds the same requests with
 * PnPjs's core factories), merged with those: 103.9 and 111.3. Reads without OData metadata (an
 * item's ETag from its owshiddenversion, authors only where shown) and the previous period's
 * planned milestones alone, which cut a period's picture by a third: 104.1 and 111.5. The
 * references a read's filter fixes left out of its select and given to its rows from the filter
 * (query.ts's fixedColumns): 104.3 and 111.7; with an indexed choice's too, 104.4 and 111.8.
 * Ceilings: with 0.1 KB of room.
 */
const WEB_PART_CEILING_KB: number = 104.5;
const TEAMS_TAB_CEILING_KB: number = 111.9;
/**
 * The task pane's budget (README, Performance): 200 KB. Met until 7 December 2026 (194.1, was
 * 234.7 with docx and jszip in its first load); missed that day (200.5: the $batches sent
 * together and the site's id shared in the Graph transport, the rows' boundary; 200.4 merged with
 * the rows' second step, the period list's open overviews and the UI kernel's one useAsync); met
 * again (200.0) once the rules' refusals, which only the writes give, were worded with the writes'
 * part, loaded on first use. Asserted as the budget: nothing may be added to the pane's first
 * load without taking as much out.
 */
const TASK_PANE_BUDGET_KB: number = 200;

/** Fluent's controls the first loads must not carry (each brings Fluent's Button, menus, callouts). */
const DEFERRED: string[] = ['Button', 'ContextualMenu', 'Callout', 'Dropdown', 'TextField', 'MessageBar', 'Panel', 'FocusTrapZone'];

function fluentComponentsIn(inputs: string[]): string[] {
  const found: Set<string> = new Set<string>();
  for (const input of inputs) {
    const m: RegExpExecArray | null = /node_modules\/@fluentui\/react\/lib\/components\/([^/]+)\//.exec(input);
    if (m) {
      found.add(m[1]);
    }
  }
  return Array.from(found).sort();
}

describe("the web part's first loads", () => {
  const out: string = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-bundles-'));
  let webPart: IBundleSizes;
  beforeAll(async () => {
    webPart = await bundleSizes(WEB_PART_ENTRY, SPFX_SUPPLIED, out, WEB_PART_OPENINGS);
  }, 60000);
  const landing = (): string[] => webPart.openings.landing.inputs;
  const workstream = (): string[] => webPart.openings.workstream.inputs;
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it("leave Fluent's menus, callouts, drop-down, text field and message bar to later", () => {
    // The measure sees what it should: the web part's own file first (not a part loaded later,
    // as the bench measured until now), each view in its own opening only.
    expect(webPart.initialInputs).toContain(WEB_PART_ENTRY);
    expect(workstream().filter((i) => WORKSTREAM_VIEW.test(i))).toHaveLength(1);
    expect(landing().filter((i) => PROGRAMME_VIEW.test(i))).toHaveLength(1);
    expect(webPart.initialInputs.filter((i) => WORKSTREAM_VIEW.test(i) || PROGRAMME_VIEW.test(i))).toHaveLength(0);
    for (const inputs of [webPart.initialInputs, landing(), workstream()]) {
      expect(fluentComponentsIn(inputs).filter((c) => DEFERRED.indexOf(c) >= 0)).toEqual([]);
    }
    // They are still in the bundle, fetched after the first view (the row menus, the period picker, the panels).
    const everything: string = fs
      .readdirSync(out)
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(out, f), 'utf8'))
      .join('\n');
    expect(everything).toContain('ms-ContextualMenu');
    expect(everything).toContain('ms-Dropdown');
    expect(webPart.totalKb).toBeGreaterThan(Math.max(webPart.openings.landing.kb, webPart.openings.workstream.kb) + 50);
  });

  it("leave the repositories' writes to a chunk loaded on first use", () => {
    // What a first view does is read: saving, the reporting cycle's actions and the close-down's
    // writes come when first asked for (src/data/repositoryWrites.ts, src/data/phaseWrites.ts).
    // The words of the writes' messages come with them (src/ui/writeWords.ts).
    // The writes' assertions (src/data/rules.ts) and the fields' checks (src/domain/validation.ts)
    // with them: the views offer what the rules allow by the predicates of src/data/rights.ts.
    const writes: RegExp = /src\/(data\/(repositoryWrites|phaseWrites|rules)|ui\/writeWords|domain\/validation)\.ts$/;
    expect(landing().filter((i) => writes.test(i))).toEqual([]);
    expect(workstream().filter((i) => writes.test(i))).toEqual([]);
    // Nor the words of the panels and set-up: only the first screen's and the workstream's view's.
    expect(landing().filter((i) => /loc\/(workstreamStrings|moreStrings)\.ts$/.test(i))).toEqual([]);
    expect(workstream().filter((i) => /loc\/(programmeStrings|cycleStrings|formStrings|moreStrings)\.ts$/.test(i))).toEqual([]);
  });

  it("leave the snapshots' reading to a part fetched with a locked period's records", () => {
    // Their migrations and guards (src/data/snapshot.ts) come with the first read of a locked
    // period or closed phase (src/data/snapshotPart.ts); the keys the reads ask by stay.
    for (const inputs of [webPart.initialInputs, landing(), workstream()]) {
      expect(inputs.filter((i) => /src\/data\/snapshot\.ts$/.test(i))).toEqual([]);
      expect(inputs.filter((i) => /src\/data\/snapshotKeys\.ts$/.test(i))).toHaveLength(1);
    }
  });

  it("leave a close-down's and a journey's reads, with the close-down's checks, to the close-down's views", () => {
    // The programme view reads the phases' list (src/data/PhaseRepository.ts) beside its summary;
    // the rest of the phases' reads (src/data/closeDownReads.ts) and the domain's phases come later.
    for (const inputs of [webPart.initialInputs, landing(), workstream()]) {
      expect(inputs.filter((i) => /src\/(data\/closeDownReads|domain\/phases)\.ts$/.test(i))).toEqual([]);
    }
    expect(webPart.initialInputs).toContain('src/data/PhaseRepository.ts');
  });

  it("take none of PnPjs's fluent modules: src/data/sharepoint/restPaths.ts builds their requests", () => {
    // Lists, items, security (which brings site users and groups to extend their prototypes): about
    // 14 KB minified. '@pnp/sp/batching' brings the web's module (webs/types.js, for Web.batched);
    // '@pnp/sp/webs' adds to it only `sp.web`'s getter (webs/index.js).
    const fluent: RegExp = /node_modules\/@pnp\/sp\/(lists|items|webs|security|site-users|site-groups)\//;
    const webs: RegExp = /node_modules\/@pnp\/sp\/webs\/(types|index)\.js$/;
    expect(webPart.initialInputs.filter((i) => /node_modules\/@pnp\/sp\/batching\.js$/.test(i))).toHaveLength(1);
    expect(webPart.initialInputs.filter((i) => fluent.test(i) && !webs.test(i))).toEqual([]);
    for (const inputs of [landing(), workstream()]) {
      expect(inputs.filter((i) => fluent.test(i) && !webs.test(i))).toEqual([]);
    }
  });

  it("leave the readiness rules to the part a workstream's view fetches beside its data", () => {
    // The rules, the "Ready for the Board?" list and the summary of what is owed (workstreamParts.tsx),
    // and the cycle's confirming panel with its checks (with the editing panels).
    const later: RegExp = /src\/(domain\/readiness|webparts\/programmeDashboard\/components\/(ReadinessList|OwedSummary|CyclePanel|reportCycle))\.tsx?$/;
    expect(landing().filter((i) => later.test(i))).toEqual([]);
    expect(workstream().filter((i) => later.test(i))).toEqual([]);
    expect(workstream().filter((i) => /components\/workstreamParts\.tsx$/.test(i))).toHaveLength(1);
  });

  it(`keep the web part's first load, landing on the programme view, at or under ${WEB_PART_CEILING_KB} KB gzipped (budget ${BUDGET_KB} KB, not yet met)`, () => {
    process.stdout.write(
      `web part first load ${webPart.initialKb} KB; landing ${webPart.openings.landing.kb} KB; opening on a workstream ${webPart.openings.workstream.kb} KB; everything ${webPart.totalKb} KB (gzipped)\n`
    );
    expect(webPart.openings.landing.kb).toBeLessThanOrEqual(WEB_PART_CEILING_KB);
    expect(webPart.openings.landing.kb).toBeGreaterThan(webPart.initialKb);
  });

  it(`keep a Teams tab's first load, opening on a workstream, at or under ${TEAMS_TAB_CEILING_KB} KB gzipped (budget ${BUDGET_KB} KB, not yet met; was 191 KB)`, () => {
    // A tab pinned to a workstream never fetches the programme view.
    expect(workstream().filter((i) => PROGRAMME_VIEW.test(i))).toEqual([]);
    expect(webPart.openings.workstream.kb).toBeLessThanOrEqual(TEAMS_TAB_CEILING_KB);
    expect(webPart.openings.workstream.kb).toBeGreaterThan(webPart.initialKb);
  });
});

describe("the task pane's first load", () => {
  const out: string = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-bundles-pane-'));
  let pane: IBundleSizes;
  beforeAll(async () => {
    pane = await bundleSizes(TASK_PANE_ENTRY, [], out);
  }, 60000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it(`is at or under its ${TASK_PANE_BUDGET_KB} KB budget gzipped, without the .docx writer and its zip library`, () => {
    process.stdout.write(`task pane first load ${pane.initialKb} KB, everything ${pane.totalKb} KB (gzipped)\n`);
    // The .docx (and jszip, about 28 KB gzipped) is built only when someone downloads one.
    expect(pane.initialInputs.filter((i) => /node_modules\/jszip\/|src\/report\/docx\.ts$/.test(i))).toEqual([]);
    expect(pane.totalKb).toBeGreaterThan(pane.initialKb + 25);
    expect(pane.initialKb).toBeLessThanOrEqual(TASK_PANE_BUDGET_KB);
  });
});
