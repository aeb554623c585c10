/**
 * SharePoint REST $batch: the body pnpjs 4.21 builds, read by parseBatch; the flat response
 * pnpjs can parse (one part per request, in order, a reason on every status line, one newline
 * after the closing boundary); parts failing alone; and the real sp.batched() in one round trip.
 */
import type { SPFI } from '@pnp/sp';
import { parseBatch, BatchFormatError, type IBatchPart } from '../../src/emulator/batch';
import type { Emulator } from '../../src/emulator/server';
import { allItems, listPath, pnp, pnpFailure, reply, sp, spErrorOf, startStack, USERS, type IReply, type Json } from './helpers';

const SITE: string = 'https://contoso.sharepoint.com/sites/improvement';
const MILESTONES: string = `${SITE}/_api/web/lists/getByTitle('Milestones')`;

/** A batch body exactly as pnpjs 4.21's createBatch writes it: LF, lower-case headers, absolute URLs. */
function pnpjsBody(batchId: string, changesetId: string): string {
  return [
    `--batch_${batchId}\n`,
    'Content-Type: application/http\n',
    'Content-Transfer-Encoding: binary\n\n',
    `GET ${MILESTONES}/items(1) HTTP/1.1\n`,
    'accept: application/json\n',
    'content-type: application/json;charset=utf-8\n',
    '\n',
    `--batch_${batchId}\n`,
    'Content-Type: application/http\n',
    'Content-Transfer-Encoding: binary\n\n',
    `GET ${MILESTONES}/items?%24select=Id%2CTitle&%24filter=WorkstreamId+eq+2&%24top=5 HTTP/1.1\n`,
    'accept: application/json\n',
    'content-type: application/json;charset=utf-8\n',
    '\n',
    `--batch_${batchId}\n`,
    `Content-Type: multipart/mixed; boundary="changeset_${changesetId}"\n\n`,
    `--changeset_${changesetId}\n`,
    'Content-Type: application/http\n',
    'Content-Transfer-Encoding: binary\n\n',
    `MERGE ${MILESTONES}/items(2) HTTP/1.1\n`,
    'accept: application/json\n',
    'content-type: application/json;charset=utf-8\n',
    'if-match: *\n',
    '\n',
    '{"Title":"Renamed in a batch"}\n\n',
    `--changeset_${changesetId}\n`,
    'Content-Type: application/http\n',
    'Content-Transfer-Encoding: binary\n\n',
    `DELETE ${MILESTONES}/items(3) HTTP/1.1\n`,
    'accept: application/json\n',
    'content-type: application/json;charset=utf-8\n',
    'if-match: *\n',
    '\n',
    `--changeset_${changesetId}\n`,
    'Content-Type: application/http\n',
    'Content-Transfer-Encoding: binary\n\n',
    `POST ${MILESTONES}/items HTTP/1.1\n`,
    'accept: application/json\n',
    'content-type: application/json;charset=utf-8\n',
    '\n',
    '{"Title":"Added in a batch","WorkstreamId":1,"ReportingPeriodId":2,"Timing":"This period"}\n\n',
    `--changeset_${changesetId}--\n\n`,
    `--batch_${batchId}\n`,
    'Content-Type: application/http\n',
    'Content-Transfer-Encoding: binary\n\n',
    `GET ${SITE}/_api/web/currentuser HTTP/1.1\n`,
    'accept: application/json\n',
    'content-type: application/json;charset=utf-8\n',
    '\n',
    `--batch_${batchId}--\n`
  ].join('');
}

const BATCH_ID: string = '9a3c6c1e-8b5d-4a0f-9d3e-1f2a3b4c5d6e';
const CHANGESET_ID: string = '0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f';
const CONTENT_TYPE: string = `multipart/mixed; boundary=batch_${BATCH_ID}`;

function refusal(contentType: string, body: string): string {
  try {
    parseBatch(contentType, body);
  } catch (e) {
    if (e instanceof BatchFormatError) {
      return e.message;
    }
    throw e;
  }
  throw new Error('Expected parseBatch to refuse the body.');
}

