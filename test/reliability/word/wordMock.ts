/**
 * A Word for the refresh property: the model of Word in test/addin/word/fakeWord.ts, made of
 * office-addin-mock's objects with every read before load/sync failing, holding controls whose
 * text is Word's text for a block, built from the OOXML the way Word reports it. The model
 * records every content replace, so the property can check what was written into each control.
 */
import { blockToSdtXml, makeTag, type IBlock } from '../../../src/report';
import { parseFragment, wordLikeText } from '../../report/support/xml';
import { FakeWord, type IModelControl } from '../../addin/word/fakeWord';

/** A content control as the model holds it. */
export type IFakeControl = IModelControl;

/** A control to put in the model: its id, tag, title and Word's text. */
export interface IControlSpec {
  id: number;
  tag: string;
  title: string;
  text: string;
}

/** Word's text for a block as inserted: what contentControl.text would give. */
export function wordText(block: IBlock): string {
  return wordLikeText(parseFragment(blockToSdtXml(block)));
}

/** A control holding a block as inserted, or with the text given (an officer's edit). */
export function control(id: number, block: IBlock, text: string = wordText(block)): IControlSpec {
  return { id, tag: makeTag(block), title: block.title, text };
}

/** A control that is not one of ours: an officer's own, another add-in's, or one whose tag was removed. */
export function foreignControl(id: number, tag: string, text: string): IControlSpec {
  return { id, tag, title: 'Officer note', text };
}

/** The mocked Word: the model, its sync count, and what was written into each control. */
export interface IMockedWord {
  model: FakeWord;
  syncs(): number;
  /** The packages written into a control, in order. */
  writesTo(id: number): string[];
}

/** Installs a model of Word (WordApi 1.4, Track Changes off) holding these content controls. */
export function mockWord(controls: IControlSpec[]): IMockedWord {
  const model: FakeWord = new FakeWord({ wordApi: '1.4', tracking: 'Off' });
  for (const c of controls) {
    model.addControl(c);
  }
  model.install();
  return {
    model,
    syncs: () => model.syncs,
    writesTo: (id: number) => model.replaces.filter((r) => r.id === id).map((r) => r.ooxml)
  };
}

/** Removes the mocked Word. */
export function unmockWord(): void {
  FakeWord.uninstall();
}
