import { useCallback } from 'react';
import type { ArgumentNode } from '@agora/shared';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../../api/errors';
import { useArticle, useFullTree } from '../../../../api/queries';
import { useLiveArticle } from '../../../../api/useLiveArticle';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { LiveIndicator } from '../../../../ui/LiveIndicator/LiveIndicator';
import { useAuth } from '../../../auth/hooks/useAuth';
import { PerspectiveSwitch } from '../../../perspectives/components/PerspectiveSwitch/PerspectiveSwitch';
import { SPLIT_SHOWN, usePerspectives } from '../../../perspectives/hooks/usePerspectives';
import { useMapView } from '../../hooks/useMapView';
import { useNarrowScreen } from '../../hooks/useNarrowScreen';
import { ArgumentMap } from '../ArgumentMap/ArgumentMap';
import { MapLegend } from '../MapLegend/MapLegend';
import type { MapPerspective } from '../MapNode/MapNode';
import { MapOutline } from '../MapOutline/MapOutline';
import { MapSearch } from '../MapSearch/MapSearch';
import styles from './MapPage.module.css';

/** The argument map of an article: a canvas on wide screens, an outline on phones; a node opens its thread. */
export default function MapPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const navigate = useNavigate();
  const article = useArticle(id);
  const tree = useFullTree(id);
  const live = useLiveArticle(id, user);
  const narrow = useNarrowScreen();
  const view = useMapView(tree.data);
  const threadHref = useCallback((nodeId: string) => `/articles/${id}/nodes/${nodeId}`, [id]);
  const onOpen = useCallback((nodeId: string) => navigate(threadHref(nodeId)), [navigate, threadHref]);
  const { strengthOf, splitOf } = usePerspectives(id);
  const perspectiveOf = useCallback(
    (node: ArgumentNode): MapPerspective => ({ ...strengthOf(node), split: (splitOf(node.id)?.spread ?? 0) >= SPLIT_SHOWN }),
    [strengthOf, splitOf],
  );
  const describe = useCallback(
    (nodeId: string) => {
      const node = tree.index.byId.get(nodeId);
      return node && !node.withdrawn ? { text: node.text, href: threadHref(nodeId) } : undefined;
    },
    [tree.index, threadHref],
  );
  const { moveTo } = view;
  const onFound = useCallback((nodeId: string) => moveTo(nodeId, { highlight: true }), [moveTo]);
  const onMove = useCallback((nodeId: string) => moveTo(nodeId), [moveTo]);

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title}>
          Argument map{article.data && <span className={styles.sub}>: {article.data.title}</span>}
        </h1>
        <div className={styles.bar}>
          <LiveIndicator status={live.status} viewers={live.viewers} />
          <Link to={`/articles/${id}`}>Back to the article</Link>
        </div>
        <div className={styles.tools}>
          <MapSearch nodes={view.all} onChoose={onFound} />
          <label className={styles.check}>
            <input type="checkbox" checked={view.showSentences} onChange={(e) => view.setShowSentences(e.target.checked)} />
            Show the article’s sentences
          </label>
        </div>
        <MapLegend />
        {!narrow && <p className={styles.hint}>Click the map, then use the arrow keys to move along the tree, Space to fold or unfold, Enter to open a thread.</p>}
        <PerspectiveSwitch articleId={id} describe={describe} />
      </header>
      {tree.isPending && <p>Loading…</p>}
      {tree.isError && <ErrorNote>{errorMessage(tree.error)}</ErrorNote>}
      {tree.data &&
        (narrow ? (
          <MapOutline
            visible={view.visible}
            collapsed={view.collapsed}
            highlighted={view.highlighted}
            focus={view.focus}
            threadHref={threadHref}
            onToggle={view.toggle}
            perspectiveOf={perspectiveOf}
          />
        ) : (
          <div className={styles.canvas}>
            <ArgumentMap
              visible={view.visible}
              collapsed={view.collapsed}
              current={view.current}
              highlighted={view.highlighted}
              focus={view.focus}
              onOpen={onOpen}
              onToggle={view.toggle}
              onMove={onMove}
              perspectiveOf={perspectiveOf}
            />
          </div>
        ))}
    </div>
  );
}
