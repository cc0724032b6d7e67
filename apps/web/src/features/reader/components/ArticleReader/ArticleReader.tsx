import { useCallback, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isModerator, type ArticleDetail } from '@agora/shared';
import { useArticleNodes } from '../../../../api/article-nodes';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { useArticle } from '../../../../api/queries';
import { queryKeys } from '../../../../api/query-keys';
import { useLiveArticle } from '../../../../api/useLiveArticle';
import { ArticleByline } from '../../../../ui/ArticleByline/ArticleByline';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { LiveIndicator } from '../../../../ui/LiveIndicator/LiveIndicator';
import { RelativeTime } from '../../../../ui/RelativeTime/RelativeTime';
import { useAuth } from '../../../auth/hooks/useAuth';
import { PerspectiveSwitch } from '../../../perspectives/components/PerspectiveSwitch/PerspectiveSwitch';
import { useTextSelection } from '../../hooks/useTextSelection';
import { ParagraphBlock, type ComposerState } from '../ParagraphBlock/ParagraphBlock';
import { RevisionDiff } from '../RevisionDiff/RevisionDiff';
import styles from './ArticleReader.module.css';
import { useDocumentTitle } from '../../../../ui/focus/focus';

/**
 * The article as written, paragraph by paragraph, each with its discussion; kept live. The first screen
 * brings each paragraph's figures and strongest replies; the rest load as the reader opens them.
 */
export function ArticleReader() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const qc = useQueryClient();
  const article = useArticle(id);
  useDocumentTitle(article.data?.title);
  const tree = useArticleNodes(id);
  const live = useLiveArticle(id, user);
  const [openIndex, setOpenIndex] = useState<number | null>(null);
  const [showChanges, setShowChanges] = useState(false);
  const [composer, setComposer] = useState<ComposerState | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useTextSelection(rootRef);
  const threadHref = useCallback((nodeId: string) => `/articles/${id}/nodes/${nodeId}`, [id]);
  const describe = useCallback(
    (nodeId: string) => {
      const node = tree.index.byId.get(nodeId);
      return node && !node.withdrawn ? { text: node.text, href: threadHref(nodeId) } : undefined;
    },
    [tree.index, threadHref],
  );

  const lock = useMutation({
    mutationFn: (locked: boolean) => api.lockArticle(id, locked),
    onSuccess: (_r, locked) => qc.setQueryData<ArticleDetail>(queryKeys.article(id), (a) => (a ? { ...a, locked } : a)),
  });

  if (article.isPending) return <p className={styles.loading}>Loading the article…</p>;
  if (article.isError) return <ErrorNote>{errorMessage(article.error)}</ErrorNote>;
  const a = article.data;
  // Kept current by live events (see putNode).
  const replyCount = a.replyCount;

  return (
    <div className={styles.reader} ref={rootRef}>
      <header className={styles.header}>
        <h1 className={styles.title} data-node-id={a.rootNodeId} data-node-type="claim">
          {a.title}
        </h1>
        <ArticleByline metadata={a.metadata} />
        <div className={styles.bar}>
          <LiveIndicator status={live.status} viewers={live.viewers} />
          <span className={styles.meta}>
            {a.paragraphCount} paragraphs · {replyCount} {replyCount === 1 ? 'reply' : 'replies'} · active <RelativeTime iso={a.lastActivityAt} />
          </span>
          <Link to={`/articles/${id}/map`} className={styles.mapLink}>
            Argument map
          </Link>
          {isModerator(user) && (
            <button type="button" onClick={() => lock.mutate(!a.locked)} disabled={lock.isPending}>
              {a.locked ? 'Unlock article' : 'Lock article'}
            </button>
          )}
        </div>
        <PerspectiveSwitch articleId={id} describe={describe} />
        {a.revision > 0 && a.revisedAt && (
          <div className={styles.revised}>
            <span>
              Revised on <time dateTime={a.revisedAt}>{new Date(a.revisedAt).toLocaleString([], { dateStyle: 'long', timeStyle: 'short' })}</time> (version {a.revision + 1}).
            </span>{' '}
            <button type="button" aria-expanded={showChanges} onClick={() => setShowChanges(!showChanges)}>
              {showChanges ? 'Hide changes' : 'What changed'}
            </button>
            {showChanges && <RevisionDiff articleId={id} revision={a.revision} />}
          </div>
        )}
        {a.locked && <p className={styles.locked}>This article is locked: reading only, no new replies or votes.</p>}
        {lock.isError && <ErrorNote>{errorMessage(lock.error)}</ErrorNote>}
        {tree.isError && <ErrorNote>Could not load the discussion: {errorMessage(tree.error)}</ErrorNote>}
        <p className={styles.hint}>Select words in a paragraph to rebut or support them, or open a paragraph to join its discussion.</p>
      </header>
      {a.paragraphs.map((p) => (
        <ParagraphBlock
          key={p.index}
          articleId={id}
          paragraph={p}
          index={tree.index}
          open={openIndex === p.index}
          onOpen={(open) => setOpenIndex(open ? p.index : openIndex === p.index ? null : openIndex)}
          selection={selection?.paragraphIndex === p.index ? { exact: selection.quote.exact, quote: selection.quote } : null}
          onDismissSelection={() => setSelection(null)}
          composer={composer}
          onCompose={setComposer}
          threadHref={threadHref}
        />
      ))}
    </div>
  );
}
