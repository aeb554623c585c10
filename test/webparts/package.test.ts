/**
 * The package SharePoint Online and Teams accept, checked without a full `npm run ship`: SPFx's own
 * XML generators (the ones `gulp package-solution` runs) write the AppManifest and the web part's
 * component XML from our config, and .ci/check-package.js — which CI runs on the real .sppkg —
 * must find the package tenant-wide deployable and the web part within Teams' limits.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const GENERATORS = path.join(ROOT, 'node_modules/@microsoft/spfx-heft-plugins/lib-commonjs/plugins/packageSolutionPlugin/packageSolution/xmlGenerators');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const checks = require('../../.ci/check-package.js') as {
  TEAMS_LIMITS: { title: number; description: number; developerName: number };
  teamsLimitFailures(manifestText: string): string[];
  isTenantWide(appManifestXml: string): boolean;
  xmlDecode(text: string): string;
};
// eslint-disable-next-line @typescript-eslint/no-var-requires
const createSolutionXml = require(path.join(GENERATORS, 'createSolutionXml.js')).default as (...args: unknown[]) => { manifest: { contents: Buffer } };
// eslint-disable-next-line @typescript-eslint/no-var-requires
const createComponentXml = require(path.join(GENERATORS, 'createComponentXml.js')).default as (...args: unknown[]) => { contents: Buffer };

const solution = JSON.parse(fs.readFileSync(path.join(ROOT, 'config/package-solution.json'), 'utf8')).solution;
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/webparts/programmeDashboard/ProgrammeDashboardWebPart.manifest.json'), 'utf8'));
const quiet = { writeLine: (): void => undefined, writeWarningLine: (): void => undefined };

/** The AppManifest.xml `gulp package-solution` writes for a solution (its features aside). */
function appManifestFor(s: object): string {
  return createSolutionXml(quiet, {}, { ...s, features: [], includeClientSideAssets: false }, [], { localizedResourcePaths: [], defaultResourcePath: undefined }, {}).manifest.contents.toString();
}

/** The web part's component XML as packed, entities and all. */
function componentXmlFor(m: object): string {
  return createComponentXml({}, { manifest: m, id: manifest.id, name: manifest.alias }, 'feature').contents.toString();
}

describe('the .sppkg', () => {
  it('is deployable tenant-wide, so the web part is on every site and team', () => {
    expect(solution.skipFeatureDeployment).toBe(true);
    expect(checks.isTenantWide(appManifestFor(solution))).toBe(true);
    // The check can fail: a site-scoped package is refused.
    expect(checks.isTenantWide(appManifestFor({ ...solution, skipFeatureDeployment: false }))).toBe(false);
  });

  it('keeps the web part\'s title and description within what "Sync to Teams" accepts', () => {
    const packed: string = checks.xmlDecode(componentXmlFor(manifest));
    expect(checks.teamsLimitFailures(packed)).toEqual([]);
    for (const entry of manifest.preconfiguredEntries) {
      for (const text of Object.values(entry.description) as string[]) {
        expect(text.length).toBeLessThanOrEqual(80);
      }
      for (const text of Object.values(entry.title) as string[]) {
        expect(text.length).toBeLessThanOrEqual(30);
      }
    }
  });

  it('finds a description or title too long for Teams, in any locale', () => {
    const long = JSON.parse(JSON.stringify(manifest));
    long.preconfiguredEntries[0].description['en-GB'] = 'x'.repeat(checks.TEAMS_LIMITS.description + 1);
    long.preconfiguredEntries[0].title.default = 'A programme dashboard & more, <b>'.repeat(2);
    const failures: string[] = checks.teamsLimitFailures(checks.xmlDecode(componentXmlFor(long)));
    expect(failures).toEqual([
      `title (default) is 66 characters; Teams allows ${checks.TEAMS_LIMITS.title}`,
      `description (en-GB) is 81 characters; Teams allows ${checks.TEAMS_LIMITS.description}`
    ]);
  });

  it('names a developer Teams accepts', () => {
    expect(solution.developer.name.length).toBeGreaterThan(0);
    expect(solution.developer.name.length).toBeLessThanOrEqual(checks.TEAMS_LIMITS.developerName);
  });
});
