import LinkifyIt from 'linkify-it';
import { Fragment, type ReactNode } from 'react';
import styles from './LinkedText.module.css';

const linkify = new LinkifyIt();

/** Only web links are made links: anything else (javascript:, data:, mailto:) stays text. */
const WEB = /^https?:\/\//i;

const domainOf = (url: string): string | null => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
};

/**
 * A reader's text as text, its web addresses as links that say where they lead (the domain, so a
 * link's words cannot pass for another site) and carry no endorsement (`nofollow ugc`) or opener.
 */
export function LinkedText({ text }: { text: string }) {
  const matches = (linkify.match(text) ?? []).filter((m) => WEB.test(m.url) && domainOf(m.url));
  if (matches.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  matches.forEach((m, i) => {
    if (m.index > at) parts.push(<Fragment key={`t${i}`}>{text.slice(at, m.index)}</Fragment>);
    parts.push(
      <a key={`a${i}`} href={m.url} rel="nofollow ugc noopener noreferrer" target="_blank">
        {m.text}
        <span className={styles.domain}> ({domainOf(m.url)})</span>
      </a>,
    );
    at = m.lastIndex;
  });
  if (at < text.length) parts.push(<Fragment key="end">{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}
