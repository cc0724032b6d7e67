import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { noReplies, replyTotal, type ArgumentNode, type ArticleParagraph, type Quote, type ReplyType } from '@agora/shared';
import type { TreeIndex } from '../../../../api/tree-ops';
import { useReturnFocus } from '../../../../ui/focus/focus';
import { QuotedText } from '../../../../ui/QuotedText/QuotedText';
import { locateQuote, type TextRange } from '../../../../ui/QuotedText/ranges';
import { PerspectiveStrength } from '../../../perspectives/components/PerspectiveStrength/PerspectiveStrength';
import { Composer } from '../../../thread/components/Composer/Composer';
import { StrengthBreakdown } from '../../../thread/components/StrengthBreakdown/StrengthBreakdown';
import { ThreadTree } from '../../../thread/components/ThreadTree/ThreadTree';
import { useNodeRefusals } from '../../../thread/hooks/useNodeRefusals';
import { QuoteBar } from '../QuoteBar/QuoteBar';
import { QuotePicker } from '../QuotePicker/QuotePicker';
import { ReplyPreview } from '../ReplyPreview/ReplyPreview';
import styles from './ParagraphBlock.module.css';

const PREVIEWS = 2;

export interface ComposerState {
  paragraphIndex: number;
  /** Chosen by the reader in the composer unless given. */
  type?: ReplyType;
  quote?: Quote;
}

interface Props {
  articleId: string;
  paragraph: ArticleParagraph;
  index: TreeIndex;
  open: boolean;
  onOpen: (open: boolean) => void;
  selection: { exact: string; quote: Quote } | null;
  onDismissSelection: () => void;
  composer: ComposerState | null;
  onCompose: (c: ComposerState | null) => void;
  threadHref: (nodeId: string) => string;
}

/** What the paragraph does for the article's thesis, from its sentences' roles: states it, argues for it or against it. */
function paragraphPart(paragraph: ArticleParagraph): { key: 'thesis' | 'for' | 'against'; text: string } | null {
  if (paragraph.sentences.some((s) => s.role === 'thesis')) return { key: 'thesis', text: 'States the thesis' };
  const stance = paragraph.sentences.find((s) => s.role === 'claim')?.stance;
  if (stance === 'against') return { key: 'against', text: 'Argues against the thesis' };
  if (stance === 'for') return { key: 'for', text: 'Argues for the thesis' };
  return null;
}

/** Why a reply to the paragraph's claim would be refused (a suspension, a lock), or null; unknown until the claim is loaded. */
function useReplyRefusal(claim: ArgumentNode | undefined, articleId: string) {
  const stand = claim ?? { articleId, type: 'claim' as const, status: 'visible' as const, authorId: null, withdrawn: false, locked: false, ancestors: [] };
  return useNodeRefusals(stand).reply;
}

const isControl = (el: EventTarget) => el instanceof Element && !!el.closest('button, a, input, textarea, select, label');

/**
 * One paragraph as written, its figures, and its discussion: in brief (the newest replies loaded so
 * far) or, when open, its thread, whose replies load as the reader asks for them.
 */
