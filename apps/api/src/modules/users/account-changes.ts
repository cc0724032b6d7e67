import { Injectable } from '@nestjs/common';

type Listener = (userId: string) => void;

/**
 * Tells whoever holds an account's session open (the live gateway's sockets) that its role, standing
 * or token version changed, so that it checks the account again instead of trusting what it loaded.
 */
@Injectable()
export class AccountChanges {
  private readonly listeners: Listener[] = [];

  listen(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Called once the change is stored and the cached facts are invalidated. */
  announce(userId: string): void {
    for (const listener of this.listeners) listener(userId);
  }
}
