/**
 * A small model of a Word document, driven through office-addin-mock's own objects.
 *
 * Every Word object the adapter gets (content controls, the document, the selection's parent
 * control and table) is an `OfficeMockObject` holding the model's values, so loading and syncing
 * follow the mock's rules: a property reads as loaded only after `load` and then `sync`. The
 * mock answers an early read with an error string; here that read THROWS, as Office.js's
 * PropertyNotLoaded does, so reading a property before load/sync fails the test that does it.
 *
 * What office-addin-mock cannot model — collections, null objects, the batch of writes a sync
 * sends — is done here, and so are the Word behaviours no mock reproduces. Each rule names the
 * office-js issue it comes from:
 *
 * - Track Changes (office-js #559, #1267, #1299): with tracking on, replacing a control's content
 *   deletes the old text as a tracked change, and `.text` still holds it; only
 *   `getReviewedText('Current')` (WordApi 1.4) gives the text with the change accepted. A control
 *   deleted under tracking is still listed, with its text.
 * - Replacing the content of a control whose content ends with a table, or with content ending
 *   with one (office-js #85, #2606, #116), corrupts the table or leaves a stray paragraph: the
 *   model counts each such replace in `tableEndingReplaces`.
 * - Content controls inside table cells are not listed by Word on the web (office-js #2040, #6752).
 * - Inserting at a cursor inside a content control nests the new control in it.
 * - A sync runs its writes in order and stops at the first Word refuses; the writes before it
 *   stay made (UNCONFIRMED beyond the Office.js docs' "batch" description: no issue states it).
 */
import { OfficeMockObject } from 'office-addin-mock';
import { blockToSdtXml, makeTag, type IBlock } from '../../../src/report';
import { childElements, documentBody, parseXml, wordLikeText, W } from '../../report/support/xml';

/** The strings office-addin-mock gives for a property read too early. */
const EARLY_READS: readonly string[] = ((): string[] => {
  const probe = new OfficeMockObject({ value: 1 }, 'word' as never) as unknown as { value: string; load(p: string): void };
  const notLoaded: string = probe.value;
  probe.load('value');
  return [notLoaded, probe.value];
})();

