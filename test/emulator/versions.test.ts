/**
 * Item version history on the wire, as SharePoint Online answers it: SharePoint REST's
 * `items(id)/versions` (SP.ListItemVersion) and Graph's `items/{id}/versions` (listItemVersion).
 * Shapes from Microsoft's pages for listItemVersion and SP.ListItemVersion; the per-field value
 * shapes in a REST version are UNCONFIRMED (see src/emulator/sprest.ts: versionEntity).
 */
import { Client } from '@microsoft/microsoft-graph-client';
import type { Emulator } from '../../src/emulator/server';
import { listPath, sp, startStack, USERS, type IReply, type Json } from './helpers';

const FEEDBACK: string = 'IIB Feedback';

describe('item version history', () => {
  let emu: Emulator;
  let id: number;
  beforeAll(async () => {
    emu = await startStack();
    const created: IReply = await sp(emu, `${listPath(FEEDBACK)}/items`, {
      method: 'POST',
      as: USERS.iib,
      body: { Title: 'First words', WorkstreamId: 3, ReportingPeriodId: 2, FeedbackKind: 'Challenge', Feedback: 'First words' }
    });
    expect(created.status).toBe(201);
    id = created.body.Id;
    const changed: IReply = await sp(emu, `${listPath(FEEDBACK)}/items(${id})`, {
      method: 'POST',
      as: USERS.lead,
      headers: { 'X-HTTP-Method': 'MERGE', 'If-Match': '*' },
      body: { Feedback: 'Second words', ClosingNote: 'Closed at the Board.' }
    });
    expect(changed.status).toBe(204);
  });
  afterAll(() => emu.close());

  it('lists every version over SharePoint REST, newest first, with who saved it and the values then', async () => {
    const r: IReply = await sp(emu, `${listPath(FEEDBACK)}/items(${id})/versions`, { as: USERS.iib });
    expect(r.status).toBe(200);
    const versions: Json[] = r.body.value;
    expect(versions.map((v: Json) => [v.VersionLabel, v.VersionId, v.IsCurrentVersion, v.Feedback, v.Editor.LookupValue])).toEqual([
      ['2.0', 1024, true, 'Second words', 'Heidi Robinson'],
      ['1.0', 512, false, 'First words', 'Alex Morgan']
    ]);
    expect(versions[0]).toMatchObject({ ClosingNote: 'Closed at the Board.', Workstream: { LookupId: 3, LookupValue: 'Project Plans and Delivery' }, Author: { LookupValue: 'Alex Morgan' } });
    expect(versions[1].ClosingNote).toBeNull();
    expect(Date.parse(versions[0].Created)).toBeGreaterThanOrEqual(Date.parse(versions[1].Created));
    // Verbose answers wrap the collection as SharePoint does.
    const verbose: IReply = await sp(emu, `${listPath(FEEDBACK)}/items(${id})/versions`, { headers: { Accept: 'application/json;odata=verbose' } });
    expect(verbose.body.d.results).toHaveLength(2);
    expect(verbose.body.d.results[0].__metadata.type).toBe('SP.ListItemVersion');
  });

  it('answers 404 for an item that does not exist and 401 for a bearer who is no site user', async () => {
    expect((await sp(emu, `${listPath(FEEDBACK)}/items(99999)/versions`)).status).toBe(404);
    expect((await sp(emu, `${listPath(FEEDBACK)}/items(${id})/versions`, { as: 'nobody@elsewhere.example' })).status).toBe(401);
  });

  it('lists every version over Graph, newest first, with lastModifiedBy and the fields then', async () => {
    const client: Client = Client.init({
      baseUrl: emu.httpsUrl,
      defaultVersion: 'v1.0',
      customHosts: new Set<string>(['localhost']),
      authProvider: (done) => done(null, USERS.iib)
    });
    const site: string = (await client.api('/sites/localhost:/sites/improvement').get()).id;
    const answer: Json = await client.api(`/sites/${site}/lists/${encodeURIComponent(FEEDBACK)}/items/${id}/versions?expand=fields(select=Feedback,WorkstreamLookupId,ClosingNote)`).get();
    expect(answer.value.map((v: Json) => [v.id, v.lastModifiedBy.user.displayName, v.fields.Feedback])).toEqual([
      ['2.0', 'Heidi Robinson', 'Second words'],
      ['1.0', 'Alex Morgan', 'First words']
    ]);
    expect(answer.value[0].fields).toMatchObject({ WorkstreamLookupId: '3', ClosingNote: 'Closed at the Board.' });
    expect(answer.value[1].fields.ClosingNote).toBeUndefined();
    expect(answer.value[0].lastModifiedDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    // Without expand, no fields: the version's metadata only.
    const bare: Json = await client.api(`/sites/${site}/lists/${encodeURIComponent(FEEDBACK)}/items/${id}/versions`).get();
    expect(bare.value[0].fields).toBeUndefined();
  });
});
