import { useMemo, type KeyboardEvent } from 'react';
import { Background, Controls, ReactFlow, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { ArgumentNode } from '@agora/shared';
import { layoutArgumentMap } from '../../layout';
import { MapNode, type MapFlowNode, type MapPerspective } from '../MapNode/MapNode';
import styles from './ArgumentMap.module.css';

const nodeTypes = { argument: MapNode };
const EDGE_COLOURS: Record<ArgumentNode['type'], string> = { claim: '#1f4e8c', support: '#17663a', rebuttal: '#a1262c', comment: '#5b5b66' };

interface Props {
  nodes: readonly ArgumentNode[];
  onOpen: (nodeId: string) => void;
  /** Each node's strength as the chosen perspective sees it; absent: everyone's. */
  perspectiveOf?: (node: ArgumentNode) => MapPerspective;
}

/** The whole article as a graph: thesis, paragraph claims, then every reply; pan and zoom to explore. */
export function ArgumentMap({ nodes, onOpen, perspectiveOf }: Props) {
  const { flowNodes, flowEdges, focus } = useMemo(() => {
    const layout = layoutArgumentMap(nodes);
    const flowNodes: MapFlowNode[] = layout.nodes.map((p) => ({
      id: p.node.id,
      type: 'argument',
      position: { x: p.x, y: p.y },
      data: { node: p.node, isRoot: p.depth === 0, onOpen, ...(perspectiveOf ? { perspective: perspectiveOf(p.node) } : {}) },
      draggable: false,
      connectable: false,
      ariaLabel: `${p.node.type} ${p.node.rated ? `${Math.round(p.node.strength * 100)}%` : 'not yet rated'}`,
    }));
    const flowEdges: Edge[] = layout.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'smoothstep',
      style: { stroke: EDGE_COLOURS[e.type], strokeWidth: 1.5, strokeDasharray: e.type === 'rebuttal' ? '5 3' : e.type === 'comment' ? '1 3' : undefined },
    }));
    // A whole article is too tall to read when fitted at once: start on the first paragraphs and
    // let the reader pan and zoom out from there.
    const top = [...layout.nodes].sort((a, b) => a.y - b.y);
    const startY = top[0]?.y ?? 0;
    const initial = top.filter((p) => p.y - startY < 700).map((p) => ({ id: p.node.id }));
    const rootNode = layout.nodes.find((p) => p.depth === 0);
    const focus = rootNode && rootNode.y - startY < 700 ? initial : initial.filter((p) => p.id !== rootNode?.node.id);
    return { flowNodes, flowEdges, focus };
  }, [nodes, onOpen, perspectiveOf]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter') return;
    const id = (e.target as HTMLElement).closest?.('.react-flow__node')?.getAttribute('data-id');
    if (id) onOpen(id);
  };

  if (!flowNodes.length) return <p>Nothing to map yet.</p>;
  return (
    <div className={styles.map} onKeyDown={onKeyDown} data-testid="argument-map">
      <ReactFlow<MapFlowNode>
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={nodeTypes}
        onNodeClick={(_e, n) => onOpen(n.id)}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        fitView
        fitViewOptions={{ padding: 0.1, maxZoom: 1, minZoom: 0.5, nodes: focus }}
        minZoom={0.05}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
