/**
 * Guards the browser's first loads in gzipped KB, measured as the bench measures them
 * (src/cli/bundleSizes.ts: esbuild, minified, split at every `import()`, each file gzipped on its
 * own): the web part's first load, and a Teams tab's — the web part opening straight on a
 * workstream, which fetches the workstream's view and what it imports at once, alongside the data.
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
import { bundleSizes, SPFX_SUPPLIED, WEB_PART_ENTRY, WORKSTREAM_VIEW, type IBundleSizes } from '../../src/cli/bundleSizes';

/** The budget every first load of the web part has (README, Performance). */
const BUDGET_KB: number = 100;
/**
 * Today's figures with about 1.5 KB of room, over the budget: the data layer (about 45 KB) and the
 * strings (13 KB) are the rest. The messages' words moved from the data layer and the domain to
 * the strings (src/ui/messages.ts, issue 15): the data layer lost 1.4 KB, and the one words table
 * — readiness and field checks' words too, which lazy parts used to bring — adds 3.5 KB to the
 * first load (125.9 and 141.6 KB, from 123.8 and 139.5). Wording those parts' messages in their
 * own chunks would take it back.
 */
const WEB_PART_CEILING_KB: number = 127;
const TEAMS_TAB_CEILING_KB: number = 143;

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
    webPart = await bundleSizes(WEB_PART_ENTRY, SPFX_SUPPLIED, out, WORKSTREAM_VIEW);
  }, 60000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it("leave Fluent's menus, callouts, drop-down, text field and message bar to later", () => {
    const opening: string[] = webPart.openingInputs || [];
    // The measure sees what it should: the web part's own file first (not a part loaded later,
    // as the bench measured until now), the workstream's view in the opening load only.
    expect(webPart.initialInputs).toContain(WEB_PART_ENTRY);
    expect(opening.filter((i) => WORKSTREAM_VIEW.test(i))).toHaveLength(1);
    expect(webPart.initialInputs.filter((i) => WORKSTREAM_VIEW.test(i))).toHaveLength(0);
    expect(fluentComponentsIn(webPart.initialInputs).filter((c) => DEFERRED.indexOf(c) >= 0)).toEqual([]);
    expect(fluentComponentsIn(opening).filter((c) => DEFERRED.indexOf(c) >= 0)).toEqual([]);
    // They are still in the bundle, fetched after the first view (the row menus, the period picker, the panels).
    const everything: string = fs
      .readdirSync(out)
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(out, f), 'utf8'))
      .join('\n');
    expect(everything).toContain('ms-ContextualMenu');
    expect(everything).toContain('ms-Dropdown');
    expect(webPart.totalKb).toBeGreaterThan((webPart.openingKb as number) + 50);
  });

  it(`keep the web part's first load at or under ${WEB_PART_CEILING_KB} KB gzipped (budget ${BUDGET_KB} KB, not yet met)`, () => {
    process.stdout.write(`web part first load ${webPart.initialKb} KB, opening on a workstream ${webPart.openingKb} KB, everything ${webPart.totalKb} KB (gzipped)\n`);
    expect(webPart.initialKb).toBeLessThanOrEqual(WEB_PART_CEILING_KB);
  });

  it(`keep a Teams tab's first load, opening on a workstream, at or under ${TEAMS_TAB_CEILING_KB} KB gzipped (budget ${BUDGET_KB} KB, not yet met; was 191 KB)`, () => {
    expect(webPart.openingKb).toBeDefined();
    expect(webPart.openingKb as number).toBeLessThanOrEqual(TEAMS_TAB_CEILING_KB);
    expect(webPart.openingKb as number).toBeGreaterThan(webPart.initialKb);
  });
});
