/**
 * A Word for the refresh property, after test/addin/word/wordDocument.test.ts: office-addin-mock
 * supplies Word.run, the request context and its sync; the content controls are hand-written
 * objects (the mock cannot model collections) whose text is Word's text for a block, built from
 * the OOXML the way Word reports it. Each control records what was written into it.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { blockToSdtXml, makeTag, type IBlock } from '../../../src/report';
import { parseFragment, wordLikeText } from '../../report/support/xml';

/** A content control as the mocked Word holds it. */
export interface IFakeControl {
  id: number;
  tag: string;
  title: string;
  text: string;
  isNullObject: boolean;
  load: jest.Mock;
  insertOoxml: jest.Mock;
}

/** Word's text for a block as inserted: what contentControl.text would give. */
export function wordText(block: IBlock): string {
  return wordLikeText(parseFragment(blockToSdtXml(block)));
}

/** A control holding a block as inserted, or with the text given (an officer's edit). */
export function control(id: number, block: IBlock, text: string = wordText(block)): IFakeControl {
  return { id, tag: makeTag(block), title: block.title, text, isNullObject: false, load: jest.fn(), insertOoxml: jest.fn() };
}

/** A control that is not one of ours: an officer's own, another add-in's, or one whose tag was removed. */
export function foreignControl(id: number, tag: string, text: string): IFakeControl {
  return { id, tag, title: 'Officer note', text, isNullObject: false, load: jest.fn(), insertOoxml: jest.fn() };
}

/** The mocked Word's sync calls. */
export interface IMockedWord {
  syncs(): number;
}

/** Installs a mocked Word (global Word) holding these content controls. */
export function mockWord(controls: IFakeControl[]): IMockedWord {
  const word = new OfficeMockObject(
    {
      context: {
        document: {
          selection: { insertOoxml: jest.fn() },
          getSelection: function (this: { selection: unknown }) {
            return this.selection;
          }
        }
      },
      run: async function (this: { context: unknown }, callback: (context: unknown) => Promise<unknown>) {
        return callback(this.context);
      }
    },
    'word' as never
  ) as unknown as OfficeMockObject & { context: { sync: () => Promise<void>; document: { contentControls: unknown } } };
  const byId: Map<number, IFakeControl> = new Map(controls.map((c) => [c.id, c]));
  const nullObject = { isNullObject: true, load: jest.fn() };
  const collection: { items: IFakeControl[]; load: jest.Mock; getByIdOrNullObject: jest.Mock } = {
    items: controls,
    load: jest.fn(() => collection),
    getByIdOrNullObject: jest.fn((id: number): unknown => byId.get(id) || nullObject)
  };
  word.context.document.contentControls = collection;
  let syncs: number = 0;
  const originalSync = word.context.sync.bind(word.context);
  jest.spyOn(word.context, 'sync').mockImplementation(async () => {
    syncs++;
    await originalSync();
  });
  (global as unknown as { Word: unknown }).Word = word;
  return { syncs: () => syncs };
}

/** Removes the mocked Word. */
export function unmockWord(): void {
  delete (global as unknown as { Word?: unknown }).Word;
}
