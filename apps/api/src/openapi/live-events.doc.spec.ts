import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIVE_EVENTS } from '@agora/shared';
import { liveEventsMarkdown, SERVER_EVENTS, withLiveEvents } from './live-events.doc';

const README = join(__dirname, '..', '..', '..', '..', 'README.md');

describe('the live events documentation', () => {
  it('describes every server event of the shared event map', () => {
    expect(Object.keys(SERVER_EVENTS).sort()).toEqual(Object.values(LIVE_EVENTS).sort());
    for (const name of Object.values(LIVE_EVENTS)) expect(liveEventsMarkdown()).toContain(`##### \`${name}\``);
  });

  it('is current in the README (run `npm run docs` after changing it)', () => {
    const sut = readFileSync(README, 'utf8');
    expect(withLiveEvents(sut)).toBe(sut);
  });
});
