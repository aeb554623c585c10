import * as React from 'react';
import { strings } from '../loc/strings';
import { type Direction, RAG_COLOURS, type Rag } from '../../../domain/rag';
import { describeDirection } from '../../../ui/ragWords';
import { format, lowerFirst } from './format';
import { wordsFor } from '../../../ui/format';
import { useClassNames } from './useClassNames';

/** Props of {@link RagBadge}. */
export interface IRagBadgeProps {
  /** The rating; `null` or undefined shows "Not rated". */
  rag?: Rag | null;
  /** Words for a missing rating, when "Not rated" is not right (e.g. "Not stated"). */
  emptyLabel?: string;
}

/** A RAG rating: always its label, on its colour. Colour alone fails colour-blind readers and print. */
export function RagBadge(props: IRagBadgeProps): JSX.Element {
  const classNames = useClassNames();
  if (!props.rag) {
    return <span className={classNames.badge}>{props.emptyLabel || strings.NotRated}</span>;
  }
  const colours = RAG_COLOURS[props.rag];
  return (
    <span className={classNames.badge} style={{ background: `#${colours.fill}`, color: `#${colours.text}` }}>
      {props.rag}
    </span>
  );
}

/** The glyph of each direction of travel, in the dashboard's strings. */
const GLYPH_KEYS: { readonly [K in Direction]?: keyof typeof strings } = {
  improved: 'GlyphImproved',
  worsened: 'GlyphWorsened',
  unchanged: 'GlyphUnchanged',
  new: 'GlyphNew'
};

function glyphOf(direction: Direction): string {
  return wordsFor(GLYPH_KEYS, direction, strings, '');
}

/** Props of {@link RagWithDirection}. */
export interface IRagWithDirectionProps {
  rag?: Rag | null;
  direction: Direction;
}

/**
 * A rating with its direction of travel: the badge and an arrow for the eye, and one
 * sentence for screen readers ("Green, unchanged since last period"), so that with the
 * table's headers it reads "Procurement, November/December 2023: Green, unchanged since last period".
 */
export function RagWithDirection(props: IRagWithDirectionProps): JSX.Element {
  const classNames = useClassNames();
  if (!props.rag) {
    return <RagBadge rag={undefined} />;
  }
  const words: string = describeDirection(props.direction);
  return (
    <span className={classNames.ragCell}>
      <span aria-hidden="true">
        <RagBadge rag={props.rag} />
        <span className={classNames.direction} title={words}>
          {glyphOf(props.direction)}
        </span>
      </span>
      <span className={classNames.visuallyHidden}>{format(strings.RagSpoken, props.rag, lowerFirst(words))}</span>
    </span>
  );
}
