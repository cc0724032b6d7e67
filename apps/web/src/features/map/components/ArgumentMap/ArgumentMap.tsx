import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type ReactFlowInstance } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { ArgumentNode } from '@agora/shared';
import type { FocusRequest } from '../../hooks/useMapView';
import { layoutArgumentMap, NODE_HEIGHT, NODE_WIDTH } from '../../lib/layout';
import type { VisibleTree } from '../../lib/map-tree';
import { MAP_KEYS, moveAlongTree, type MapKey } from '../../lib/navigation';
import { strengthColour } from '../../lib/strength-colour';
import { describeMapNode, MapNode, type MapFlowNode, type MapPerspective } from '../MapNode/MapNode';
import styles from './ArgumentMap.module.css';

const nodeTypes = { argument: MapNode };
const EDGE_COLOURS: Record<ArgumentNode['type'], string> = { claim: '#1f4e8c', support: '#17663a', rebuttal: '#a1262c' };
/** The zoom a node is brought into view at: its words stay legible. */
const READING_ZOOM = 0.9;
/** Above this many nodes on show, only those in the viewport are rendered. */
const RENDER_ALL_UP_TO = 150;

export interface ArgumentMapProps {
  visible: VisibleTree;
  collapsed: ReadonlySet<string>;
  current: string | null;
  highlighted: string | null;
  focus: FocusRequest | null;
  onOpen: (nodeId: string) => void;
  onToggle: (nodeId: string) => void;
  onMove: (nodeId: string) => void;
  /** Each node's strength as the chosen perspective sees it; absent: everyone's. */
  perspectiveOf?: (node: ArgumentNode) => MapPerspective;
}

/**
 * The debate as a tree of boxes: thesis on top, replies beneath. Only the nodes on show are laid out;
 * keys move along the tree (arrows), fold (space) and open a thread (Enter); a minimap shows where the
 * view is.
 */
export function ArgumentMap(props: ArgumentMapProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}

