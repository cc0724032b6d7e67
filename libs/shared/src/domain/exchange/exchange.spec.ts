import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import type { ArgumentNode } from '../../contracts/rest/nodes.schema';
import { toAif } from './aif';
import { toArgdown } from './argdown';
import { debateExport } from './debate-export';

const article = { id: 'a'.repeat(24), title: 'Iraq: #sectarianism [and] its_critics', metadata: { sourceUrl: null, author: null, publishedAt: null, licence: null }, createdAt: '2026-12-01T00:00:00.000Z' };
let serial = 0;
const node = (over: Partial<ArgumentNode>): ArgumentNode =>
  ({
    id: (serial++).toString(16).padStart(24, '0'),
    articleId: article.id,
    parentId: null,
    ancestors: [],
    depth: 0,
    type: 'claim',
    text: 'A text.',
    authorId: null,
    authorName: null,
    origin: 'article',
    paragraphIndex: null,
    sentenceIndex: null,
    anchor: null,
    status: 'visible',
    votes: { count: 0, sum: 0, histogram: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } },
    votesVersion: 0,
    strength: 0.5,
    rated: false,
    replyCounts: { support: 0, rebuttal: 0, comment: 0 },
    locked: false,
    pinned: false,
    withdrawn: false,
    createdAt: `2026-12-01T00:00:0${serial % 10}.000Z`,
    editedAt: null,
    version: 1,
    ...over,
  }) as ArgumentNode;

