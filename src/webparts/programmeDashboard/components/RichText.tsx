import * as React from 'react';
import { parseRichText, type RichBlock } from '../../../domain/richText';
import { useClassNames } from './useClassNames';

/** Props of {@link RichText}. */
export interface IRichTextProps {
  text?: string;
}

/** A long text (update, overview, comments) as paragraphs, sub-headings and lists. */
export function RichText(props: IRichTextProps): JSX.Element {
  const classNames = useClassNames();
  const blocks: RichBlock[] = parseRichText(props.text);
  return (
    <div className={classNames.richText}>
      {blocks.map((block, i) => {
        if (block.kind === 'heading') {
          return <h4 key={i}>{block.text}</h4>;
        }
        if (block.kind === 'list') {
          return (
            <ul key={i}>
              {block.items.map((item, j) => (
                <li key={j}>{item}</li>
              ))}
            </ul>
          );
        }
        return <p key={i}>{block.text}</p>;
      })}
    </div>
  );
}
