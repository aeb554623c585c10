/**
 * @jest-environment jsdom
 *
 * The add-in's XML manifest: Office Add-ins manifest 1.1, a Word task pane requiring WordApi 1.3,
 * its URLs on the host set at build time, its ribbon button, and the app registration for sign-in.
 * Parsed strictly as XML (office-addin-manifest's validator needs a web service; it is not used).
 */
import * as fs from 'fs';
import * as path from 'path';
import { ADDIN_ID, escapeXmlValue, LOCAL_ADDIN_ID, manifestVersion, renderManifest, settingsFromEnvironment } from '../../src/addin/manifest/manifest';
import { DEFAULT_SETTINGS, type IAddinSettings } from '../../src/addin/settings';
import { parseXml } from '../report/support/xml';

const ROOT = path.resolve(__dirname, '../..');
const TEMPLATE = fs.readFileSync(path.join(ROOT, 'src/addin/manifest/manifest.template.xml'), 'utf8');
const OFFICE = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const OVERRIDES = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const CLIENT_ID = '0c6e2a43-8f7b-4a57-9a59-3c2e1d4b5a6f';

const SHIPPED: IAddinSettings = { clientId: CLIENT_ID, hostUrl: 'https://addins.contoso.org', authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com' };

function one(doc: Document | Element, ns: string, name: string): Element {
  const found = Array.from(doc.getElementsByTagNameNS(ns, name));
  if (found.length !== 1) {
    throw new Error(`Expected one ${name}, found ${found.length}.`);
  }
  return found[0];
}

function all(doc: Document | Element, ns: string, name: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS(ns, name));
}

