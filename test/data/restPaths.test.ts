/**
 * The requests src/data/sharepoint/restPaths.ts builds with PnPjs's core factories are the ones
 * PnPjs's fluent API builds for the same call: each pair is sent through the same behaviours
 * (PnPjs's default headers, init, telemetry tag and parser) to a send that records what would go
 * on the wire — address, method, headers in their order, body — and answers alike, alone and in a
 * $batch (the request ids' and boundaries' GUIDs set aside). And our SP.PermissionKind
 * values and bit test agree with PnPjs's and the emulator's.
 */
import { DefaultHeaders, DefaultInit, spfi, type SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/security';
import '@pnp/sp/site-users/web';
import '@pnp/sp/webs';
import { PermissionKind as PnpPermissionKind } from '@pnp/sp/security';
import { DefaultParse, type Queryable } from '@pnp/queryable';
import { hasPermission, PermissionKind, type IPermissionMask } from '../../src/data/principal';
import { addItem, canManageListsOn, currentUserOf, deleteItem, effectivePermissions, itemById, itemsOf, listByTitle, listsOf, siteUsersOf, updateItem, versionsOf, webOf } from '../../src/data/sharepoint/restPaths';
import { PermissionKind as EmulatorPermissionKind } from '../../src/emulator/permissions';

const SITE: string = 'https://contoso.example/sites/improvement';

/** A mask with Manage Lists, View and Add (Low) and Use Client Integration (High). */
const MASK: IPermissionMask = { High: String(1 << 4), Low: String((1 << 11) | 1 | 2) };

/** What a send was asked to put on the wire. */
interface ISent {
  url: string;
  method?: string;
  headers: string;
  body?: string;
}

/** Text with each GUID (a request's id, a $batch's boundaries) as `<guid>`: new every time. */
function withoutGuids(text: string): string {
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<guid>');
}

/** A PnPjs root whose requests are recorded and answered here instead of sent. */
function recorded(): { sp: SPFI; sent: ISent[] } {
  const sent: ISent[] = [];
  const record = (instance: Queryable): Queryable => {
    instance.on.send.replace(async (url: URL, init: RequestInit) => {
      const body: string | undefined = typeof init.body === 'string' ? withoutGuids(init.body) : undefined;
      sent.push({ url: url.toString(), method: init.method, headers: withoutGuids(JSON.stringify(init.headers)), body });
      if (/\$batch$/.test(url.toString())) {
        // Recorded only: the $batch fails, and its parts are not waited for.
        throw new Error('recorded');
      }
      const headers: { [name: string]: string } = (init.headers || {}) as { [name: string]: string };
      if (init.method === 'POST' && (headers['X-HTTP-Method'] === 'MERGE' || headers['X-HTTP-Method'] === 'DELETE')) {
        return new Response(null, { status: 204, headers: { ETag: '"4"' } });
      }
      const answer: unknown = /EffectiveBasePermissions$/.test(url.toString()) ? MASK : { Id: 7, Title: 'Answered', value: [] };
      return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    return instance;
  };
  return { sp: spfi(SITE).using(DefaultHeaders(), DefaultInit(), DefaultParse(), record), sent };
}

/** Sends a call through the fluent API and ours; what each put on the wire and answered. */
async function both<T>(fluent: (sp: SPFI) => Promise<T>, ours: (sp: SPFI) => Promise<T>): Promise<{ fluent: { sent: ISent[]; answer: T }; ours: { sent: ISent[]; answer: T } }> {
  const a = recorded();
  const b = recorded();
  return { fluent: { answer: await fluent(a.sp), sent: a.sent }, ours: { answer: await ours(b.sp), sent: b.sent } };
}

/** Puts calls on a $batch of each root and sends it; the $batch each sent. */
async function bothBatched(fluent: (sp: SPFI) => Array<Promise<unknown>>, ours: (sp: SPFI) => Array<Promise<unknown>>): Promise<{ fluent: ISent[]; ours: ISent[] }> {
  const send = async (calls: (sp: SPFI) => Array<Promise<unknown>>): Promise<ISent[]> => {
    const { sp, sent } = recorded();
    const [batched, execute] = sp.batched({ maxRequests: 100 });
    for (const call of calls(batched)) {
      call.catch(() => undefined);
    }
    await execute().catch(() => undefined);
    return sent;
  };
  return { fluent: await send(fluent), ours: await send(ours) };
}

const TITLE: string = "Director's Notes";

describe("restPaths: PnPjs's fluent requests from its core factories", () => {
  it.each<[string, (sp: SPFI) => Promise<unknown>, (sp: SPFI) => Promise<unknown>]>([
    ["the site's lists", (sp) => sp.web.lists.select('Title')(), (sp) => listsOf(sp).select('Title')()],
    ['a list by its title, quoted and encoded', (sp) => sp.web.lists.getByTitle(TITLE).select('LastItemModifiedDate', 'ItemCount')(), (sp) => listByTitle(sp, TITLE).select('LastItemModifiedDate', 'ItemCount')()],
    [
      'its items, selected, filtered, ordered, paged',
      (sp) => sp.web.lists.getByTitle(TITLE).items.select('Id', 'Title').top(5000).filter("Title eq 'x'").orderBy('Id', true)(),
      (sp) => itemsOf(listByTitle(sp, TITLE)).select('Id', 'Title').top(5000).filter("Title eq 'x'").orderBy('Id', true)()
    ],
    ['an item by its id', (sp) => sp.web.lists.getByTitle(TITLE).items.getById(7).select('Id', 'Title')(), (sp) => itemById(listByTitle(sp, TITLE), 7).select('Id', 'Title')()],
    ["an item's versions", (sp) => sp.web.lists.getByTitle(TITLE).items.getById(7).versions(), (sp) => versionsOf(itemById(listByTitle(sp, TITLE), 7))()],
    ["the site's users", (sp) => sp.web.siteUsers.select('Id', 'Title', 'Email')(), (sp) => siteUsersOf(sp).select('Id', 'Title', 'Email')()],
    ['the signed-in user', (sp) => sp.web.currentUser.select('Id', 'Title', 'Email', 'LoginName')(), (sp) => currentUserOf(sp).select('Id', 'Title', 'Email', 'LoginName')()],
    ["the user's permissions on a list", (sp) => sp.web.lists.getByTitle(TITLE).getCurrentUserEffectivePermissions(), (sp) => effectivePermissions(listByTitle(sp, TITLE))],
    ['whether the user has Manage Lists on the site', (sp) => sp.web.currentUserHasPermissions(PnpPermissionKind.ManageLists), (sp) => canManageListsOn(sp)],
    ["the site itself", (sp) => sp.web.select('Url')(), (sp) => webOf(sp).select('Url')()],
    ['an item added', (sp) => sp.web.lists.getByTitle(TITLE).items.add({ Title: 'New', WorkstreamId: 3 }), (sp) => addItem(listByTitle(sp, TITLE), { Title: 'New', WorkstreamId: 3 })],
    [
      'an item changed at its ETag, answered with the new ETag',
      (sp) => sp.web.lists.getByTitle(TITLE).items.getById(7).update({ Title: 'Changed' }, '"3"'),
      (sp) => updateItem(listByTitle(sp, TITLE), 7, { Title: 'Changed' }, '"3"')
    ],
    ['an item deleted at its ETag', (sp) => sp.web.lists.getByTitle(TITLE).items.getById(7).delete('"3"'), (sp) => deleteItem(listByTitle(sp, TITLE), 7, '"3"')]
  ])('%s: the same request and answer', async (_name, fluent, ours) => {
    const sent = await both(fluent, ours);
    expect(sent.ours.sent).toHaveLength(1);
    expect(sent.ours.sent).toEqual(sent.fluent.sent);
    expect(sent.ours.answer).toEqual(sent.fluent.answer);
  });

  it('reads the new ETag from the answer to a change, and Manage Lists from the mask', async () => {
    const { sp } = recorded();
    expect(await updateItem(listByTitle(sp, TITLE), 7, { Title: 'Changed' }, '"3"')).toEqual({ etag: '"4"' });
    expect(await canManageListsOn(sp)).toBe(true);
  });

  it('puts the same parts, change sets and headers in a $batch', async () => {
    const sent = await bothBatched(
      (sp) => {
        const list = sp.web.lists.getByTitle(TITLE);
        return [
          sp.web.currentUser.select('Id', 'Title', 'Email', 'LoginName')(),
          list.getCurrentUserEffectivePermissions(),
          sp.web.currentUserHasPermissions(PnpPermissionKind.ManageLists),
          list.items.add({ Title: 'New' }),
          list.items.getById(7).update({ Title: 'Changed' }, '"3"'),
          list.items.getById(7).select('Id', 'Title')(),
          list.items.getById(8).delete('"2"'),
          sp.web.siteUsers.select('Id', 'Title', 'Email')()
        ];
      },
      (sp) => {
        const list = listByTitle(sp, TITLE);
        return [
          currentUserOf(sp).select('Id', 'Title', 'Email', 'LoginName')(),
          effectivePermissions(list),
          canManageListsOn(sp),
          addItem(list, { Title: 'New' }),
          updateItem(list, 7, { Title: 'Changed' }, '"3"'),
          itemById(list, 7).select('Id', 'Title')(),
          deleteItem(list, 8, '"2"'),
          siteUsersOf(sp).select('Id', 'Title', 'Email')()
        ];
      }
    );
    expect(sent.ours).toHaveLength(1);
    expect(sent.ours[0].url).toBe(`${SITE}/_api/$batch`);
    expect(sent.ours[0].body).toContain("MERGE https://contoso.example/sites/improvement/_api/web/lists/getByTitle('Director''s%20Notes')/items(7) HTTP/1.1");
    expect(sent.ours).toEqual(sent.fluent);
  });
});

describe("SP.PermissionKind's values and bits, our own", () => {
  it("are PnPjs's and the emulator's values", () => {
    for (const [name, value] of Object.entries(PermissionKind)) {
      expect([name, PnpPermissionKind[name as keyof typeof PnpPermissionKind]]).toEqual([name, value]);
      expect([name, EmulatorPermissionKind[name as keyof typeof EmulatorPermissionKind]]).toEqual([name, value]);
    }
  });

  it("read a mask as PnPjs's hasPermissions reads it, in both halves", () => {
    const { sp } = recorded();
    const web = sp.web;
    const masks: IPermissionMask[] = [MASK, { High: '0', Low: '0' }, { High: '2147483647', Low: '4294967295' }, { High: 432, Low: 1011030767 }, { High: '2147483648', Low: '2147483648' }];
    for (const mask of masks) {
      for (let kind: number = 1; kind <= 64; kind++) {
        expect([mask, kind, hasPermission(mask, kind)]).toEqual([mask, kind, web.hasPermissions(mask as { High: number; Low: number }, kind)]);
      }
    }
    expect(hasPermission(MASK, PermissionKind.ManageLists)).toBe(true);
    expect(hasPermission(MASK, PermissionKind.EditListItems)).toBe(false);
    expect(hasPermission(MASK, 37)).toBe(true);
  });
});