describe('parseBatch', () => {
  it('reads a body as pnpjs 4.21 builds it: top-level GETs, one changeset of writes, request-line verbs', () => {
    const parts: IBatchPart[] = parseBatch(CONTENT_TYPE, pnpjsBody(BATCH_ID, CHANGESET_ID));
    expect(parts.map((p) => [p.method, p.url])).toEqual([
      ['GET', `${MILESTONES}/items(1)`],
      ['GET', `${MILESTONES}/items?%24select=Id%2CTitle&%24filter=WorkstreamId+eq+2&%24top=5`],
      ['MERGE', `${MILESTONES}/items(2)`],
      ['DELETE', `${MILESTONES}/items(3)`],
      ['POST', `${MILESTONES}/items`],
      ['GET', `${SITE}/_api/web/currentuser`]
    ]);
    expect(parts[0].headers).toEqual({ accept: 'application/json', 'content-type': 'application/json;charset=utf-8' });
    expect(parts[0].body).toBe('');
    expect(parts[2].headers['if-match']).toBe('*');
    expect(JSON.parse(parts[2].body)).toEqual({ Title: 'Renamed in a batch' });
    expect(parts[3].body).toBe('');
    expect(JSON.parse(parts[4].body)).toEqual({ Title: 'Added in a batch', WorkstreamId: 1, ReportingPeriodId: 2, Timing: 'This period' });
  });

  it('reads the same body with CRLF line endings and a quoted outer boundary', () => {
    const crlf: string = pnpjsBody(BATCH_ID, CHANGESET_ID).replace(/\n/g, '\r\n');
    const lf: IBatchPart[] = parseBatch(CONTENT_TYPE, pnpjsBody(BATCH_ID, CHANGESET_ID));
    expect(parseBatch(`multipart/mixed; boundary="batch_${BATCH_ID}"`, crlf)).toEqual(lf);
  });

  it('refuses a body whose closing boundary is missing', () => {
    const body: string = pnpjsBody(BATCH_ID, CHANGESET_ID).replace(`--batch_${BATCH_ID}--\n`, '');
    expect(refusal(CONTENT_TYPE, body)).toMatch(`the closing boundary --batch_${BATCH_ID}-- is missing`);
  });

  it('refuses a changeset whose closing boundary is missing', () => {
    const body: string = pnpjsBody(BATCH_ID, CHANGESET_ID).replace(`--changeset_${CHANGESET_ID}--\n`, '');
    expect(refusal(CONTENT_TYPE, body)).toMatch(`the closing boundary --changeset_${CHANGESET_ID}-- is missing`);
  });

  it('refuses a GET inside a changeset', () => {
    const body: string = pnpjsBody(BATCH_ID, CHANGESET_ID).replace(`DELETE ${MILESTONES}/items(3)`, `GET ${MILESTONES}/items(3)`);
    expect(refusal(CONTENT_TYPE, body)).toBe('a GET inside a changeset');
  });

  it('refuses a part that is not application/http', () => {
    const body: string = pnpjsBody(BATCH_ID, CHANGESET_ID).replace('Content-Type: application/http\n', 'Content-Type: application/json\n');
    expect(refusal(CONTENT_TYPE, body)).toBe('a batch part is not application/http');
  });

  it('refuses a part without a request line, and a body that is not multipart/mixed', () => {
    const body: string = pnpjsBody(BATCH_ID, CHANGESET_ID).replace(`GET ${SITE}/_api/web/currentuser HTTP/1.1`, `GET ${SITE}/_api/web/currentuser`);
    expect(refusal(CONTENT_TYPE, body)).toMatch(/is not a request line/);
    expect(refusal('application/json', '{}')).toBe('the request is not multipart/mixed with a boundary');
  });
});

/** The parts of a batch response, read strictly. */
interface IResponsePart {
  partHeaders: string[];
  statusLine: string;
  status: number;
  headers: { [name: string]: string };
  body: string;
}

