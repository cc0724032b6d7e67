import { Injectable } from '@nestjs/common';
import { bridgingScore, DomainError, ERROR_CODES, groupFigures, groupLabel, MIN_SHOWN_GROUP_SIZE, type ArgumentNode, type GroupFigures, type Perspectives } from '@agora/shared';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { ArticleTrees } from '../article-tree/article-trees';
import { ArticlesRepository } from '../articles/articles.repository';
import type { PerspectiveRecord } from './perspective.model';
import { PerspectivesRepository } from './perspectives.repository';

/** Figures computed for an article, kept while neither its groups nor its tree move. */
const FIGURES_KEPT = 16;

/**
 * How each opinion group of an article's readers weighs its nodes: read from the stored groups (any
 * instance's computation) and the article's tree. Only groups of MIN_SHOWN_GROUP_SIZE readers or
 * more are shown, and nobody's group is told but the caller's own.
 */
@Injectable()
export class PerspectivesService {
  private readonly figures = new Map<string, { state: string; figures: GroupFigures }>();

  constructor(
    private readonly repository: PerspectivesRepository,
    private readonly articles: ArticlesRepository,
    private readonly trees: ArticleTrees,
  ) {}

  async view(articleId: string, viewer: RequestUser | null): Promise<Perspectives> {
    if (!(await this.articles.findSummaryById(articleId))) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such article.');
    const record = await this.repository.find(articleId);
    const shown = shownGroups(record);
    const { nodes, disagreement } = await this.figuresOf(articleId, record, shown.map((g) => g.id));
    const mine = viewer ? record?.members[viewer.id] : undefined;
    return {
      version: record?.version ?? 0,
      computedAt: record?.computedAt ? record.computedAt.toISOString() : null,
      groups: shown.map((g) => ({ id: g.id, size: g.size, label: groupLabel(g.id) })),
      // Nodes no group has rated, nor anything beneath them, say nothing of any group: left out, as a
      // big debate's tree is mostly unrated and the answer would grow with it.
      nodes: Object.fromEntries(Object.entries(nodes).filter(([, byGroup]) => Object.values(byGroup).some((f) => f.rated))),
      disagreement,
      ...(mine !== undefined && shown.some((g) => g.id === mine) ? { myGroup: mine } : {}),
    };
  }

  /** Each node's bridging score in the article (see bridgingScore), for sorting replies. */
  async bridging(articleId: string): Promise<(node: ArgumentNode) => number> {
    const record = await this.repository.find(articleId);
    const { nodes } = await this.figuresOf(articleId, record, shownGroups(record).map((g) => g.id));
    return (node) => bridgingScore(Object.values(nodes[node.id] ?? {}).map((f) => f.strength), node.strength);
  }

  private async figuresOf(articleId: string, record: PerspectiveRecord | null, groupIds: string[]): Promise<GroupFigures> {
    const tree = await this.trees.tree(articleId);
    const state = `${record?.version ?? 0}:${tree.version}:${tree.size}`;
    const held = this.figures.get(articleId);
    if (held?.state === state) return held.figures;
    const figures = groupFigures(tree.all(), record?.totals ?? {}, groupIds);
    this.figures.delete(articleId);
    this.figures.set(articleId, { state, figures });
    if (this.figures.size > FIGURES_KEPT) this.figures.delete(this.figures.keys().next().value!);
    return figures;
  }
}

function shownGroups(record: PerspectiveRecord | null): PerspectiveRecord['groups'] {
  return (record?.groups ?? []).filter((g) => g.size >= MIN_SHOWN_GROUP_SIZE);
}