/** Office.js's error for a property read before load and sync. */
export class PropertyNotLoadedError extends Error {
  public readonly code: string = 'PropertyNotLoaded';
  constructor(objectName: string, property: string) {
    super(
      `The property '${property}' of ${objectName} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
    );
    this.name = 'RichApi.Error';
  }
}

/** An error Word gives at sync, as OfficeExtension.Error carries it. */
export class WordApiError extends Error {
  public readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
  }
}

/** Where Word runs. */
export type FakeHost = 'web' | 'windows' | 'mac';

/** A content control in the model. */
export interface IModelControl {
  id: number;
  tag: string;
  title: string;
  /** What `.text` gives: the visible text and any words deleted as tracked changes. */
  text: string;
  /** The text with tracked changes accepted: what `getReviewedText('Current')` gives. */
  current: string;
  /** The control's content ends with a table. */
  endsWithTable: boolean;
  /** The control sits in a table cell. */
  inTableCell: boolean;
  /** The control it is nested in. */
  parentId?: number;
  /** Word refuses to change its content (a locked control, a protected region). */
  locked?: boolean;
  /** Word takes the content but refuses the new tag: a block left half-written. */
  tagLocked?: boolean;
}

/** How the model's Word is set up. */
export interface IFakeWordOptions {
  host?: FakeHost;
  /**
   * The highest WordApi requirement set the host supports: 1.4 reads the change-tracking mode and
   * a control's reviewed text; 1.6 also the body's tracked changes (Body.getTrackedChanges).
   */
  wordApi?: '1.3' | '1.4' | '1.6';
  /** Word's change-tracking mode (WordApi 1.4 `Word.ChangeTrackingMode`). */
  tracking?: 'Off' | 'TrackAll' | 'TrackMineOnly';
}

/** Where the cursor is. */
export interface IModelSelection {
  /** Inside this control. */
  controlId?: number;
  /** Inside a table cell (of the officer's own table, or of a block's). */
  inTable?: boolean;
  /** Where in the list of controls inserted content lands. */
  index: number;
}

interface IQueued {
  what: string;
  run: () => void;
}

/** Word's text of an OOXML element, and whether its last element is a table. */
function contentOf(container: Element): { text: string; endsWithTable: boolean } {
  const children: Element[] = childElements(container);
  const last: Element | undefined = children[children.length - 1];
  return { text: wordLikeText(container), endsWithTable: !!last && last.localName === 'tbl' };
}

/** The model of a Word document, installed as the global `Word` (and `Office.context.requirements`). */
export class FakeWord {
  public readonly host: FakeHost;
  public readonly wordApi: '1.3' | '1.4' | '1.6';
  /** The officer's own tracked changes elsewhere in the document (outside our blocks), not yet accepted. */
  public trackedElsewhere: boolean = false;
  public tracking: 'Off' | 'TrackAll' | 'TrackMineOnly';
  public controls: IModelControl[] = [];
  public selection: IModelSelection = { index: 0 };
  /** Replaces of content ending with a table, before or after (office-js #85, #2606, #116). */
  public tableEndingReplaces: number[] = [];
  /** Every content replace Word made, in order: the control and the package written into it. */
  public readonly replaces: Array<{ id: number; ooxml: string }> = [];
  public syncs: number = 0;
  public runs: number = 0;
  /** Every call the adapter made, in order. */
  public readonly log: string[] = [];
  private _nextId: number = 1;

  constructor(options: IFakeWordOptions = {}) {
    this.host = options.host || 'windows';
    this.wordApi = options.wordApi || '1.4';
    this.tracking = options.tracking || 'Off';
  }

  /** A control holding a block as inserted (or, with `text`, as an officer left it). */
  public addBlock(block: IBlock, text?: string): IModelControl {
    const sdt: Element = parseXml(`<w:root xmlns:w="${W}">${blockToSdtXml(block)}</w:root>`).getElementsByTagNameNS(W, 'sdtContent')[0];
    const content = contentOf(sdt);
    const control: IModelControl = {
      id: this._nextId++,
      tag: makeTag(block),
      title: block.title,
      text: text === undefined ? content.text : text,
      current: text === undefined ? content.text : text,
      endsWithTable: content.endsWithTable,
      inTableCell: false
    };
    this.controls.push(control);
    this.selection.index = this.controls.length;
    return control;
  }

  /** A control as given (its id chosen by the caller), with Word's text of it. */
  public addControl(control: { id: number; tag: string; title: string; text: string }): IModelControl {
    const c: IModelControl = { ...control, current: control.text, endsWithTable: false, inTableCell: false };
    this.controls.push(c);
    this._nextId = Math.max(this._nextId, control.id + 1);
    return c;
  }

  /** The officer deletes a control and its content (Track Changes off). */
  public remove(id: number): void {
    this.controls = this.controls.filter((c) => c.id !== id);
  }

  /** The officer changes a control's text (Track Changes off: both texts are the same). */
  public setText(id: number, text: string): void {
    const c: IModelControl = this.byId(id);
    c.text = text;
    c.current = text;
  }

  /** A control that is not ours. */
  public addForeign(tag: string, text: string): IModelControl {
    const control: IModelControl = { id: this._nextId++, tag, title: 'Officer note', text, current: text, endsWithTable: false, inTableCell: false };
    this.controls.push(control);
    return control;
  }

  /** The officer types in a control (a tracked insertion shows in both texts). */
  public type(id: number, words: string): void {
    const c: IModelControl = this.byId(id);
    c.text = `${c.text} ${words}`;
    c.current = `${c.current} ${words}`;
  }

  /** The officer deletes a control's last `count` words (with tracking on, they stay in `.text`). */
  public deleteWords(id: number, count: number): void {
    const c: IModelControl = this.byId(id);
    c.current = c.current.split(' ').slice(0, -count).join(' ');
    if (this.tracking === 'Off') {
      c.text = c.current;
    }
  }

  /** The officer deletes a whole control's content (with tracking on, the words stay in `.text`). */
  public deleteContent(id: number): void {
    const c: IModelControl = this.byId(id);
    if (this.tracking === 'Off') {
      this.controls = this.controls.filter((x) => x.id !== id);
    } else {
      c.current = '';
    }
  }

  public byId(id: number): IModelControl {
    const c: IModelControl | undefined = this.controls.filter((x) => x.id === id)[0];
    if (!c) {
      throw new Error(`The model has no control ${id}.`);
    }
    return c;
  }

  /** The controls `document.contentControls` lists on this host. */
  public listed(): IModelControl[] {
    return this.controls.filter((c) => !(this.host === 'web' && c.inTableCell));
  }

  /** Puts this model in the globals the adapter uses. */
  public install(): this {
    (global as unknown as { Word: unknown }).Word = {
      run: async <T>(callback: (context: unknown) => Promise<T>): Promise<T> => {
        this.runs++;
        this.log.push('Word.run');
        return callback(new FakeContext(this).context);
      }
    };
    (global as unknown as { Office: unknown }).Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, version: string): boolean =>
            name === 'WordApi' && parseFloat(version) <= parseFloat(this.wordApi)
        }
      }
    };
    return this;
  }

  /** Whether the document holds a tracked change not yet accepted: in a block (its .text is not its current text) or elsewhere. */
  public hasTrackedChanges(): boolean {
    return this.trackedElsewhere || this.controls.some((c) => c.text !== c.current);
  }

  /** Removes the globals. */
  public static uninstall(): void {
    delete (global as unknown as { Word?: unknown }).Word;
    delete (global as unknown as { Office?: unknown }).Office;
  }

  // Writes, as a sync applies them.

  /** Inserts the controls of a flat-OPC package at a place in the list. */
  public insertPackage(ooxml: string, index: number, where: { parentId?: number; inTableCell: boolean }): IModelControl[] {
    const body: Element = documentBody(parseXml(ooxml));
    const added: IModelControl[] = childElements(body, 'sdt').map((sdt) => {
      const sdtPr: Element = childElements(sdt, 'sdtPr')[0];
      const content = contentOf(childElements(sdt, 'sdtContent')[0]);
      return {
        id: this._nextId++,
        tag: childElements(sdtPr, 'tag')[0].getAttributeNS(W, 'val') || '',
        title: childElements(sdtPr, 'alias')[0].getAttributeNS(W, 'val') || '',
        text: content.text,
        current: content.text,
        endsWithTable: content.endsWithTable,
        inTableCell: where.inTableCell,
        parentId: where.parentId
      };
    });
    this.controls.splice(index, 0, ...added);
    return added;
  }

  /** Replaces a control's content with a package's body, keeping the control. */
  public replaceContent(id: number, ooxml: string): void {
    const c: IModelControl = this.byId(id);
    if (c.locked) {
      throw new WordApiError('AccessDenied', 'The action is not allowed: the content control is locked.');
    }
    const body: Element = documentBody(parseXml(ooxml));
    if (childElements(body, 'sdt').length > 0) {
      // Word would nest these controls inside the one being refreshed.
      throw new Error('A refresh wrote a content control into a content control.');
    }
    const fresh = contentOf(body);
    this.replaces.push({ id, ooxml });
    if (c.endsWithTable || fresh.endsWithTable) {
      this.tableEndingReplaces.push(id);
    }
    // office-js #559, #1267, #1299: under tracking the old words stay in .text as a deletion.
    c.text = this.tracking === 'Off' ? fresh.text : `${c.text}${fresh.text}`;
    c.current = fresh.text;
    c.endsWithTable = fresh.endsWithTable;
  }
}

/** One Word.run: its request context, the objects it handed out and the writes queued. */
class FakeContext {
  public readonly context: { document: unknown; sync: () => Promise<void> };
  private readonly _model: FakeWord;
  private readonly _mocks: OfficeMockObject[] = [];
  private _queue: IQueued[] = [];
  private _batch: number = 0;

  constructor(model: FakeWord) {
    this._model = model;
    const documentMock = this._mock('document', parseFloat(model.wordApi) >= 1.4 ? { changeTrackingMode: model.tracking } : { saved: true });
    const raw = documentMock.raw as unknown as Record<string, unknown>;
    raw.contentControls = this._collection();
    raw.body = {
      // WordApi 1.4: the body's text with every tracked change accepted ('Current') or rejected
      // ('Original'). The model keeps a control's visible text with its tracked deletions (text) and
      // with them accepted (current): 'Original' is the former, which is Word's original text where
      // the changes are deletions (a tracked insertion is in both here, so a document whose only
      // changes are insertions reads as holding none — as it may: its blocks' .text is then their
      // text). A change outside our blocks (trackedElsewhere) is in 'Current' only.
      getReviewedText: (version: string): { value: string } => {
        if (parseFloat(model.wordApi) < 1.4) {
          throw new WordApiError('ApiNotFound', 'getReviewedText needs WordApi 1.4.');
        }
        model.log.push(`body.getReviewedText(${version})`);
        const text: string = model.controls.map((c) => (version === 'Current' ? c.current : c.text)).join('\r') + (version === 'Current' && model.trackedElsewhere ? '\r(changed elsewhere)' : '');
        return this._clientResult(text);
      },
      // WordApi 1.6: the document's tracked changes; the first, or a null object when there are none.
      getTrackedChanges: () => {
        if (parseFloat(model.wordApi) < 1.6) {
          throw new WordApiError('ApiNotFound', 'getTrackedChanges needs WordApi 1.6.');
        }
        model.log.push('body.getTrackedChanges');
        return {
          getFirstOrNullObject: () => this._mock('trackedChange(first)', { type: 'Deleted' }, { isNull: !model.hasTrackedChanges() }).proxy
        };
      }
    };
    raw.getSelection = () => {
      model.log.push('getSelection');
      return this._selection();
    };
    this.context = { document: documentMock.proxy, sync: () => this._sync() };
  }

  private async _sync(): Promise<void> {
    this._model.syncs++;
    this._model.log.push('sync');
    const queue: IQueued[] = this._queue;
    this._queue = [];
    for (const q of queue) {
      // Word stops at the first write it refuses; the ones before it stay made.
      q.run();
    }
    for (const mock of this._mocks) {
      await mock.sync();
    }
    // office-addin-mock copies loaded values to their properties a microtask after its sync.
    await Promise.resolve();
    await Promise.resolve();
    this._batch++;
  }

  private _queueWrite(what: string, run: () => void): void {
    this._model.log.push(what);
    this._queue.push({ what, run });
  }

  /** An office-addin-mock object for these values, behind a proxy that throws on early reads. */
  private _mock(name: string, values: Record<string, unknown>, extra: { isNull?: boolean; onSet?: (prop: string, value: unknown) => void } = {}): { raw: OfficeMockObject; proxy: Record<string, unknown> } {
    const raw: OfficeMockObject = new OfficeMockObject(values, 'word' as never);
    this._mocks.push(raw);
    let loadedIn: number | undefined;
    const proxy: Record<string, unknown> = new Proxy(raw as unknown as Record<string, unknown>, {
      get: (target: Record<string, unknown>, prop: string | symbol): unknown => {
        if (prop === 'load') {
          return (what?: string): unknown => {
            this._model.log.push(`${name}.load(${what || ''})`);
            (raw as unknown as { load(w?: string): void }).load(what);
            loadedIn = this._batch;
            return proxy;
          };
        }
        if (prop === 'isNullObject') {
          if (loadedIn === undefined || loadedIn >= this._batch) {
            throw new PropertyNotLoadedError(name, 'isNullObject');
          }
          return !!extra.isNull;
        }
        const value: unknown = target[prop as string];
        if (typeof value === 'string' && EARLY_READS.indexOf(value) >= 0) {
          throw new PropertyNotLoadedError(name, String(prop));
        }
        if (extra.isNull && typeof prop === 'string' && prop in values && loadedIn !== undefined && loadedIn < this._batch) {
          throw new WordApiError('ItemNotFound', `${name} is a null object: it has no ${prop}.`);
        }
        return value;
      },
      set: (target: Record<string, unknown>, prop: string | symbol, value: unknown): boolean => {
        if (!extra.onSet) {
          throw new Error(`The adapter set ${String(prop)} on ${name}, which this model does not let it write.`);
        }
        extra.onSet(String(prop), value);
        return true;
      }
    });
    return { raw, proxy };
  }

  /** A content control (or, for undefined, a null object) as Office.js hands it out. */
  private _control(c: IModelControl | undefined): Record<string, unknown> {
    const model: FakeWord = this._model;
    const name: string = c ? `contentControl(${c.id})` : 'contentControl(null)';
    const { raw, proxy } = this._mock(name, { id: c ? c.id : 0, tag: c ? c.tag : '', title: c ? c.title : '', text: c ? c.text : '' }, {
      isNull: !c,
      onSet: (prop: string, value: unknown) => {
        if (!c || (prop !== 'tag' && prop !== 'title')) {
          throw new Error(`The adapter set ${prop} on ${name}.`);
        }
        this._queueWrite(`${name}.${prop}=`, () => {
          if (prop === 'tag' && c.tagLocked) {
            throw new WordApiError('AccessDenied', 'The action is not allowed: the tag cannot be changed.');
          }
          (c as unknown as Record<string, unknown>)[prop] = value;
        });
      }
    });
    const r = raw as unknown as Record<string, unknown>;
    r.insertOoxml = (ooxml: string, where: string): void => {
      if (!c || where !== 'Replace') {
        throw new Error(`${name}.insertOoxml(${where}) is not what the adapter should do.`);
      }
      this._queueWrite(`${name}.insertOoxml(${where})`, () => model.replaceContent(c.id, ooxml));
    };
    r.getRange = (where: string): unknown => {
      if (!c || where !== 'Whole') {
        throw new Error(`${name}.getRange(${where}) is not modelled.`);
      }
      return {
        insertOoxml: (ooxml: string, at: string): void => {
          if (at !== 'After') {
            throw new Error(`range.insertOoxml(${at}) is not modelled.`);
          }
          this._queueWrite(`${name}.getRange(Whole).insertOoxml(After)`, () => {
            const index: number = model.controls.indexOf(c) + 1;
            model.insertPackage(ooxml, index, { parentId: c.parentId, inTableCell: c.inTableCell });
          });
        }
      };
    };
    r.getReviewedText = (version: string): { value: string } => {
      if (parseFloat(model.wordApi) < 1.4) {
        throw new WordApiError('ApiNotFound', 'getReviewedText needs WordApi 1.4.');
      }
      model.log.push(`${name}.getReviewedText(${version})`);
      return this._clientResult(c ? (version === 'Current' ? c.current : c.text) : '');
    };
    return proxy;
  }

  /** A ClientResult whose value is there only once the batch that asked for it has been synced, as Word's. */
  private _clientResult(value: string): { value: string } {
    const batch: number = this._batch;
    const result: { value: string } = {} as { value: string };
    Object.defineProperty(result, 'value', {
      get: (): string => {
        if (this._batch <= batch) {
          throw new PropertyNotLoadedError('ClientResult', 'value');
        }
        return value;
      }
    });
    return result;
  }

  private _collection(): unknown {
    const model: FakeWord = this._model;
    let items: Array<Record<string, unknown>> | undefined;
    let loadedIn: number | undefined;
    const collection = {
      load: (what: string): unknown => {
        model.log.push(`contentControls.load(${what})`);
        const props: string = what
          .split(',')
          .map((p) => p.trim().replace(/^items\//, ''))
          .join(',');
        items = model.listed().map((c) => this._control(c));
        for (const item of items) {
          (item.load as (w: string) => void)(props);
        }
        loadedIn = this._batch;
        return collection;
      },
      getById: (id: number): unknown => {
        model.log.push(`getById(${id})`);
        return this._control(model.byId(id));
      },
      getByIdOrNullObject: (id: number): unknown => {
        model.log.push(`getByIdOrNullObject(${id})`);
        return this._control(model.controls.filter((c) => c.id === id)[0]);
      }
    };
    Object.defineProperty(collection, 'items', {
      get: (): unknown[] => {
        if (!items || loadedIn === undefined || loadedIn >= this._batch) {
          throw new PropertyNotLoadedError('contentControls', 'items');
        }
        return items;
      }
    });
    return collection;
  }

  private _selection(): unknown {
    const model: FakeWord = this._model;
    const sel: IModelSelection = { ...model.selection };
    const inControl: IModelControl | undefined = sel.controlId === undefined ? undefined : model.byId(sel.controlId);
    const { raw, proxy } = this._mock('selection', { text: '' });
    const r = raw as unknown as Record<string, unknown>;
    r.parentContentControlOrNullObject = this._control(inControl);
    const table = this._mock('table', { rowCount: sel.inTable ? 3 : 0 }, { isNull: !sel.inTable });
    (table.raw as unknown as Record<string, unknown>).insertParagraph = (text: string, where: string): unknown => {
      if (!sel.inTable || where !== 'After' || text !== '') {
        throw new Error(`table.insertParagraph(${JSON.stringify(text)}, ${where}) is not modelled.`);
      }
      model.log.push('table.insertParagraph(After)');
      return {
        insertOoxml: (ooxml: string, at: string): void => {
          this._queueWrite(`paragraphAfterTable.insertOoxml(${at})`, () => model.insertPackage(ooxml, sel.index, { inTableCell: false }));
        }
      };
    };
    r.parentTableOrNullObject = table.proxy;
    r.insertOoxml = (ooxml: string, where: string): void => {
      this._queueWrite(`selection.insertOoxml(${where})`, () =>
        // A cursor inside a control nests the new controls in it; one in a cell puts them in the cell.
        model.insertPackage(ooxml, sel.index, { parentId: sel.controlId, inTableCell: !!sel.inTable })
      );
    };
    return proxy;
  }
}
