import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuthResponse, PublicUser } from '@agora/shared';
import { reloadArticle } from '../../../api/article-nodes';
import { ApiError } from '../../../api/errors';
import { api } from '../../../api/http';
import { queryKeys } from '../../../api/query-keys';
import { endSessionHere, getToken, mayHaveSession, onTokenChange, renewToken, setToken } from '../../../api/token';
import { AuthContext, type AuthState } from './useAuth';

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [token, setTokenState] = useState<string | null>(() => getToken());
  // A page that opens without a token asks its session cookie for one: signed in across reloads and
  // tabs. A browser known to hold no session opens anonymous at once.
  const [restoring, setRestoring] = useState(() => getToken() === null && mayHaveSession());
  useEffect(() => onTokenChange(setTokenState), []);
  useEffect(() => {
    if (!restoring) return;
    void renewToken().finally(() => setRestoring(false));
  }, [restoring]);

  const me = useQuery({
    queryKey: queryKeys.me(token),
    queryFn: async () => {
      try {
        return await api.me();
      } catch (err) {
        // A stale or revoked token: forget it and read anonymously.
        if (err instanceof ApiError && err.status === 401) setToken(null);
        throw err;
      }
    },
    enabled: token !== null,
    staleTime: 60_000,
    retry: false,
  });

  const accept = useCallback(
    async (res: AuthResponse) => {
      qc.setQueryData(queryKeys.me(res.token), res.user);
      setToken(res.token);
      // What a reader may see, and their own votes, depend on who they are. Signed in only once the
      // page is read again: a post made right after (the composer's inline sign-in) then lands in the
      // fresh page instead of being replaced by a read that began before it.
      await reloadArticle(qc).catch(() => undefined);
      return res.user;
    },
    [qc],
  );

  const value = useMemo<AuthState>(
    () => ({
      user: token ? ((me.data as PublicUser | undefined) ?? null) : null,
      loading: restoring || (token !== null && me.isPending),
      signIn: (u, p) => api.login(u, p).then(accept),
      register: (u, p) => api.register(u, p).then(accept),
      signOut: () => {
        // This device's session ends (its cookie renews nothing more); the token in memory is dropped
        // now, and any copy of it runs out within JWT_TTL. Signing out here does not wait for it.
        void api.endSession().catch(() => undefined);
        endSessionHere();
        void reloadArticle(qc);
        qc.removeQueries({ queryKey: ['moderation'] });
      },
    }),
    [token, restoring, me.data, me.isPending, accept, qc],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