function readResponse(contentType: string, text: string): { boundary: string; parts: IResponsePart[] } {
  const m: RegExpExecArray | null = /boundary=(batchresponse_[0-9a-f-]+)/.exec(contentType);
  expect(m).not.toBeNull();
  const boundary: string = (m as RegExpExecArray)[1];
  const lines: string[] = text.split(/\r?\n/);
  const parts: IResponsePart[] = [];
  let i: number = 0;
  expect(lines[i]).toBe(`--${boundary}`);
  while (lines[i] === `--${boundary}`) {
    i++;
    const partHeaders: string[] = [];
    while (lines[i] !== '') {
      partHeaders.push(lines[i++]);
    }
    i++;
    const statusLine: string = lines[i++];
    const headers: { [name: string]: string } = {};
    while (lines[i] !== '') {
      const colon: number = lines[i].indexOf(':');
      headers[lines[i].slice(0, colon).toLowerCase()] = lines[i].slice(colon + 1).trim();
      i++;
    }
    i++;
    const body: string[] = [];
    while (!lines[i].startsWith(`--${boundary}`)) {
      body.push(lines[i++]);
    }
    parts.push({ partHeaders, statusLine, status: Number(statusLine.split(' ')[1]), headers, body: body.join('\n') });
  }
  expect(lines[i]).toBe(`--${boundary}--`);
  return { boundary, parts };
}

