import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { bridgingScore, type ArgumentNode, type Perspectives } from '@agora/shared';
import { api } from '../../../api/http';
import { queryKeys } from '../../../api/query-keys';
import { useAuth } from '../../auth/hooks/useAuth';
import { usePerspectiveChoice } from './perspective-choice';

/** The groups are recomputed in the background a while after votes: read them again now and then. */
const REFRESH_MS = 30_000;

/** Where groups' strengths of a node lie this far apart, it is marked as splitting them. */
export const SPLIT_SHOWN = 0.25;

/** A node's strength as the chosen perspective sees it. */
export interface ShownStrength {
  value: number;
  /** False when nobody (or the chosen group) has rated the node nor anything beneath it. */
  rated: boolean;
  /** The chosen group's label, or null for everyone. */
  group: string | null;
}

/**
 * An article's opinion groups and the perspective the reader has chosen: everyone, or one group. A
 * chosen group that is no longer shown falls back to everyone.
 */
export function usePerspectives(articleId: string) {
  const { user } = useAuth();
  const query = useQuery({
    queryKey: queryKeys.perspectives(articleId, user?.id),
    queryFn: () => api.perspectives(articleId),
    enabled: !!articleId,
    staleTime: REFRESH_MS,
    refetchInterval: REFRESH_MS,
  });
  const [chosen, choose] = usePerspectiveChoice(articleId);
  const data: Perspectives | undefined = query.data;
  const group = data?.groups.find((g) => g.id === chosen) ?? null;

  const strengthOf = useCallback(
    (node: Pick<ArgumentNode, 'id' | 'strength' | 'rated'>): ShownStrength => {
      if (!group) return { value: node.strength, rated: node.rated, group: null };
      const figure = data?.nodes[node.id]?.[group.id];
      return { value: figure?.strength ?? 0.5, rated: figure?.rated ?? false, group: group.label };
    },
    [data, group],
  );
  /** The server's bridging order (see bridgingScore), for the replies already on the page. */
  const bridgingOf = useCallback(
    (node: ArgumentNode): number => bridgingScore(Object.values(data?.nodes[node.id] ?? {}).map((f) => f.strength), node.strength),
    [data],
  );
  /** Each group's figure on a node where they part, for display; undefined where they agree or few rated. */
  const splitOf = useCallback(
    (nodeId: string) => {
      const spread = data?.disagreement[nodeId];
      if (!data || spread === undefined) return undefined;
      return { spread, groups: data.groups.flatMap((g) => (data.nodes[nodeId]?.[g.id]?.rated ? [{ label: g.label, strength: data.nodes[nodeId][g.id].strength }] : [])) };
    },
    [data],
  );
  return { data, groups: data?.groups ?? [], myGroup: data?.myGroup, chosen: group?.id ?? null, choose, strengthOf, bridgingOf, splitOf };
}
