import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { StrengthMeter } from './StrengthMeter';

describe('StrengthMeter', () => {
  it('shows a rated strength as a percentage', () => {
    render(<StrengthMeter value={0.734} label="Strength" />);
    expect(screen.getByRole('meter', { name: 'Strength' })).toHaveAttribute('aria-valuetext', '73%');
    expect(screen.getByText('73%')).toBeInTheDocument();
  });

  it('says "not yet rated" instead of a percentage when nobody has rated it', () => {
    render(<StrengthMeter value={0.5} rated={false} label="Strength" />);
    expect(screen.getByRole('meter', { name: 'Strength' })).toHaveAttribute('aria-valuetext', 'not yet rated');
    expect(screen.getByText('not yet rated')).toBeInTheDocument();
    expect(screen.queryByText('50%')).toBeNull();
  });
});