describe('$batch over HTTP', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startStack();
  });
  afterAll(() => emu.close());

  async function postBatch(body: string, headers: { [name: string]: string } = {}): Promise<IReply> {
    return reply(
      await fetch(`${emu.siteUrl}/_api/$batch`, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': CONTENT_TYPE, Authorization: `Bearer ${USERS.lead}`, ...headers },
        body
      })
    );
  }

  it('answers a mixed batch with one flat part per request, in order, failing parts alone', async () => {
    const before: Json[] = await allItems(emu, 'Milestones');
    const four: Json = before.filter((i) => i.Id === 4)[0];
    const six: Json = before.filter((i) => i.Id === 6)[0];
    const milestones: string = `${emu.siteUrl}/_api/${listPath('Milestones')}`;
    const part = (lines: string[]): string[] => ['Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', ...lines];
    const body: string = [
      `--batch_${BATCH_ID}`,
      ...part([`GET ${milestones}/items(4) HTTP/1.1`, 'accept: application/json', '']),
      `--batch_${BATCH_ID}`,
      `Content-Type: multipart/mixed; boundary="changeset_${CHANGESET_ID}"`,
      '',
      `--changeset_${CHANGESET_ID}`,
      ...part([`MERGE ${milestones}/items(4) HTTP/1.1`, 'accept: application/json', 'content-type: application/json;charset=utf-8', 'if-match: "7"', '', '{"Title":"A stale rename"}', '']),
      `--changeset_${CHANGESET_ID}`,
      ...part([`POST ${milestones}/items HTTP/1.1`, 'accept: application/json', 'content-type: application/json;charset=utf-8', '', '{"Title":"Created in the batch","WorkstreamId":1,"ReportingPeriodId":2,"Timing":"This period"}', '']),
      `--changeset_${CHANGESET_ID}`,
      ...part([`DELETE ${milestones}/items(6) HTTP/1.1`, 'accept: application/json', 'if-match: *', '']),
      `--changeset_${CHANGESET_ID}--`,
      '',
      `--batch_${BATCH_ID}`,
      ...part([`GET ${milestones}/items(6) HTTP/1.1`, 'accept: application/json', '']),
      `--batch_${BATCH_ID}--`,
      ''
    ].join('\n');

    const r: IReply = await postBatch(body);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^multipart\/mixed; boundary=batchresponse_/);
    expect(r.text).not.toMatch(/changesetresponse/i);
    const { boundary, parts } = readResponse(r.headers.get('content-type') as string, r.text);
    // The closing boundary, then exactly one line break: pnpjs's parser fails on none or two.
    const closing: string = `--${boundary}--`;
    expect(['\n', '\r\n']).toContain(r.text.slice(r.text.indexOf(closing) + closing.length));
    expect(r.text.split(`--${boundary}`).length - 1).toBe(6);

    expect(parts.map((p) => p.statusLine)).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 412 Precondition Failed', 'HTTP/1.1 201 Created', 'HTTP/1.1 200 OK', 'HTTP/1.1 404 Not Found']);
    for (const p of parts) {
      expect(p.partHeaders).toEqual(['Content-Type: application/http', 'Content-Transfer-Encoding: binary']);
    }
    expect(JSON.parse(parts[0].body)).toMatchObject({ Id: 4, Title: four.Title });
    expect(spErrorOf(JSON.parse(parts[1].body)).code).toBe('-1, Microsoft.SharePoint.Client.ClientServiceException');
    const created: Json = JSON.parse(parts[2].body);
    expect(created).toMatchObject({ Title: 'Created in the batch', WorkstreamId: 1 });
    expect(parts[2].headers.etag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(parts[3].body.trim()).toBe('');
    expect(spErrorOf(JSON.parse(parts[4].body)).code).toBe('-2130575338, Microsoft.SharePoint.SPException');

    // Not transactional: the stale MERGE changed nothing, and the create and delete stand.
    const after: Json[] = await allItems(emu, 'Milestones');
    expect(after.filter((i) => i.Id === 4)[0]).toEqual(four);
    expect(after.filter((i) => i.Id === 6)).toEqual([]);
    expect(six).toBeDefined();
    expect(after.filter((i) => i.Id === created.Id)[0]).toMatchObject({ Title: 'Created in the batch' });
    expect(after).toHaveLength(before.length);
  });

  it('refuses a malformed batch with 400 and a message that says why', async () => {
    const r: IReply = await postBatch(pnpjsBody(BATCH_ID, CHANGESET_ID).replace(`--batch_${BATCH_ID}--\n`, ''));
    expect(r.status).toBe(400);
    expect(spErrorOf(r.body)).toEqual({ code: '-1, Microsoft.Data.OData.ODataException', message: `The batch request is not valid: the closing boundary --batch_${BATCH_ID}-- is missing.` });
  });

  it('needs a bearer or a form digest on the batch itself, as any write does', async () => {
    const r: IReply = await reply(await fetch(`${emu.siteUrl}/_api/$batch`, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': CONTENT_TYPE }, body: pnpjsBody(BATCH_ID, CHANGESET_ID) }));
    expect(r.status).toBe(403);
    expect(spErrorOf(r.body).code).toBe('-2130575251, Microsoft.SharePoint.SPException');
  });

  it('runs the real pnpjs sp.batched() through it: reads and writes in one round trip, a failing write failing alone', async () => {
    const sp0: SPFI = pnp(emu, USERS.lead);
    const before: Json[] = await allItems(emu, 'Milestones');
    const target: Json = before.filter((i) => i.Id === 10)[0];
    const stale: Json = before.filter((i) => i.Id === 11)[0];
    const bodies: string[] = [];
    const realFetch: typeof fetch = global.fetch;
    const spy = jest.spyOn(global, 'fetch').mockImplementation((input, init) => {
      if (/\$batch$/.test(String(input)) && init && typeof init.body === 'string') {
        bodies.push(init.body);
      }
      return realFetch(input, init);
    });
    emu.resetStats();
    try {
      const [batched, execute] = sp0.batched();
      const list = batched.web.lists.getByTitle('Milestones');
      const workstreams = batched.web.lists.getByTitle('Workstreams').items.select('Id', 'Title', 'Code').orderBy('Id')();
      const one = list.items.getById(10).select('Id', 'Title')();
      const added = list.items.add({ Title: 'Added through sp.batched()', WorkstreamId: 2, ReportingPeriodId: 2, Timing: 'Next period' });
      const updated = list.items.getById(10).update({ Title: 'Renamed through sp.batched()' });
      const refused = list.items.getById(11).update({ Title: 'Never written' }, '"99"');
      const refusedOutcome = pnpFailure(refused);
      const filtered = list.items.select('Id').filter("Timing eq 'Next period' and WorkstreamId eq 2").top(500)();
      await execute();

      expect(emu.stats.roundTrips).toBe(1);
      expect(emu.stats.batchParts).toBe(6);
      expect((await workstreams).map((w: Json) => w.Code)).toEqual(['GOV', 'PROC', 'PPD', 'PART', 'CCC']);
      expect(await one).toMatchObject({ Id: 10, Title: target.Title });
      const addedItem: Json = await added;
      expect(addedItem).toMatchObject({ Title: 'Added through sp.batched()', WorkstreamId: 2, Timing: 'Next period' });
      expect(await updated).toEqual({ etag: expect.stringMatching(/^"[0-9a-f-]{36},2"$/) });
      const failure = await refusedOutcome;
      expect(failure.status).toBe(412);
      expect(spErrorOf(failure.body).code).toBe('-1, Microsoft.SharePoint.Client.ClientServiceException');
      // Reads run in order with the writes before them: the new item is already there.
      expect((await filtered).map((i: Json) => i.Id)).toContain(addedItem.Id);
    } finally {
      spy.mockRestore();
    }

    // What pnpjs sent is what parseBatch reads: LF, GETs on top, writes in one changeset.
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).not.toMatch(/\r/);
    const sent: IBatchPart[] = parseBatch(`multipart/mixed; boundary=${/^--(batch_[0-9a-f-]+)/.exec(bodies[0])?.[1]}`, bodies[0]);
    expect(sent.map((p) => p.method)).toEqual(['GET', 'GET', 'POST', 'MERGE', 'MERGE', 'GET']);
    expect(sent.every((p) => p.url.startsWith(`${emu.siteUrl}/_api/`))).toBe(true);
    expect(sent[4].headers['if-match']).toBe('"99"');
    expect((bodies[0].match(/Content-Type: multipart\/mixed; boundary="changeset_/g) || []).length).toBe(1);

    const after: Json[] = await allItems(emu, 'Milestones');
    expect(after.filter((i) => i.Id === 10)[0]).toMatchObject({ Title: 'Renamed through sp.batched()', OData__UIVersionString: '2.0' });
    expect(after.filter((i) => i.Id === 11)[0]).toEqual(stale);
  });

  it('lets sp.batched() without a bearer fetch a digest for the batch, outside it', async () => {
    emu.resetStats();
    const [batched, execute] = pnp(emu, null).batched();
    const added = batched.web.lists.getByTitle('Milestones').items.add({ Title: 'Batched with a digest', WorkstreamId: 3, ReportingPeriodId: 2, Timing: 'This period' });
    const one = batched.web.lists.getByTitle('Milestones').items.getById(1).select('Id')();
    await execute();
    expect((await added).AuthorId).toBe(emu.defaultUser.id);
    expect(await one).toMatchObject({ Id: 1 });
    expect(emu.stats.recent.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /sites/improvement/_api/contextinfo 200', 'POST /sites/improvement/_api/$batch 200']);
  });

  it('refuses a part that addresses another site', async () => {
    const r: IReply = await postBatch(pnpjsBody(BATCH_ID, CHANGESET_ID));
    expect(r.status).toBe(200);
    const { parts } = readResponse(r.headers.get('content-type') as string, r.text);
    expect(parts).toHaveLength(6);
    expect(parts.every((p) => p.status === 400)).toBe(true);
    expect(spErrorOf(JSON.parse(parts[0].body)).message).toMatch(/^A batch request must address this site/);
    // sp() is used here only to show nothing was changed by the refused parts.
    expect((await sp(emu, `${listPath('Milestones')}/items(2)`)).body.Title).not.toBe('Renamed in a batch');
  });
  it('counts a batch as one round trip and its parts separately in the stats endpoint', async () => {
    emu.resetStats();
    const r: IReply = await postBatch(pnpjsBody(BATCH_ID, CHANGESET_ID).replace(/https:\/\/contoso\.sharepoint\.com/g, emu.url));
    expect(r.status).toBe(200);
    const stats: Json = await (await fetch(`${emu.url}/_emulator/stats`)).json();
    expect(stats).toMatchObject({ roundTrips: 1, batchParts: 6, byKind: { 'sp-batch': 1 } });
  });

});
