import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeNode } from '../../../../test/factories';
import { renderWithProviders } from '../../../../test/render';
import { ReplyPreview } from './ReplyPreview';

describe('ReplyPreview', () => {
  it('marks a reply a revision orphaned, still showing its text', () => {
    renderWithProviders(
      <ul>
        <ReplyPreview node={makeNode({ id: 'o'.repeat(24), text: 'Not in winter.', orphaned: true })} />
        <ReplyPreview node={makeNode({ id: 'p'.repeat(24), text: 'Still in place.' })} />
      </ul>,
    );
    const orphan = screen.getByText('Not in winter.').closest('li')!;
    expect(orphan.querySelector('[data-orphaned]')).toHaveTextContent('orphaned');
    expect(screen.getByText('Still in place.').closest('li')!.querySelector('[data-orphaned]')).toBeNull();
  });
});