function Canvas({ visible, collapsed, current, highlighted, focus, onOpen, onToggle, onMove, perspectiveOf }: ArgumentMapProps) {
  const flow = useReactFlow<MapFlowNode>();
  const wrapper = useRef<HTMLDivElement>(null);
  const layout = useMemo(() => layoutArgumentMap(visible), [visible]);
  const placed = useMemo(() => new Map(layout.nodes.map((p) => [p.node.id, p])), [layout]);
  const rootId = layout.nodes[0]?.node.id ?? null;

  const baseNodes = useMemo(
    () =>
      layout.nodes.map(
        (p): MapFlowNode => ({
          id: p.node.id,
          type: 'argument',
          position: { x: p.x, y: p.y },
          width: NODE_WIDTH,
          height: NODE_HEIGHT,
          data: {
            node: p.node,
            isRoot: p.depth === 0,
            onToggle,
            below: visible.below.get(p.node.id) ?? 0,
            collapsed: collapsed.has(p.node.id),
            ...(perspectiveOf ? { perspective: perspectiveOf(p.node) } : {}),
          },
          draggable: false,
          connectable: false,
          selectable: false,
        }),
      ),
    [layout, visible, collapsed, onToggle, perspectiveOf],
  );
  // Moving between nodes changes two of them: the others keep their objects, so they do not re-render.
  const flowNodes = useMemo(
    () => baseNodes.map((n) => (n.id === current || n.id === highlighted ? { ...n, data: { ...n.data, current: n.id === current, highlighted: n.id === highlighted } } : n)),
    [baseNodes, current, highlighted],
  );
  const flowEdges = useMemo(
    () =>
      layout.edges.map(
        (e): Edge => ({
          id: e.id,
          source: e.source,
          target: e.target,
          type: 'smoothstep',
          focusable: false,
          style: { stroke: EDGE_COLOURS[e.type], strokeWidth: 1.5, strokeDasharray: e.type === 'rebuttal' ? '5 3' : undefined },
        }),
      ),
    [layout],
  );

  // A debate that fits at a legible zoom opens whole; a bigger one opens at that zoom with the thesis
  // at the top, centred, its first generations beneath it.
  const open = (instance: ReactFlowInstance<MapFlowNode>) => {
    const el = wrapper.current;
    const root = layout.nodes[0];
    if (!el || !root) return;
    const xs = layout.nodes.map((p) => p.x);
    const ys = layout.nodes.map((p) => p.y);
    const width = Math.max(...xs) - Math.min(...xs) + NODE_WIDTH;
    const height = Math.max(...ys) - Math.min(...ys) + NODE_HEIGHT;
    if (Math.min(el.clientWidth / width, el.clientHeight / height) * 0.9 >= READING_ZOOM) {
      void instance.fitView({ padding: 0.1, maxZoom: 1 });
      return;
    }
    void instance.setViewport({ x: el.clientWidth / 2 - (root.x + NODE_WIDTH / 2) * READING_ZOOM, y: 24 - root.y * READING_ZOOM, zoom: READING_ZOOM });
  };

  const centre = (id: string) => {
    const p = placed.get(id);
    if (p) void flow.setCenter(p.x + NODE_WIDTH / 2, p.y + NODE_HEIGHT / 2, { zoom: Math.max(flow.getZoom(), READING_ZOOM), duration: 0 });
  };
  const centreRef = useRef(centre);
  centreRef.current = centre;
  useEffect(() => {
    if (!focus) return;
    centreRef.current(focus.id);
    wrapper.current?.focus({ preventScroll: true });
  }, [focus]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // The zoom buttons and the minimap keep their own keys.
    if ((e.target as HTMLElement).closest('.react-flow__controls, .react-flow__minimap')) return;
    const from = current && visible.parent.has(current) ? current : rootId;
    if (!from) return;
    if (MAP_KEYS.includes(e.key)) {
      e.preventDefault();
      const to = current && visible.parent.has(current) ? moveAlongTree(visible, from, e.key as MapKey) : from;
      onMove(to);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onOpen(from);
    } else if (e.key === ' ' && (visible.below.get(from) ?? 0) > 0) {
      e.preventDefault();
      onToggle(from);
    }
  };

  const active = current ? placed.get(current) : undefined;
  const announced = active ? describeMapNode(active.node, active.depth === 0, perspectiveOf?.(active.node)) : null;
  const below = active ? visible.below.get(active.node.id) ?? 0 : 0;

  if (!flowNodes.length) return <p>Nothing to map yet.</p>;
  return (
    <div
      ref={wrapper}
      className={styles.map}
      onKeyDown={onKeyDown}
      data-testid="argument-map"
      tabIndex={0}
      role="group"
      aria-roledescription="argument map"
      aria-label="Argument map. Arrow keys move along the tree: up to the parent, down to the first reply, left and right between siblings; Enter opens the thread; Space folds or unfolds."
      aria-activedescendant={active ? `map-node-${active.node.id}` : undefined}
    >
      <p className={styles.announce} aria-live="polite" data-testid="map-current">
        {announced && `${announced.summary}${below ? ` (${below} ${collapsed.has(active!.node.id) ? 'folded ' : ''}beneath)` : ''}`}
      </p>
      <ReactFlow<MapFlowNode>
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={nodeTypes}
        onNodeClick={(_e, n) => onOpen(n.id)}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        onlyRenderVisibleElements={flowNodes.length > RENDER_ALL_UP_TO}
        onInit={open}
        minZoom={0.05}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
        <MiniMap
          pannable
          zoomable
          ariaLabel="Minimap of the whole debate"
          nodeColor={(n) => {
            const d = (n as MapFlowNode).data;
            const s = d.perspective ?? { value: d.node.strength, rated: d.node.rated };
            return strengthColour(s.value, s.rated);
          }}
          nodeStrokeColor={(n) => EDGE_COLOURS[(n as MapFlowNode).data.node.type]}
          nodeStrokeWidth={8}
        />
      </ReactFlow>
    </div>
  );
}