/** Parses Argdown as @argdown/core does (in a child process: the library is ESM only). */
function parseArgdown(source: string): { errors: string[]; statements: Record<string, { text: string; data: Record<string, unknown> | null }>; relations: string[] } {
  const run = spawnSync(process.execPath, [join(__dirname, '../../testing/parse-argdown.mjs')], { input: source, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

describe('debate export', () => {
  const thesis = node({ text: 'Sectarian violence is *not* inevitable.' });
  const claimFor = node({ parentId: thesis.id, text: 'Militias - on both sides - coordinated: see {report} @UN.', paragraphIndex: 0, stance: 'for' });
  const claimAgainst = node({ parentId: thesis.id, text: 'But "history" says # otherwise \\ sadly.', paragraphIndex: 1, stance: 'against' });
  const reply = node({ parentId: claimFor.id, type: 'rebuttal', origin: 'user', authorName: 'ann', text: '+ The report_is [disputed] <by whom?> 50%!', anchor: { exact: 'coordinated', prefix: '', suffix: '', start: 0, end: 11 } as never, votes: { count: 2, sum: 9, histogram: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 1 } }, strength: 0.7, rated: true });
  const support = node({ parentId: reply.id, type: 'support', origin: 'user', authorName: 'ben', text: 'Indeed.\nTwo lines.' });
  const withdrawn = node({ parentId: thesis.id, type: 'support', origin: 'user', authorName: 'cy', text: 'Gone.', withdrawn: true });
  const sut = debateExport(article, [support, reply, claimAgainst, withdrawn, claimFor, thesis], '2026-12-06T00:00:00.000Z');

  it('orders parents before children, says how each relates, and leaves withdrawn arguments out', () => {
    expect(sut.nodes.map((n) => n.id)).toEqual([thesis.id, claimFor.id, reply.id, support.id, claimAgainst.id]);
    expect(sut.nodes.map((n) => n.relation)).toEqual([null, 'supports', 'attacks', 'supports', 'attacks']);
    expect(sut.nodes[2]).toMatchObject({ authorName: 'ann', votes: { count: 2, sum: 9 }, strength: 0.7, rated: true, anchor: { exact: 'coordinated' } });
  });

  it('writes Argdown that @argdown/core reads back into the same statements and relations', () => {
    const parsed = parseArgdown(toArgdown(sut));
    expect(parsed.errors).toEqual([]);
    expect(Object.values(parsed.statements).map((s) => s.text)).toEqual(sut.nodes.map((n) => n.text.replace(/\s+/g, ' ')));
    expect(parsed.relations).toEqual(['N2 support N1', 'N3 attack N2', 'N4 support N3', 'N5 attack N1'].sort());
    expect(parsed.statements.N3.data).toMatchObject({ id: reply.id, votes: 2, strength: 0.7, rated: true });
  });

  describe('a comment', () => {
    const question = node({ parentId: claimFor.id, type: 'comment', origin: 'user', authorName: 'dee', text: 'Which report?' });
    const answer = node({ parentId: question.id, type: 'support', origin: 'user', authorName: 'ann', text: 'The UN one.' });
    const debate = debateExport(article, [thesis, claimFor, question, answer], sut.exportedAt);

    it('relates to what it comments on as a comment, neither support nor attack', () => {
      expect(debate.nodes.map((n) => n.relation)).toEqual([null, 'supports', 'comments', 'supports']);
    });

    it('stands in Argdown as a statement in no relation, with its replies beneath it, and reads back', () => {
      const parsed = parseArgdown(toArgdown(debate));
      expect(parsed.errors).toEqual([]);
      expect(Object.values(parsed.statements).map((s) => s.text)).toEqual(debate.nodes.map((n) => n.text));
      expect(parsed.relations).toEqual(['N2 support N1', 'N4 support N3'].sort());
      expect(parsed.statements.N3.data).toMatchObject({ id: question.id, commentsOn: 'N2' });
    });

    it('is in AIF an I-node said by its author, in no RA or CA', () => {
      const aif = toAif(debate);
      expect(aif.nodes.filter((n) => n.type === 'RA')).toHaveLength(2);
      expect(aif.nodes.filter((n) => n.type === 'CA')).toHaveLength(0);
      const iQuestion = aif.nodes.find((n) => n.type === 'I' && n.text === 'Which report?')!;
      const schemes = aif.edges.filter((e) => e.fromID === iQuestion.nodeID).map((e) => aif.nodes.find((n) => n.nodeID === e.toID)!.type);
      expect(schemes).toEqual([]);
      expect(aif.locutions).toHaveLength(4);
    });
  });

  it('round-trips any text a reader may write', () => {
    // One document of many random texts: @argdown/core runs in a child process, once.
    const texts = fc.sample(fc.string({ minLength: 1, maxLength: 80, unit: 'binary' }).filter((s) => s.trim().length > 0), { numRuns: 150, seed: 42 });
    const nodes = [thesis, ...texts.map((text) => node({ parentId: thesis.id, type: 'rebuttal', origin: 'user', authorName: 'x', text }))];
    const debate = debateExport(article, nodes, sut.exportedAt);
    const parsed = parseArgdown(toArgdown(debate));
    expect(parsed.errors).toEqual([]);
    expect(Object.values(parsed.statements).map((s) => s.text)).toEqual(debate.nodes.map((n) => n.text.replace(/\s+/g, ' ').trim()));
  });

  it('writes AIF: I-nodes, RA for support, CA for conflict, locutions for who said what', () => {
    const aif = toAif(sut);
    const inodes = aif.nodes.filter((n) => n.type === 'I');
    expect(inodes.map((n) => n.text)).toEqual(sut.nodes.map((n) => n.text));
    const byId = new Map(aif.nodes.map((n) => [n.nodeID, n]));
    const into = (id: string) => aif.edges.filter((e) => e.toID === id).map((e) => byId.get(e.fromID)!);
    const outOf = (id: string) => aif.edges.filter((e) => e.fromID === id).map((e) => byId.get(e.toID)!);
    const [iThesis, iFor, iReply] = inodes;
    // The reply attacks the claim through a CA node; the claim supports the thesis through an RA node.
    const ca = outOf(iReply.nodeID).find((n) => n.type === 'CA')!;
    expect(outOf(ca.nodeID)).toEqual([iFor]);
    const ra = outOf(iFor.nodeID).find((n) => n.type === 'RA')!;
    expect(outOf(ra.nodeID)).toEqual([iThesis]);
    expect(aif.nodes.filter((n) => n.type === 'CA')).toHaveLength(2);
    expect(aif.nodes.filter((n) => n.type === 'RA')).toHaveLength(2);
    // Every I-node is asserted by a locution, and every edge joins two existing nodes.
    for (const i of inodes) expect(into(i.nodeID).some((n) => n.type === 'YA' && into(n.nodeID)[0].type === 'L')).toBe(true);
    for (const e of aif.edges) expect(byId.has(e.fromID) && byId.has(e.toID)).toBe(true);
    expect(aif.participants.map((p) => p.firstname).sort()).toEqual(['ann', 'ben', 'the article']);
    expect(aif.locutions).toHaveLength(inodes.length);
  });
});
