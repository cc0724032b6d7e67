import { MODERATION_ACTIONS } from '../../contracts/rest/moderation.schema';
import { NODE_STATUSES } from '../../contracts/rest/nodes.schema';
import { DomainError } from '../../errors/error-codes';
import { planTransition as sut, visibilityChange } from './transitions';

describe('planTransition', () => {
  it('approves a pending node back into public view and settles its flags', () => {
    expect(sut('approve', 'pending')).toEqual({ from: 'pending', to: 'visible', visibility: 'enter', resolvesFlags: true });
  });

  it('approves a visible node without changing its visibility', () => {
    expect(sut('approve', 'visible')).toEqual({ from: 'visible', to: 'visible', visibility: 'none', resolvesFlags: true });
  });

  it('hides and removes a visible node out of public view, keeping its flags open', () => {
    expect(sut('hide', 'visible')).toMatchObject({ to: 'hidden', visibility: 'leave', resolvesFlags: false });
    expect(sut('remove', 'visible')).toMatchObject({ to: 'removed', visibility: 'leave', resolvesFlags: false });
  });

  it('moves between non-public statuses without a visibility change', () => {
    expect(sut('hide', 'pending')).toMatchObject({ to: 'hidden', visibility: 'none' });
    expect(sut('remove', 'hidden')).toMatchObject({ to: 'removed', visibility: 'none' });
  });

  it('restores hidden, removed and pending nodes to public view', () => {
    for (const from of ['hidden', 'removed', 'pending'] as const) {
      expect(sut('restore', from)).toMatchObject({ to: 'visible', visibility: 'enter', resolvesFlags: true });
    }
  });

  it('refuses actions that do not apply, with a message naming what does', () => {
    expect(() => sut('restore', 'visible')).toThrow(DomainError);
    expect(() => sut('hide', 'hidden')).toThrow(/hide applies to visible, pending/);
    expect(() => sut('approve', 'removed')).toThrow(/Cannot approve a removed node/);
  });

  it('gives every action and status either a plan or a validation error', () => {
    for (const action of MODERATION_ACTIONS) {
      for (const status of NODE_STATUSES) {
        try {
          const plan = sut(action, status);
          expect(plan.visibility).toBe(visibilityChange(status, plan.to));
        } catch (error) {
          expect((error as DomainError).code).toBe('VALIDATION');
        }
      }
    }
  });
});
