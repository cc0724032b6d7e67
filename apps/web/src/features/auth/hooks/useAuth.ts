import { createContext, useContext } from 'react';
import type { PublicUser } from '@agora/shared';

export interface AuthState {
  user: PublicUser | null;
  /** True until we know whether a stored token is still good. */
  loading: boolean;
  signIn: (username: string, password: string) => Promise<PublicUser>;
  register: (username: string, password: string) => Promise<PublicUser>;
  signOut: () => void;
}

export const AuthContext = createContext<AuthState>({
  user: null,
  loading: false,
  signIn: () => Promise.reject(new Error('No auth provider')),
  register: () => Promise.reject(new Error('No auth provider')),
  signOut: () => undefined,
});

export const useAuth = (): AuthState => useContext(AuthContext);
