import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ArticleParagraph, OrphanView } from '@agora/shared';
import { reloadArticle } from '../../../../api/article-nodes';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { articleQuery, useArticles } from '../../../../api/queries';
import { queryKeys } from '../../../../api/query-keys';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import styles from './OrphansPanel.module.css';

const excerpt = (text: string): string => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** One orphan, with a form to attach it beneath a paragraph of the current text (and a passage of it). */
function OrphanCard({ articleId, orphan, paragraphs }: { articleId: string; orphan: OrphanView; paragraphs: ArticleParagraph[] }) {
  const qc = useQueryClient();
  const [paragraphIndex, setParagraphIndex] = useState(0);
  const [quote, setQuote] = useState('');
  const attach = useMutation({
    mutationFn: () => api.attachOrphan(articleId, orphan.node.id, { paragraphIndex, ...(quote.trim() ? { quote: { exact: quote.trim() } } : {}) }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: queryKeys.orphans(articleId) });
      await reloadArticle(qc, articleId);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    attach.mutate();
  };
  const { node } = orphan;
  return (
    <li className={styles.card} data-node-id={node.id}>
      <p className={styles.text}>{node.withdrawn ? 'Withdrawn by its author.' : node.text}</p>
      <p className={styles.meta}>
        {node.origin === 'article' ? 'From the article' : `By ${node.authorName ?? 'unknown'}`} · orphaned by revision {orphan.revision}
        {orphan.formerParagraphIndex !== null && ` · was on paragraph ${orphan.formerParagraphIndex + 1}`}
      </p>
      {orphan.quote && <blockquote className={styles.quote}>“{orphan.quote}”</blockquote>}
      <form className={styles.form} onSubmit={submit} aria-label={`Attach ${excerpt(node.text)}`}>
        <label>
          Paragraph{' '}
          <select value={paragraphIndex} onChange={(e) => setParagraphIndex(Number(e.target.value))}>
            {paragraphs.map((p) => (
              <option key={p.index} value={p.index}>
                {p.index + 1}. {excerpt(p.text)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Passage (optional) <input value={quote} onChange={(e) => setQuote(e.target.value)} maxLength={2000} />
        </label>
        <button type="submit" disabled={attach.isPending}>
          Attach
        </button>
      </form>
      {attach.isError && <ErrorNote>{errorMessage(attach.error)}</ErrorNote>}
    </li>
  );
}

/** An article's orphans: replies and sentences a revision left without their passage, to attach again. */
function ArticleOrphans({ articleId }: { articleId: string }) {
  const orphans = useQuery({ queryKey: queryKeys.orphans(articleId), queryFn: () => api.orphans(articleId), staleTime: 0 });
  const article = useQuery(articleQuery(articleId));
  if (orphans.isError) return <ErrorNote>{errorMessage(orphans.error)}</ErrorNote>;
  if (article.isError) return <ErrorNote>{errorMessage(article.error)}</ErrorNote>;
  if (!orphans.data || !article.data) return <p>Loading…</p>;
  if (!orphans.data.items.length) return <p>No orphans in this article.</p>;
  return (
    <ul className={styles.list}>
      {orphans.data.items.map((o) => (
        <OrphanCard key={o.node.id} articleId={articleId} orphan={o} paragraphs={article.data.paragraphs} />
      ))}
    </ul>
  );
}

/** The moderators' tab of orphans, article by article (revised articles only). */
export function OrphansPanel() {
  const articles = useArticles();
  const [chosen, setChosen] = useState('');
  if (articles.isError) return <ErrorNote>{errorMessage(articles.error)}</ErrorNote>;
  if (!articles.data) return <p>Loading…</p>;
  const revised = articles.data.filter((a) => a.revision > 0);
  if (!revised.length) return <p>No article has been revised: there are no orphans.</p>;
  const articleId = chosen || revised[0].id;
  return (
    <div>
      <label>
        Article{' '}
        <select value={articleId} onChange={(e) => setChosen(e.target.value)}>
          {revised.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </select>
      </label>
      <ArticleOrphans articleId={articleId} />
    </div>
  );
}
