/**
 * SharePoint Online's lookup threshold, as the emulator applies it to SharePoint REST reads: a
 * query may name at most 12 lookup and person columns (sp-dev-docs #4660, pnp/pnpjs #2721) —
 * `XxxId` as much as an expanded `Xxx`, Created By and Modified By among them, and every one of
 * the list's for a read naming no columns — and more is refused with the list view threshold's
 * exception under another HRESULT (vgrem/office365-rest-python-client #758). The product's own
 * reads run under it in every other test.
 */
import type { Emulator } from '../../src/emulator/server';
import { listPath, sp, spErrorOf, startStack, type IReply } from './helpers';

const REFUSAL = {
  code: '-2147024749, Microsoft.SharePoint.SPQueryThrottledException',
  message: 'The query cannot be completed because the number of lookup columns it contains exceeds the lookup column threshold.'
};

describe('the lookup threshold', () => {
  let emu: Emulator;
  // A list with eleven person columns of its own: thirteen with Created By and Modified By.
  const people: string[] = Array.from({ length: 11 }, (_v, i) => `Reviewer${i + 1}`);
  const list: string = listPath('Many Reviewers');

  beforeAll(async () => {
    emu = await startStack();
    const created: IReply = await sp(emu, 'web/lists', { method: 'POST', body: { Title: 'Many Reviewers', BaseTemplate: 100 } });
    expect(created.status).toBe(201);
    for (const name of people) {
      const xml: string = `<Field Type="User" Name="${name}" StaticName="${name}" DisplayName="${name}" UserSelectionMode="PeopleOnly" />`;
      const added: IReply = await sp(emu, `${list}/fields/createfieldasxml`, { method: 'POST', body: { parameters: { SchemaXml: xml, Options: 8 } } });
      expect(added.status).toBe(201);
    }
    const item: IReply = await sp(emu, `${list}/items`, { method: 'POST', body: { Title: 'One' } });
    expect(item.status).toBe(201);
  });
  afterAll(() => emu.close());

  it('answers a read naming twelve lookup and person columns, ids or expanded', async () => {
    const twelve: string = ['Id', ...people.slice(0, 9).map((p) => `${p}Id`), 'AuthorId', 'EditorId', 'Reviewer10/Title'].join(',');
    const r: IReply = await sp(emu, `${list}/items?$select=${twelve}&$expand=Reviewer10`);
    expect(r.status).toBe(200);
    expect(r.body.value).toHaveLength(1);
  });

  it('refuses a read naming thirteen, however they are named, and one naming none on a list holding thirteen', async () => {
    const thirteen: string[] = [
      `$select=${['Id', ...people.map((p) => `${p}Id`), 'AuthorId', 'EditorId'].join(',')}`,
      `$select=${['Id', ...people.slice(0, 10).map((p) => `${p}Id`), 'Reviewer11/Title', 'AuthorId', 'EditorId'].join(',')}&$expand=Reviewer11`,
      '$top=10'
    ];
    for (const query of thirteen) {
      const r: IReply = await sp(emu, `${list}/items?${query}`);
      expect(r.status).toBe(500);
      expect(spErrorOf(r.body)).toEqual(REFUSAL);
    }
    const one: IReply = await sp(emu, `${list}/items(1)`);
    expect(one.status).toBe(500);
    expect(spErrorOf(one.body)).toEqual(REFUSAL);
  });

  it("counts a column once, whether as its id, its string id or expanded", async () => {
    const r: IReply = await sp(emu, `${list}/items?$select=Id,AuthorId,AuthorStringId,Author/Title,${people.slice(0, 10).map((p) => `${p}Id`).join(',')},EditorId&$expand=Author`);
    expect(r.status).toBe(200);
  });
});
