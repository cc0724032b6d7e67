import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { diffWords } from 'diff';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { queryKeys } from '../../../../api/query-keys';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import styles from './RevisionDiff.module.css';

/** Two texts' differences word by word: deletions struck through, insertions marked, all rendered as text. */
export function TextDiff({ before, after }: { before: string; after: string }) {
  const parts = useMemo(() => diffWords(before, after), [before, after]);
  return (
    <div className={styles.diff} data-testid="text-diff">
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i} className={styles.added}>
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i} className={styles.removed}>
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </div>
  );
}

const paragraphsOf = (text: { paragraphs: string[] }): string => text.paragraphs.join('\n\n');

/** What a revision changed in the article's paragraphs, against the version before it. */
export function RevisionDiff({ articleId, revision }: { articleId: string; revision: number }) {
  const before = useQuery({ queryKey: queryKeys.revisionText(articleId, revision - 1), queryFn: () => api.revisionText(articleId, revision - 1), staleTime: Infinity });
  const after = useQuery({ queryKey: queryKeys.revisionText(articleId, revision), queryFn: () => api.revisionText(articleId, revision), staleTime: Infinity });
  if (before.isError || after.isError) return <ErrorNote>{errorMessage(before.error ?? after.error)}</ErrorNote>;
  if (!before.data || !after.data) return <p className={styles.loading}>Loading the changes…</p>;
  return <TextDiff before={paragraphsOf(before.data)} after={paragraphsOf(after.data)} />;
}
