import type { DebateExport } from '../../contracts/rest/exchange.schema';

// Every character Argdown's lexer may read as syntax (tags, mentions, links, emphasis, data, relations).
const SYNTAX = /[\\[\]<>#*_{}@+\-:=/`~|&!^%$"']/g;

/** Text as one Argdown line: whitespace folded, syntax escaped with a backslash. */
export const argdownText = (text: string): string => text.replace(/\s+/g, ' ').trim().replace(SYNTAX, (c) => `\\${c}`);

/**
 * The debate as Argdown: the thesis first, each argument indented beneath what it supports (`+`) or
 * attacks (`-`), titled by its place (N1, N2, …) with its id, votes and strength as data. A comment
 * takes no side, so it stands on its own, in no relation, with the replies to it beneath it; its
 * data names what it comments on.
 */
export function toArgdown(debate: DebateExport): string {
  const title = new Map(debate.nodes.map((n, i) => [n.id, `N${i + 1}`]));
  const depth = new Map<string, number>();
  const lines = [`# ${argdownText(debate.article.title)}`, ''];
  for (const n of debate.nodes) {
    const comment = n.relation === 'comments';
    const level = n.parentId === null || comment ? 0 : (depth.get(n.parentId) ?? 0) + 1;
    depth.set(n.id, level);
    const on = comment && n.parentId !== null ? `, commentsOn: '${title.get(n.parentId)}'` : '';
    const data = `{id: '${n.id}', votes: ${n.votes.count}, strength: ${Number(n.strength.toFixed(4))}, rated: ${n.rated}${on}}`;
    const statement = `[${title.get(n.id)}]: ${argdownText(n.text)} ${data}`;
    if (level === 0) lines.push(...(lines[lines.length - 1] === '' ? [] : ['']), statement);
    else lines.push(`${'  '.repeat(level)}${n.relation === 'attacks' ? '-' : '+'} ${statement}`);
  }
  return `${lines.join('\n')}\n`;
}
