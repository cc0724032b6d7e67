interface GateState {
  /** Shared tasks running. */
  shared: number;
  /** The exclusive task running or waiting to run, if any: shared tasks that arrive meanwhile wait for it. */
  exclusive: Promise<unknown> | null;
  /** Resolved when the last shared task ends. */
  drained: (() => void)[];
}

/**
 * Per key, lets any number of shared tasks run together and an exclusive task run alone: it waits for
 * the shared tasks under way, and shared tasks that arrive after it wait for it (so it is not starved).
 * Exclusive tasks of one key run one after another. In-process only.
 */
export class KeyedGate {
  private readonly states = new Map<string, GateState>();

  async shared<T>(key: string, task: () => Promise<T>): Promise<T> {
    let state = this.stateOf(key);
    while (state.exclusive) {
      await state.exclusive.catch(() => undefined);
      state = this.stateOf(key);
    }
    state.shared++;
    try {
      return await task();
    } finally {
      state.shared--;
      if (!state.shared) for (const resolve of state.drained.splice(0)) resolve();
      this.forgetIfIdle(key, state);
    }
  }

  exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    const state = this.stateOf(key);
    const before = state.exclusive ?? Promise.resolve();
    const run = before
      .catch(() => undefined)
      .then(async () => {
        if (state.shared) await new Promise<void>((resolve) => state.drained.push(resolve));
        return task();
      });
    const tail = run.catch(() => undefined);
    state.exclusive = tail;
    void tail.then(() => {
      if (state.exclusive === tail) state.exclusive = null;
      this.forgetIfIdle(key, state);
    });
    return run;
  }

  private stateOf(key: string): GateState {
    let state = this.states.get(key);
    if (!state) this.states.set(key, (state = { shared: 0, exclusive: null, drained: [] }));
    return state;
  }

  private forgetIfIdle(key: string, state: GateState): void {
    if (!state.shared && !state.exclusive && this.states.get(key) === state) this.states.delete(key);
  }
}