export function ParagraphBlock(props: Props) {
  const { articleId, paragraph, index, open, onOpen, selection, composer, onCompose, threadHref } = props;
  const claim: ArgumentNode | undefined = index.claimByParagraph.get(paragraph.index) ?? (paragraph.nodeId ? index.byId.get(paragraph.nodeId) : undefined);
  const children = useMemo(() => (claim ? (index.children.get(claim.id) ?? []) : []), [claim, index]);
  const replies = useMemo(() => children.filter((c) => c.origin === 'user'), [children]);

  // The claim's figures as the server counts them, kept current by live events; the first screen's until it is loaded.
  const counts = { ...noReplies(), ...(claim?.replyCounts ?? paragraph.replyCounts) };
  const total = replyTotal(counts);

  const ranges = useMemo(() => {
    const out: TextRange[] = [];
    for (const r of replies) {
      if (!r.anchor) continue;
      const at = locateQuote(paragraph.text, r.anchor);
      if (at) out.push(at);
    }
    return out;
  }, [replies, paragraph.text]);

  const strength = claim?.strength ?? paragraph.strength ?? 0.5;
  const part = paragraphPart(paragraph);
  const rated = claim?.rated ?? paragraph.rated ?? false;
  const [why, setWhy] = useState(false);
  const [picking, setPicking] = useState(false);
  const refusal = useReplyRefusal(claim, articleId);
  const reasonId = useId();
  const textRef = useRef<HTMLParagraphElement>(null);
  // Closing the composer or the quote picker gives focus back to what opened it, else to the paragraph.
  const back = useReturnFocus(useCallback(() => textRef.current, []));
  const compose = (c: ComposerState | null) => {
    if (c) back.remember();
    else back.restore();
    onCompose(c);
  };
  const n = paragraph.index + 1;
  const previews = [...replies].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).slice(0, PREVIEWS);
  const composing = composer?.paragraphIndex === paragraph.index ? composer : null;

  const onClick = (e: MouseEvent) => {
    if (isControl(e.target)) return;
    // A drag that selected text is a quote, not a request to open the discussion... but opening it does no harm.
    if (!open) onOpen(true);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(!open);
    }
  };

  return (
    <section className={`${styles.block} ${open ? styles.open : ''}`} aria-label={`Paragraph ${n}`}>
      <div
        className={styles.paragraph}
        data-paragraph-index={paragraph.index}
        {...(claim ? { 'data-node-id': claim.id, 'data-node-type': 'claim' } : {})}
        onClick={onClick}
      >
        <p
          className={styles.text}
          ref={textRef}
          data-paragraph-text={paragraph.index}
          tabIndex={0}
          onKeyDown={onKeyDown}
          aria-describedby={`p${paragraph.index}-hint`}
        >
          <QuotedText text={paragraph.text} ranges={ranges} />
        </p>
        <span id={`p${paragraph.index}-hint`} className="visually-hidden">
          Press Enter to {open ? 'close' : 'open'} the discussion of paragraph {n}. Select words to quote them, or use Quote sentences.
        </span>
        <aside className={styles.side} aria-label={`Paragraph ${n} figures`}>
          {part && (
            <span className={`${styles.part} ${styles[part.key]}`} data-part={part.key}>
              {part.text}
            </span>
          )}
          <span className={styles.counts}>
            <span className={styles.support}>{counts.support} {counts.support === 1 ? 'support' : 'supports'}</span>
            <span className={styles.rebut}>{counts.rebuttal} {counts.rebuttal === 1 ? 'rebuttal' : 'rebuttals'}</span>
            {counts.comment > 0 && <span className={styles.comment}>{counts.comment} {counts.comment === 1 ? 'comment' : 'comments'}</span>}
          </span>
          <PerspectiveStrength articleId={articleId} node={{ id: claim?.id ?? paragraph.nodeId ?? '', strength, rated }} compact label={`Strength of paragraph ${n}`} />
          {claim && (
            <button type="button" data-variant="link" aria-expanded={why} onClick={() => setWhy(!why)}>
              Why?
            </button>
          )}
          {paragraph.sentences.length > 0 && (open || !refusal) && (
            <button
              type="button"
              data-variant="link"
              disabled={!!refusal}
              aria-describedby={refusal ? reasonId : undefined}
              aria-expanded={picking}
              onClick={() => {
                if (!picking) back.remember();
                setPicking(!picking);
              }}
            >
              Quote sentences
            </button>
          )}
          <button type="button" aria-expanded={open} onClick={() => onOpen(!open)} className={styles.discuss}>
            {open ? 'Close' : total ? `Discuss (${total})` : 'Discuss'}
          </button>
        </aside>
      </div>
      {refusal && (open || selection) && (
        <p id={reasonId} className={`disabled-reason ${styles.locked}`} data-disabled-reason>
          {refusal.message}
        </p>
      )}
      {why && claim && <StrengthBreakdown nodeId={claim.id} strength={strength} />}
      {picking && (
        <QuotePicker
          paragraph={paragraph}
          onCancel={() => {
            setPicking(false);
            back.restore();
          }}
          onQuote={(quote) => {
            setPicking(false);
            onCompose({ paragraphIndex: paragraph.index, quote });
            onOpen(true);
          }}
        />
      )}
      {selection && !refusal && (
        <QuoteBar
          exact={selection.exact}
          onDismiss={props.onDismissSelection}
          onChoose={() => {
            compose({ paragraphIndex: paragraph.index, quote: selection.quote });
            props.onDismissSelection();
            onOpen(true);
          }}
        />
      )}
      {composing && (
        <Composer
          key={`${composing.type ?? ''}-${composing.quote?.exact ?? ''}`}
          target={{ kind: 'paragraph', articleId, paragraphIndex: paragraph.index, quote: composing.quote }}
          initialType={composing.type}
          onCancel={() => compose(null)}
          onDone={() => onCompose(null)}
        />
      )}
      {open ? (
        <div className={styles.thread}>
          {!composing && (
            <div className={styles.replyButtons}>
              <button type="button" onClick={() => compose({ paragraphIndex: paragraph.index })} disabled={!!refusal} aria-describedby={refusal ? reasonId : undefined}>
                Reply to this paragraph
              </button>
            </div>
          )}
          {claim ? (
            <ThreadTree articleId={articleId} index={index} rootId={claim.id} threadHref={threadHref} label={`Discussion of paragraph ${n}`} emptyText="No replies yet. Be the first." />
          ) : (
            <p>Loading the discussion…</p>
          )}
        </div>
      ) : (
        previews.length > 0 && (
          <div className={styles.previews}>
            <ul className={styles.previewList} aria-label={`Latest replies to paragraph ${n}`}>
              {previews.map((r) => (
                <ReplyPreview key={r.id} node={r} />
              ))}
            </ul>
            {total > previews.length && (
              <button type="button" data-variant="link" onClick={() => onOpen(true)}>
                See all {total} replies
              </button>
            )}
          </div>
        )
      )}
    </section>
  );
}
