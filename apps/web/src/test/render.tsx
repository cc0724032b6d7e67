import { useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { vi } from 'vitest';
import type { PublicUser } from '@agora/shared';
import { AuthContext, type AuthState } from '../features/auth/hooks/useAuth';

export function createTestClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } } });
}

/** An auth context whose sign-in succeeds with the given user. */
function TestAuth({ initial, onSignIn, children }: { initial: PublicUser | null; onSignIn: PublicUser; children: ReactNode }) {
  const [user, setUser] = useState(initial);
  const value = useMemo<AuthState>(
    () => ({
      user,
      loading: false,
      signIn: async () => {
        localStorage.setItem('agora.token', 'test-token');
        setUser(onSignIn);
        return onSignIn;
      },
      register: async () => {
        setUser(onSignIn);
        return onSignIn;
      },
      signOut: () => setUser(null),
    }),
    [user, onSignIn],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function renderWithProviders(
  ui: ReactElement,
  { user = null, client = createTestClient(), route = '/', signInAs }: { user?: PublicUser | null; client?: QueryClient; route?: string; signInAs?: PublicUser } = {},
) {
  const result = render(
    <QueryClientProvider client={client}>
      <TestAuth initial={user} onSignIn={signInAs ?? user ?? ({ id: 'u', username: 'u', role: 'participant', createdAt: '', suspendedUntil: null, banned: false } as PublicUser)}>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </TestAuth>
    </QueryClientProvider>,
  );
  return { client, ...result };
}

type Handler = (body: unknown, url: URL) => [number, unknown] | Promise<[number, unknown]>;

/** Replaces fetch with handlers keyed "METHOD /api/path"; unknown calls answer 404. Returns the spy. */
export function mockApi(handlers: Record<string, Handler>) {
  const spy = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    const handler = handlers[`${method} ${url.pathname}`];
    const [status, json] = handler ? await handler(body, url) : [404, { statusCode: 404, error: 'Not Found', code: 'NOT_FOUND', message: 'No such route' }];
    return new Response(JSON.stringify(json), { status, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', spy);
  return spy;
}

/** The calls made to one endpoint, with their parsed bodies. */
export function callsTo(spy: ReturnType<typeof mockApi>, method: string, path: string) {
  return spy.mock.calls
    .filter(([input, init]) => (init?.method ?? 'GET').toUpperCase() === method && new URL(String(input), 'http://localhost').pathname === path)
    .map(([, init]) => (init?.body ? JSON.parse(String(init.body)) : undefined));
}
