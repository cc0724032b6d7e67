import { Inject, Injectable, Logger } from '@nestjs/common';
import { debateFromArgdown, DomainError, ERROR_CODES, NO_METADATA, type ArticleParagraph, type ImportArticleInput } from '@agora/shared';
import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ArticlesRepository } from '../articles/articles.repository';
import { ArticlesService, slugify, type ImportResult } from '../articles/articles.service';
import { newNode } from '../nodes/new-node';
import type { NodeRecord } from '../nodes/node.model';
import { NodesRepository } from '../nodes/nodes.repository';
import { readArgdown } from './argdown-reader';

/**
 * A debate from an Argdown document: its first statement that argues for or against nothing is the
 * thesis, each statement supporting or attacking the thesis a paragraph's claim (its relation its
 * stance), each one beneath those a support or rebuttal as its relation says (see debateFromArgdown).
 * Everything is the article's own (no author); votes are not carried over.
 */
@Injectable()
export class ArgdownImporter {
  private readonly logger = new Logger(ArgdownImporter.name);

  constructor(
    private readonly articles: ArticlesRepository,
    private readonly articleService: ArticlesService,
    private readonly nodes: NodesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async import(input: ImportArticleInput): Promise<ImportResult> {
    const model = await readArgdown(input.text);
    if (model.errors.length > 0) throw new DomainError(ERROR_CODES.ARTICLE_INVALID, `The Argdown document does not parse: ${model.errors[0]}`);
    const args = debateFromArgdown(model);
    if (args.length > this.config.IMPORT_MAX_NODES) {
      throw new DomainError(ERROR_CODES.PAYLOAD_TOO_LARGE, `The document makes ${args.length} argument nodes; at most ${this.config.IMPORT_MAX_NODES} are taken.`, { nodes: args.length });
    }
    if (!args.some((a) => a.depth === 1)) throw new DomainError(ERROR_CODES.ARTICLE_INVALID, 'The Argdown document has no statement supporting or attacking another.');
    const hash = createHash('sha256').update(`argdown\n${input.text}`).digest('hex');
    const existing = await this.articles.findByHash(hash);
    if (existing?.state === 'ready') return { article: await this.articleService.get(String(existing._id)), created: false };
    if (existing) throw new DomainError(ERROR_CODES.ARTICLE_INVALID, 'This document is being imported right now; try again shortly.');

    const articleId = new Types.ObjectId();
    const now = new Date();
    const made = new Map<string, NodeRecord>();
    const paragraphOf = new Map<string, number>();
    const paragraphs: ArticleParagraph[] = [];
    for (const a of args) {
      const parent = a.parentKey === null ? undefined : made.get(a.parentKey)!;
      const base = { articleId, origin: 'article' as const, text: a.text.slice(0, 5000), createdAt: now };
      if (!parent) {
        made.set(a.key, newNode({ ...base, type: 'claim' }));
        continue;
      }
      const paragraphIndex = a.depth === 1 ? paragraphs.length : paragraphOf.get(a.parentKey!)!;
      const stance = a.relation === 'attacks' ? ('against' as const) : ('for' as const);
      const node = newNode({
        ...base,
        type: a.depth === 1 ? 'claim' : a.relation === 'attacks' ? 'rebuttal' : 'support',
        parentId: parent._id,
        ancestors: [...parent.ancestors, parent._id],
        depth: a.depth,
        paragraphIndex,
        ...(a.depth === 1 ? { stance } : {}),
      });
      made.set(a.key, node);
      paragraphOf.set(a.key, paragraphIndex);
      if (a.depth === 1) {
        const sentence = { index: 0, text: node.text, start: 0, end: node.text.length, role: 'claim' as const, target: null, stance, attribution: null, hedges: [], question: false, nodeId: String(node._id) };
        paragraphs.push({ index: paragraphIndex, text: node.text, sentences: [sentence], nodeId: String(node._id) });
      }
    }
    const root = made.get(args[0].key)!;
    const title = (input.title?.trim() || model.title?.trim() || root.text).slice(0, 300);
    const all = [...made.values()];
    await this.articles.insert(
      {
        _id: articleId, title, slug: `${slugify(title)}-${hash.slice(0, 8)}`, hash, rootNodeId: root._id, metadata: { ...NO_METADATA, ...input.metadata },
        state: 'importing', locked: false, paragraphCount: paragraphs.length, nodeCount: all.length, createdAt: now,
      },
      { source: input.text, paragraphs },
    );
    await this.nodes.insertMany(all);
    await this.articles.update(articleId, { $set: { state: 'ready' } });
    this.logger.log(`Imported "${title}" from Argdown: ${paragraphs.length} claims, ${all.length} nodes`);
    return { article: await this.articleService.get(String(articleId)), created: true };
  }
}
