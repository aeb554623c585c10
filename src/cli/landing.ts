/** The local stack's landing page: what runs and where. */
import type { Emulator } from '../emulator/server';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An application the local stack serves beside the emulator. */
export interface ILocalApp {
  path: string;
  title: string;
  description: string;
}

/** The landing page's HTML. */
export function landingPage(emulator: Emulator, apps: ILocalApp[]): string {
  const site: string = emulator.siteUrl;
  const lists = emulator.store.lists.map((l) => {
    const href: string = `${site}/_api/web/lists/getByTitle('${encodeURIComponent(l.definition.title)}')/items`;
    return `<tr><td>${esc(l.definition.title)}</td><td>${l.items.size}</td><td><a href="${esc(href)}">items</a></td></tr>`;
  });
  const users = emulator.store.users.map((u) => {
    const groups: string = emulator.store.groups.filter((g) => g.memberIds.indexOf(u.id) >= 0).map((g) => g.title).join(', ');
    return `<tr><td>${esc(u.name)}</td><td><code>${esc(u.login)}</code></td><td>${esc(groups)}</td></tr>`;
  });
  const hasAddin: boolean = apps.some((a) => a.path.indexOf('/addin/') === 0);
  const addin: string = hasAddin
    ? `<h2>The Word add-in in Word</h2>
<p>Word loads add-ins over HTTPS only; this stack answers HTTPS on the same port with its own certificate, kept in its data folder.</p>
<ol>
<li>Download <a href="/_emulator/certificate" download="programme-highlights-localhost.pem">the stack's certificate</a> and trust it for <code>localhost</code>: on Windows, import it into <em>Trusted Root Certification Authorities</em> (certmgr.msc); on a Mac, add it to the login keychain in Keychain Access and set it to <em>Always Trust</em>; on Linux, copy it to <code>/usr/local/share/ca-certificates/</code> with a <code>.crt</code> ending and run <code>update-ca-certificates</code>.</li>
<li>Check <a href="https://localhost:${esc(new URL(emulator.url).port)}/addin/taskpane.html">the task pane over HTTPS</a> opens without a warning.</li>
<li>Sideload <a href="/addin/manifest.local.xml" download>manifest.local.xml</a>: in Word on the web, Home → Add-ins → More add-ins → My add-ins → Upload My Add-in; in Word on Windows, from a trusted shared-folder catalog. It expects the stack on port 4321.</li>
</ol>`
    : '';
  const appRows = apps.map((a) => `<li><a href="${esc(a.path)}">${esc(a.title)}</a> — ${esc(a.description)}</li>`);
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Programme Highlights — local stack</title>
<style>
body{font-family:"Segoe UI",system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b;line-height:1.5}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #c8c8c8;padding:.35rem .6rem;text-align:left}th{background:#f3f2f1}
code{background:#f3f2f1;padding:0 .25rem}a{color:#0f5499}
</style></head>
<body>
<h1>Programme Highlights — local stack</h1>
<p>Everything below runs on this machine with no Microsoft 365 tenant. The emulator speaks SharePoint REST and Microsoft Graph on the wire; it is for development, demonstrations and tests only.</p>
${appRows.length > 0 ? `<h2>Applications</h2><ul>${appRows.join('')}</ul>` : ''}
${addin}
<h2>Endpoints</h2>
<ul>
<li>SharePoint REST: <code>${esc(site)}/_api/…</code> (and <code>$batch</code>)</li>
<li>Microsoft Graph: <code>${esc(emulator.url)}/v1.0/…</code>, also over HTTPS at <code>${esc(emulator.httpsUrl)}/v1.0/…</code> (self-signed certificate)</li>
<li>Emulator controls: <a href="/_emulator/health">health</a>, <a href="/_emulator/stats">request counts</a>, <a href="/_emulator/faults">injected faults</a>, <a href="/_emulator/users">users</a></li>
</ul>
<h2>Lists</h2>
<table><thead><tr><th scope="col">List</th><th scope="col">Items</th><th scope="col">REST</th></tr></thead><tbody>${lists.join('')}</tbody></table>
<h2>Users</h2>
<p>Requests name their user with <code>Authorization: Bearer &lt;login&gt;</code>. Requests without it act as <strong>${esc(emulator.defaultUser.name)}</strong>.</p>
<table><thead><tr><th scope="col">Name</th><th scope="col">Login</th><th scope="col">Groups</th></tr></thead><tbody>${users.join('')}</tbody></table>
</body></html>`;
}
