import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { OpenDisputes } from './OpenDisputes';

describe('OpenDisputes', () => {
  it('links each dispute to its thread, says where it is and how the sides weigh', () => {
    render(
      <MemoryRouter>
        <OpenDisputes
          articleId="a1"
          disputes={[
            { nodeId: 'n1', excerpt: 'Output held up', paragraphIndex: 1, support: 1.5, attack: 0.5, score: 0.5 },
            { nodeId: 'n2', excerpt: 'The thesis', paragraphIndex: null, support: 0.4, attack: 0.4, score: 0.4 },
          ]}
        />
      </MemoryRouter>,
    );
    const links = screen.getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Paragraph 2: Output held up', 'The thesis']);
    expect(links[0]).toHaveAttribute('href', '/articles/a1/nodes/n1');
    expect(screen.getAllByRole('img').map((i) => i.getAttribute('aria-label'))).toEqual([
      'Support 75%, attack 25% of the rated replies’ weight',
      'Support 50%, attack 50% of the rated replies’ weight',
    ]);
  });

  it('shows nothing when nothing is disputed', () => {
    const { container } = render(<OpenDisputes articleId="a1" disputes={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
