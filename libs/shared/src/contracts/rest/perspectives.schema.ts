import { z } from 'zod';

/** Groups smaller than this are not shown: a handful of readers would be too easy to tell apart. */
export const MIN_SHOWN_GROUP_SIZE = 5;

export const perspectiveGroupSchema = z.strictObject({
  /** Stable from one computation to the next while the group stays recognisably the same. */
  id: z.string(),
  size: z.number().int().min(MIN_SHOWN_GROUP_SIZE),
  label: z.string(),
});
export type PerspectiveGroup = z.infer<typeof perspectiveGroupSchema>;

export const groupNodeFigureSchema = z.strictObject({
  /** The node's strength computed from this group's votes alone. */
  strength: z.number().min(0).max(1),
  /** Whether anyone of the group voted on the node or beneath it; unrated, the strength says nothing of the group. */
  rated: z.boolean(),
});
export type GroupNodeFigureView = z.infer<typeof groupNodeFigureSchema>;

/** `GET /api/articles/:id/perspectives`: how each opinion group of readers weighs every public node. */
export const perspectivesSchema = z.strictObject({
  /** Moves with each computation of the groups. */
  version: z.number().int().min(0),
  /** When the groups were last computed (null: never). */
  computedAt: z.string().nullable(),
  groups: z.array(perspectiveGroupSchema),
  /** `[nodeId][groupId]`, for every shown group; a node that no group has rated (nor beneath it) is absent. */
  nodes: z.record(z.string(), z.record(z.string(), groupNodeFigureSchema)),
  /** Where the groups part: highest minus lowest strength among the groups that rated the node. */
  disagreement: z.record(z.string(), z.number().min(0).max(1)),
  /** The caller's own group, when signed in and placed in a group shown; nobody else's is ever told. */
  myGroup: z.string().optional(),
});
export type Perspectives = z.infer<typeof perspectivesSchema>;