describe('the add-in manifest', () => {
  const doc = parseXml(renderManifest(TEMPLATE, { settings: SHIPPED, version: '0.1.0', local: false }));
  const root = doc.documentElement;

  it('is an Office Add-ins 1.1 task pane app for Word documents, requiring WordApi 1.3', () => {
    expect(root.namespaceURI).toBe(OFFICE);
    expect(root.localName).toBe('OfficeApp');
    expect(root.getAttributeNS(XSI, 'type')).toBe('TaskPaneApp');
    expect(all(one(doc, OFFICE, 'Hosts'), OFFICE, 'Host').map((h) => h.getAttribute('Name'))).toEqual(['Document']);
    const sets = all(one(doc, OFFICE, 'Requirements'), OFFICE, 'Set');
    expect(sets.map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')])).toEqual([['WordApi', '1.3']]);
    expect(one(doc, OFFICE, 'Permissions').textContent).toBe('ReadWriteDocument');
    expect(one(doc, OFFICE, 'DefaultLocale').textContent).toBe('en-GB');
  });

  it('has a fixed id and a four-part version', () => {
    expect(one(doc, OFFICE, 'Id').textContent).toBe(ADDIN_ID);
    expect(ADDIN_ID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(one(doc, OFFICE, 'Version').textContent).toBe('0.1.0.0');
    expect(manifestVersion('2.13.7-beta.1')).toBe('2.13.7.0');
  });

  it('points the task pane, icons and ribbon button at the host set at build time', () => {
    expect(one(doc, OFFICE, 'SourceLocation').getAttribute('DefaultValue')).toBe('https://addins.contoso.org/addin/taskpane.html');
    expect(one(doc, OFFICE, 'IconUrl').getAttribute('DefaultValue')).toBe('https://addins.contoso.org/addin/assets/icon-32.png');
    expect(one(doc, OFFICE, 'HighResolutionIconUrl').getAttribute('DefaultValue')).toBe('https://addins.contoso.org/addin/assets/icon-64.png');
    const images = all(doc, BT, 'Image').filter((i) => i.getAttribute('id'));
    expect(images.map((i) => [i.getAttribute('id'), i.getAttribute('DefaultValue')])).toEqual([
      ['Icon.16', 'https://addins.contoso.org/addin/assets/icon-16.png'],
      ['Icon.32', 'https://addins.contoso.org/addin/assets/icon-32.png'],
      ['Icon.80', 'https://addins.contoso.org/addin/assets/icon-80.png']
    ]);
    const urls = all(doc, BT, 'Url');
    expect(urls.find((u) => u.getAttribute('id') === 'Taskpane.Url')!.getAttribute('DefaultValue')).toBe('https://addins.contoso.org/addin/taskpane.html');
    for (const file of ['icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']) {
      const png = fs.readFileSync(path.join(ROOT, 'src/addin/assets', file));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      const size = Number(file.replace(/\D/g, ''));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('opens the task pane from a button on the Home tab, in Word on Windows, Mac and the web', () => {
    const overrides = one(doc, OVERRIDES, 'VersionOverrides');
    expect(overrides.getAttributeNS(XSI, 'type')).toBe('VersionOverridesV1_0');
    const host = one(overrides, OVERRIDES, 'Host');
    expect(host.getAttributeNS(XSI, 'type')).toBe('Document');
    one(host, OVERRIDES, 'DesktopFormFactor');
    expect(one(host, OVERRIDES, 'OfficeTab').getAttribute('id')).toBe('TabHome');
    const control = one(host, OVERRIDES, 'Control');
    expect(control.getAttributeNS(XSI, 'type')).toBe('Button');
    const action = one(control, OVERRIDES, 'Action');
    expect(action.getAttributeNS(XSI, 'type')).toBe('ShowTaskpane');
    expect(one(action, OVERRIDES, 'SourceLocation').getAttribute('resid')).toBe('Taskpane.Url');
    // Every resource the ribbon names exists.
    const ids = new Set([...all(doc, BT, 'Image'), ...all(doc, BT, 'Url'), ...all(doc, BT, 'String')].map((e) => e.getAttribute('id')).filter((id) => id));
    for (const ref of Array.from(overrides.querySelectorAll('[resid]')).map((e) => e.getAttribute('resid'))) {
      expect(ids.has(ref)).toBe(true);
    }
  });

  it('has no WebApplicationInfo: nested app authentication and the dialog fallback take the app registration from the build, not the manifest', () => {
    expect(doc.getElementsByTagNameNS(OVERRIDES, 'WebApplicationInfo')).toHaveLength(0);
    expect(doc.documentElement.textContent).not.toContain(CLIENT_ID);
    // The sign-in dialog starts on the add-in's own page and goes on to Microsoft's sign-in.
    expect(all(doc, OFFICE, 'AppDomain').map((d) => d.textContent)).toEqual(['https://login.microsoftonline.com']);
  });

  it('leaves the app registration out when there is none (the local stack signs nobody in)', () => {
    const local = parseXml(renderManifest(TEMPLATE, { settings: { ...DEFAULT_SETTINGS }, version: '0.1.0', local: true }));
    expect(local.getElementsByTagNameNS(OVERRIDES, 'WebApplicationInfo')).toHaveLength(0);
    expect(one(local, OFFICE, 'Id').textContent).toBe(LOCAL_ADDIN_ID);
    expect(LOCAL_ADDIN_ID).not.toBe(ADDIN_ID);
    expect(one(local, OFFICE, 'DisplayName').getAttribute('DefaultValue')).toBe('Programme Highlights (local stack)');
    expect(one(local, OFFICE, 'SourceLocation').getAttribute('DefaultValue')).toBe('https://localhost:4321/addin/taskpane.html');
  });

  it('escapes what it is given, and refuses a template placeholder it does not know', () => {
    expect(escapeXmlValue('a&b<c>"d\'')).toBe('a&amp;b&lt;c&gt;&quot;d&apos;');
    expect(() => renderManifest(`${TEMPLATE}<!-- {{NOT_A_SETTING}} -->`, { settings: SHIPPED, version: '0.1.0', local: false })).toThrow(/unknown placeholder \{\{NOT_A_SETTING\}\}/);
  });
});

describe('build-time settings from the environment', () => {
  it('take the local stack\u2019s defaults when unset, with warnings', () => {
    const r = settingsFromEnvironment({});
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.errors).toEqual([]);
    expect(r.warnings.join('\n')).toMatch(/ADDIN_HOST_URL is not set[\s\S]*ADDIN_CLIENT_ID is not set/);
  });

  it('take the deployment\u2019s host, client id and authority', () => {
    const r = settingsFromEnvironment({ ADDIN_HOST_URL: 'https://addins.contoso.org/', ADDIN_CLIENT_ID: CLIENT_ID, ADDIN_AUTHORITY: 'https://login.microsoftonline.com/contoso.onmicrosoft.com' });
    expect(r).toEqual({ settings: SHIPPED, errors: [], warnings: [] });
  });

  it('refuse an http host, a client id that is not a GUID and an authority that is not https', () => {
    const r = settingsFromEnvironment({ ADDIN_HOST_URL: 'http://addins.contoso.org', ADDIN_CLIENT_ID: 'my-app', ADDIN_AUTHORITY: 'login.microsoftonline.com' });
    expect(r.errors).toHaveLength(3);
    expect(r.errors[0]).toMatch(/ADDIN_HOST_URL must be an https address/);
    expect(r.errors[1]).toMatch(/ADDIN_CLIENT_ID must be the app registration's client id/);
    expect(r.errors[2]).toMatch(/ADDIN_AUTHORITY must be an https address/);
  });
});
