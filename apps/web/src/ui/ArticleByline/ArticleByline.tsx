import { Fragment, type ReactNode } from 'react';
import type { ArticleMetadata } from '@agora/shared';
import styles from './ArticleByline.module.css';

/** A date as written (a day is a calendar day, not a moment to shift into the reader's zone). */
function formatPublished(iso: string): string {
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dayOnly ? `${iso}T00:00:00Z` : iso);
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', ...(dayOnly ? { timeZone: 'UTC' } : {}) });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Who wrote the article, when, where it was first published and on what licence; nothing when none is known. */
export function ArticleByline({ metadata }: { metadata: ArticleMetadata }) {
  const { author, publishedAt, sourceUrl, licence } = metadata;
  if (!author && !publishedAt && !sourceUrl && !licence) return null;
  const parts: [string, ReactNode][] = [];
  if (author) parts.push(['author', <span>By {author}</span>]);
  if (publishedAt) parts.push(['published', <time dateTime={publishedAt}>{formatPublished(publishedAt)}</time>]);
  if (sourceUrl) {
    parts.push([
      'source',
      <span>
        Source:{' '}
        <a href={sourceUrl} target="_blank" rel="noopener noreferrer nofollow">
          {hostOf(sourceUrl)}
        </a>
      </span>,
    ]);
  }
  if (licence) parts.push(['licence', <span>Licence: {licence}</span>]);
  return (
    <p className={styles.byline} data-testid="article-byline">
      {parts.map(([key, part], i) => (
        <Fragment key={key}>
          {i > 0 && <span aria-hidden="true"> · </span>}
          {part}
        </Fragment>
      ))}
    </p>
  );
}
