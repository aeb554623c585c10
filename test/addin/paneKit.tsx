/**
 * Shared steps for the task pane's tests: a fake Word document that records what the pane asks
 * of it, the real repository over the seeded programme on an in-memory site, and rendering the
 * pane over both.
 */
import * as React from 'react';
import { render, screen, within, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import type { IPeriodPicture } from '../../src/domain';
import { blockToSdtXml, makeTag, type IBlock } from '../../src/report';
import { TaskPane, type ITaskPaneProps } from '../../src/addin/components/TaskPane';
import type { ISiteAccess } from '../../src/addin/data/connect';
import { findOurBlocks } from '../../src/addin/word/refresh';
import type { ChangeTracking, IControlSnapshot, IDocumentSource, IFoundBlock, IInsertOutcome, IRefreshItem, IRefreshOutcome, IWordDocument } from '../../src/addin/word/types';
import { MemoryRepository, type IMemoryRepositoryOptions } from '../support/memoryProgramme';
import { parseFragment, wordLikeText } from '../report/support/xml';

// Hosts register icons; tests do not, and the words beside each icon are what they check.
setIconOptions({ disableWarnings: true });

export type User = ReturnType<typeof userEvent.setup>;

/** The seeded periods. */
export const JUNE = 1;
export const NOVDEC = 2;
export const LOCAL_SITE = 'http://localhost:4321/sites/improvement';

/** Word's text for a block as inserted, as contentControl.text gives it. */
export function wordText(block: IBlock): string {
  return wordLikeText(parseFragment(blockToSdtXml(block)));
}

/** A content control holding a block as inserted (or, with `text`, as an officer left it). */
export function controlFor(id: number, block: IBlock, text: string = wordText(block)): IControlSnapshot {
  return { id, tag: makeTag(block), title: block.title, text };
}

/** What applyRefresh was asked to do. */
export interface IApplyCall {
  plan: IRefreshItem[];
  overwrite: number[];
}

/** A Word document that records every call and answers as the test says. */
export class FakeWordDocument implements IWordDocument {
  public readonly inserted: IBlock[][] = [];
  public readonly sourceWrites: IDocumentSource[] = [];
  public readonly applyCalls: IApplyCall[] = [];
  public findCalls: number = 0;
  public source?: IDocumentSource;
  public controls: IControlSnapshot[] = [];
  /** The next insert fails with this. */
  public insertFailure?: unknown;
  public setSourceFailure?: unknown;
  /** What applyRefresh answers; by default every block it may refresh is refreshed. */
  public outcome?: (plan: IRefreshItem[], overwrite: ReadonlySet<number>) => IRefreshOutcome;

  /** Where the next inserts go, as the real adapter would say. */
  public insertOutcome: IInsertOutcome = { place: 'cursor', tracking: 'off' };
  /** Whether Word tracks changes, as the real adapter would have read it. */
  public tracking: ChangeTracking = 'off';

  public changeTracking(): ChangeTracking {
    return this.tracking;
  }

  public async insert(blocks: IBlock[]): Promise<IInsertOutcome> {
    await Promise.resolve();
    if (this.insertFailure) {
      const e: unknown = this.insertFailure;
      this.insertFailure = undefined;
      throw e;
    }
    this.inserted.push(blocks);
    return this.insertOutcome;
  }

  public async findBlocks(): Promise<IFoundBlock[]> {
    this.findCalls++;
    await Promise.resolve();
    return findOurBlocks(this.controls);
  }

  public async applyRefresh(plan: IRefreshItem[], overwrite: ReadonlySet<number>): Promise<IRefreshOutcome> {
    this.applyCalls.push({ plan, overwrite: Array.from(overwrite).sort((a, b) => a - b) });
    await Promise.resolve();
    if (this.outcome) {
      return this.outcome(plan, overwrite);
    }
    const outcome: IRefreshOutcome = { refreshed: [], kept: [], changedMeanwhile: [], gone: [], failed: [], tracking: this.tracking };
    for (const item of plan) {
      if (item.status === 'changed' || (item.status === 'edited' && overwrite.has(item.found.control.id))) {
        outcome.refreshed.push(item);
      } else if (item.status === 'edited') {
        outcome.kept.push(item);
      }
    }
    return outcome;
  }

  public getSource(): IDocumentSource | undefined {
    return this.source;
  }

  public async setSource(source: IDocumentSource): Promise<void> {
    await Promise.resolve();
    if (this.setSourceFailure) {
      throw this.setSourceFailure;
    }
    this.sourceWrites.push(source);
    this.source = source;
  }
}

/** The local stack's access, over the in-memory repository. */
export function fakeAccess(repository: MemoryRepository, signIn?: () => Promise<void>): ISiteAccess & { connects: number } {
  const access = {
    connects: 0,
    fixedSiteUrl: signIn ? undefined : LOCAL_SITE,
    connect: () => {
      access.connects++;
      return repository;
    },
    signIn
  };
  return access;
}

export interface IRenderedPane extends RenderResult {
  user: User;
  repository: MemoryRepository;
  word: FakeWordDocument;
}

/** Renders the pane in Word (unless told otherwise) over a fresh in-memory repository and document. */
export function renderPane(
  options: { repository?: IMemoryRepositoryOptions; word?: FakeWordDocument; props?: Partial<ITaskPaneProps>; access?: ISiteAccess } = {}
): IRenderedPane {
  const repository: MemoryRepository = new MemoryRepository(options.repository || {});
  const word: FakeWordDocument = options.word || new FakeWordDocument();
  const user: User = userEvent.setup();
  const result: RenderResult = render(<TaskPane host="word" word={word} access={options.access || fakeAccess(repository)} {...options.props} />);
  return { ...result, user, repository, word };
}

/** A section of the pane, by its heading. */
export function section(name: string | RegExp): HTMLElement {
  return screen.getByRole('heading', { level: 2, name }).closest('section') as HTMLElement;
}

/** Waits until the period's data has loaded (its readiness findings show). */
export async function periodLoaded(): Promise<void> {
  await screen.findByRole('heading', { level: 2, name: 'Before it goes to the Board' });
}

/** A Fluent drop-down by its label. */
export function dropdown(label: string, container: HTMLElement = document.body): HTMLElement {
  return within(container).getByRole('combobox', { name: (name: string) => name === label || name.startsWith(`${label} `) });
}

/** Chooses an option of a Fluent drop-down. */
export async function choose(user: User, label: string, option: string | RegExp, container?: HTMLElement): Promise<void> {
  await user.click(dropdown(label, container));
  await user.click(await screen.findByRole('option', { name: option }));
}

/** The picture of a period from a repository. */
export async function pictureOf(repository: MemoryRepository, periodId: number): Promise<IPeriodPicture> {
  return repository.getPeriodPicture(periodId);
}

/** The bytes of a Blob the pane saved (jsdom's Blob has no arrayBuffer()). */
export function readBlob(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
