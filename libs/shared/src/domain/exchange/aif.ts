import type { AifDocument, DebateExport } from '../../contracts/rest/exchange.schema';

/**
 * The debate in the Argument Interchange Format (as AIFdb and OVA read it): each argument an I-node;
 * each support an RA-node and each attack a CA-node between the two; each reader's post an L-node
 * (who said it, and when) asserting its I-node through a YA-node. A comment takes no side, so it is
 * an I-node said by someone, in no inference or conflict.
 */
export function toAif(debate: DebateExport): AifDocument {
  const doc: AifDocument = { nodes: [], edges: [], locutions: [], participants: [] };
  let next = 1;
  const id = () => String(next++);
  const edge = (fromID: string, toID: string) => doc.edges.push({ edgeID: id(), fromID, toID });
  const inode = new Map<string, string>();
  const people = new Map<string, string>();
  for (const n of debate.nodes) {
    const nodeID = id();
    inode.set(n.id, nodeID);
    doc.nodes.push({ nodeID, text: n.text, type: 'I', timestamp: n.createdAt });
    if (n.parentId !== null && inode.has(n.parentId) && n.relation !== 'comments') {
      const scheme = id();
      const attack = n.relation === 'attacks';
      doc.nodes.push({ nodeID: scheme, text: attack ? 'Default Conflict' : 'Default Inference', type: attack ? 'CA' : 'RA' });
      edge(nodeID, scheme);
      edge(scheme, inode.get(n.parentId)!);
    }
    const speaker = n.authorName ?? 'the article';
    let personID = people.get(speaker);
    if (!personID) {
      personID = String(people.size + 1);
      people.set(speaker, personID);
      doc.participants.push({ participantID: personID, firstname: speaker, surname: '' });
    }
    const locution = id();
    doc.nodes.push({ nodeID: locution, text: `${speaker}: ${n.text}`, type: 'L', timestamp: n.createdAt });
    doc.locutions.push({ nodeID: locution, personID, timestamp: n.createdAt });
    const asserting = id();
    doc.nodes.push({ nodeID: asserting, text: 'Asserting', type: 'YA' });
    edge(locution, asserting);
    edge(asserting, nodeID);
  }
  return doc;
}
