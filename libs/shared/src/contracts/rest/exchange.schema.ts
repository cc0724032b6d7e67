import { z } from 'zod';
import type { ArticleMetadata } from './articles.schema';
import type { Anchor, NodeType, VoteTotals } from './nodes.schema';

export const EXPORT_FORMATS = ['json', 'argdown', 'aif'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportQuerySchema = z.strictObject({ format: z.enum(EXPORT_FORMATS).default('json') });
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** The formats a debate is imported from (the body is an import's: `text` holds the document). */
export const importQuerySchema = z.strictObject({ format: z.enum(['argdown']) });

/** One public argument of a debate, as exported. */
export interface ExportedNode {
  id: string;
  parentId: string | null;
  type: NodeType;
  /** `attacks`: a rebuttal, or a paragraph claim against the thesis; `comments`: a comment, which takes no side; `supports`: the rest (the thesis: null). */
  relation: 'supports' | 'attacks' | 'comments' | null;
  origin: 'article' | 'user';
  text: string;
  authorName: string | null;
  paragraphIndex: number | null;
  anchor: Anchor | null;
  votes: Pick<VoteTotals, 'count' | 'sum'>;
  strength: number;
  rated: boolean;
  createdAt: string;
}

/** `GET /api/articles/:id/export?format=json`: a debate as Agora holds it, public arguments only. */
export interface DebateExport {
  format: 'agora-debate';
  version: 1;
  exportedAt: string;
  article: { id: string; title: string; metadata: ArticleMetadata; createdAt: string };
  nodes: ExportedNode[];
}

/** The Argument Interchange Format as AIFdb and OVA read it. */
export interface AifDocument {
  nodes: { nodeID: string; text: string; type: 'I' | 'RA' | 'CA' | 'L' | 'YA'; timestamp?: string }[];
  edges: { edgeID: string; fromID: string; toID: string }[];
  locutions: { nodeID: string; personID: string; timestamp: string }[];
  participants: { participantID: string; firstname: string; surname: string }[];
}
