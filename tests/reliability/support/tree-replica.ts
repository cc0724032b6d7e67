import type { ArgumentNode, JoinAck, LivePayloads, StoredLiveEvent } from '@agora/shared';
import { io, type Socket } from 'socket.io-client';
import { call } from './http-call';

const SEQUENCED = ['node:created', 'node:updated', 'vote:changed', 'article:updated'] as const;

/**
 * A reader's copy of an article's tree kept only from what the live socket sends, the way the web
 * client keeps it: the tree is loaded once, then every event is applied in seq order; a rejoin asks
 * for the events since the last seq seen, and the tree is reloaded only when the server answers resync.
 */
export class TreeReplica {
  readonly nodes = new Map<string, ArgumentNode>();
  lastSeq: number | null = null;
  /** Seqs that did not follow the previous one: a missed event when not explained by a resync. */
  readonly gaps: string[] = [];
  readonly duplicates: number[] = [];
  joins = 0;
  resyncs = 0;
  /** Rejoins that caught up by replay: events missed while away came before the acknowledgement. */
  replays = 0;
  private socket: Socket | null = null;
  private loading = false;
  private held: StoredLiveEvent[] = [];
  private joining = false;

  constructor(
    readonly name: string,
    private readonly articleId: string,
    private readonly token?: string,
  ) {}

  /** Connects to `baseUrl` and joins: the first time without `since`, afterwards with the last seq seen. */
  async connect(baseUrl: string, treeFrom: string): Promise<void> {
    const socket = io(`${baseUrl}/live`, { transports: ['websocket'], auth: this.token ? { token: this.token } : {}, reconnection: false, forceNew: true });
    this.socket = socket;
    for (const name of SEQUENCED) socket.on(name, (payload: StoredLiveEvent['payload']) => this.receive({ name, payload } as StoredLiveEvent));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const since = this.lastSeq ?? undefined;
    // Events that come before the acknowledgement (a replay, or live ones) wait for it.
    this.joining = true;
    const ack: JoinAck = await socket.timeout(15_000).emitWithAck('join', since === undefined ? { articleId: this.articleId } : { articleId: this.articleId, since });
    this.joining = false;
    this.joins++;
    if (!ack.ok) throw new Error(`${this.name}: join refused: ${ack.code} ${ack.message}`);
    const early = this.held;
    this.held = [];
    if (since === undefined || ack.resync) {
      if (ack.resync) this.resyncs++;
      // Live starts after ack.seq; what happened up to it comes with the tree, loaded afresh.
      this.lastSeq = ack.seq;
      this.loading = true;
      // Events sent before the acknowledgement and covered by it (the server may send live ones while
      // it answers) are already in the tree about to be loaded, as a web client's reload would find.
      for (const e of early) if (e.payload.seq > ack.seq) this.receive(e);
      await this.reload(treeFrom);
    } else {
      if (early.length > 0) this.replays++;
      for (const e of early) this.receive(e);
    }
  }

  disconnect(): void {
    this.socket?.disconnect();
    this.socket = null;
  }

  get connected(): boolean {
    return !!this.socket?.connected;
  }

  private async reload(baseUrl: string): Promise<void> {
    this.loading = true;
    const res = await call<{ items: ArgumentNode[] }>(baseUrl, 'GET', `/api/articles/${this.articleId}/tree`, { token: this.token, timeoutMs: 30_000 });
    if (res.status !== 200) throw new Error(`${this.name}: tree ${res.status} ${res.error ?? ''}`);
    this.nodes.clear();
    for (const n of res.body.items) this.nodes.set(n.id, n);
    this.loading = false;
    const held = this.held;
    this.held = [];
    for (const e of held) this.apply(e);
  }

  private receive(event: StoredLiveEvent): void {
    if (event.payload.articleId !== this.articleId) return;
    const { seq } = event.payload;
    if (this.joining) {
      this.held.push(event);
      return;
    }
    if (this.lastSeq !== null && seq <= this.lastSeq) {
      this.duplicates.push(seq);
      return;
    }
    if (this.lastSeq !== null && seq !== this.lastSeq + 1) this.gaps.push(`${this.lastSeq} -> ${seq}`);
    this.lastSeq = seq;
    if (this.loading) this.held.push(event);
    else this.apply(event);
  }

  private apply(event: StoredLiveEvent): void {
    switch (event.name) {
      case 'node:created':
      case 'node:updated': {
        const { node, strengths } = event.payload as LivePayloads['node:created'];
        const held = this.nodes.get(node.id);
        // Newer totals stay: events of one node can cross (see votesVersion).
        this.nodes.set(node.id, held && held.votesVersion > node.votesVersion ? { ...node, votes: held.votes, votesVersion: held.votesVersion } : node);
        this.applyStrengths(strengths);
        return;
      }
      case 'vote:changed': {
        const p = event.payload as LivePayloads['vote:changed'];
        const node = this.nodes.get(p.nodeId);
        if (node && node.votesVersion <= p.votesVersion) this.nodes.set(p.nodeId, { ...node, votes: p.votes, votesVersion: p.votesVersion, strength: p.strength, rated: p.rated });
        this.applyStrengths(p.strengths);
        return;
      }
      case 'article:updated':
        return;
      case 'article:revised':
        // The churn runs never revise an article; a reader reloads it whole (see useLiveArticle).
        return;
    }
  }

  private applyStrengths(strengths: { nodeId: string; strength: number; rated: boolean }[] | undefined): void {
    for (const { nodeId, strength, rated } of strengths ?? []) {
      const node = this.nodes.get(nodeId);
      if (node) this.nodes.set(nodeId, { ...node, strength, rated });
    }
  }
}
