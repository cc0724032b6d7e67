import { z } from 'zod';

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(2, 'type at least 2 characters').max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export interface SearchResult {
  kind: 'article' | 'node';
  id: string;
  articleId: string;
  /** The article's title (for a node: the title of its article). */
  title: string;
  /** Where the words were found, as plain text. */
  excerpt: string;
}

export interface SearchResponse {
  items: SearchResult[];
}
