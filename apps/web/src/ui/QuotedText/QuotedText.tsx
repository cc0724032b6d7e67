import { Fragment, type ReactNode } from 'react';
import { mergeRanges, type TextRange } from './ranges';

interface Props {
  text: string;
  ranges: readonly TextRange[];
}

/** Plain text with some passages marked as quoted. Text is rendered as text, never as HTML. */
export function QuotedText({ text, ranges }: Props) {
  const merged = mergeRanges(ranges, text.length);
  if (!merged.length) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  merged.forEach((r, i) => {
    if (r.start > at) parts.push(<Fragment key={`t${i}`}>{text.slice(at, r.start)}</Fragment>);
    parts.push(
      <mark key={`m${i}`} title={r.count === 1 ? 'Quoted by 1 reply' : `Quoted by ${r.count} replies`} data-quote-count={r.count}>
        {text.slice(r.start, r.end)}
      </mark>,
    );
    at = r.end;
  });
  if (at < text.length) parts.push(<Fragment key="tail">{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}
