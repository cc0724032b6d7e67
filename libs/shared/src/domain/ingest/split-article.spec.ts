import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { ArticleParagraph } from '../../contracts/rest/articles.schema';
import { splitArticle } from './split-article';
import { NO_METADATA } from './front-matter';

const SEED = join(__dirname, '../../../../../seeds/iraq-sectarianism.txt');

const texts = (paragraph: ArticleParagraph) => paragraph.sentences.map((s) => s.text);
const sentenceStarting = (paragraphs: ArticleParagraph[], prefix: string) => {
  const found = paragraphs.flatMap((p) => p.sentences).find((s) => s.text.startsWith(prefix));
  if (!found) throw new Error(`no sentence starts with ${prefix}`);
  return found;
};

/**
 * Every sentence is its paragraph's text at its offsets, and the gaps between sentences are
 * single spaces. Collects problems rather than asserting per sentence, to stay fast on 1 MB.
 */
function losslessProblems(paragraphs: ArticleParagraph[]): string[] {
  const problems: string[] = [];
  for (const { index, text, sentences } of paragraphs) {
    const where = `paragraph ${index}`;
    if (text !== text.trim() || text === '') problems.push(`${where}: text not trimmed or empty`);
    if (sentences.length === 0) problems.push(`${where}: no sentences`);
    else if (sentences[0].start !== 0 || sentences[sentences.length - 1].end !== text.length) problems.push(`${where}: text outside sentences`);
    sentences.forEach((sentence, i) => {
      if (sentence.index !== i) problems.push(`${where}: sentence ${i} has index ${sentence.index}`);
      if (text.slice(sentence.start, sentence.end) !== sentence.text) problems.push(`${where}: sentence ${i} offsets`);
      if (i > 0 && text.slice(sentences[i - 1].end, sentence.start) !== ' ') problems.push(`${where}: gap before sentence ${i}`);
    });
  }
  return problems;
}

describe('splitArticle on the seed article', () => {
  const sut = splitArticle(readFileSync(SEED, 'utf8'));

  it('takes the first line as the title', () => {
    expect(sut.title).toBe('IRAQ: Sectarianism / Salafiism / Shiiaism / Saudi Arabia / Qatar / Iran / and the West');
  });

  it('finds exactly 16 paragraphs, including the one after a single line break', () => {
    expect(sut.paragraphs).toHaveLength(16);
    expect(sut.paragraphs.map((p) => p.index)).toEqual([...Array(16).keys()]);
    expect(sut.paragraphs[0].text).toMatch(/^With an amalgam of participants/);
    expect(sut.paragraphs[2].text).toMatch(/^Washington Post writes/);
    expect(sut.paragraphs[3].text).toMatch(/^ISIS with it's goal/);
    expect(sut.paragraphs[15].text).toMatch(/^Think of it now\./);
  });

  it('normalises non-breaking and double spaces but keeps the quotes as written', () => {
    const all = sut.paragraphs.map((p) => p.text).join('\n');
    expect(all).not.toMatch(/\u00A0| {2}/);
    expect(sut.paragraphs[2].text).toContain('"With Iraq’s Shiite neighbor');
  });

  it('keeps every character of every paragraph in its sentences', () => {
    expect(losslessProblems(sut.paragraphs)).toEqual([]);
  });

  it('splits "The recent successes..." into the sentences a reader sees', () => {
    expect(texts(sut.paragraphs[1])).toEqual([
      'The recent successes of ISIS in Iraq have somewhat overshadowed Al-Nusra in Syria.',
      'It has been reportedly carrying out executions in Tikrit.',
      "One of Iraq's biggest oil refineries in Baiji has been shut.",
      'Several foreign diplomatic missions in Basra have left.',
      'ISIS continues to threaten the capital, Baghdad.',
      'In Baqubah city, north of Baghdad, over 40 prisoners lost their lives as Iraqi forces battled to keep the militants away.',
      'According to some Iraqis, ISIS attempted a prison break in Baqubah and the Iraqi security forces killed the prisoners after driving away the militants.',
      'In Baghdad, a Sunni cleric, Imam Nihad al-Jibouri, and two of his friends were allegedly kidnapped and murdered by Shiia militants.',
      'Their bodies were found in a Baghdad morgue.',
      'A group of Sunni jurists have threatened revenge.',
      'The vicious cycle of sectarianism goes on and on.',
    ]);
  });

  it('keeps the quotation with its introduction and the closing quote with its sentence', () => {
    const [quote, rebuttal] = texts(sut.paragraphs[2]);
    expect(quote).toMatch(/^Washington Post writes on US \/ Iran relations: "With .* mutual interests\."$/);
    expect(rebuttal).toMatch(/^But a careful study .* irrelevant\.$/);
    expect(texts(sut.paragraphs[6])[1]).toMatch(/topple a "dictator\."$/);
  });

  it('ends the sentence at the spaced ellipsis after "(Benghazi)" and starts the next at "Libya itself"', () => {
    expect(texts(sut.paragraphs[5])).toEqual([
      'Though lately differences have arisen between Al-Nusra and ISIS in Syria, both are reportedly being assisted by the CIA center in Libya (Benghazi) ..',
      'Libya itself being a gift to the Al Qaeda franchise, LIFG, by NATO.',
    ]);
  });

  it('does not split at an ellipsis followed by lowercase', () => {
    expect(texts(sut.paragraphs[14])[1]).toBe(
      'That could be the only situation when NATO might want to jump in and fight .... fight the rivals of Al Qaeda .... with some lame cover story.',
    );
  });

  it('attributes reported and quoted sentences', () => {
    expect(sentenceStarting(sut.paragraphs, 'Washington Post writes').attribution).toBe('Washington Post');
    expect(sentenceStarting(sut.paragraphs, 'According to some Iraqis').attribution).toBe('some Iraqis');
    expect(sentenceStarting(sut.paragraphs, 'Info Wars sums up').attribution).toBe('Info Wars');
    expect(sentenceStarting(sut.paragraphs, '"Otherwise known as').attribution).toBe('Info Wars');
    expect(sentenceStarting(sut.paragraphs, 'Alawi stated').attribution).toBe('Alawi');
    expect(sentenceStarting(sut.paragraphs, 'Their bodies').attribution).toBeNull();
    expect(sentenceStarting(sut.paragraphs, 'But a careful study').attribution).toBeNull();
  });

  it('gives every sentence an argument role: thesis, claims, premises beneath what they target, context', () => {
    expect(sentenceStarting(sut.paragraphs, 'It might have exceeded').role).toBe('thesis');
    expect(sentenceStarting(sut.paragraphs, 'With an amalgam').role).toBe('context');
    expect(sentenceStarting(sut.paragraphs, 'The recent successes of ISIS')).toMatchObject({ role: 'claim', stance: 'for', target: null });
    expect(sentenceStarting(sut.paragraphs, 'ISIS continues to threaten')).toMatchObject({ role: 'support', target: null, stance: null });
    // The author turns against what the Washington Post reports.
    expect(sentenceStarting(sut.paragraphs, 'Washington Post writes').role).toBe('claim');
    expect(sentenceStarting(sut.paragraphs, 'But a careful study')).toMatchObject({ role: 'rebuttal', target: null });
    // A counter-view voiced to be answered, and the answer aimed at it.
    expect(sentenceStarting(sut.paragraphs, 'Some observers may presume').role).toBe('rebuttal');
    expect(sentenceStarting(sut.paragraphs, 'But the outcome could be')).toMatchObject({ role: 'rebuttal', target: 1 });
    expect(sentenceStarting(sut.paragraphs, 'Though lately differences')).toMatchObject({ role: 'claim', stance: 'for' });
    expect(sentenceStarting(sut.paragraphs, 'But what if Iran').role).toBe('context');
    for (const p of sut.paragraphs) expect(p.sentences.filter((s) => s.role === 'claim').length).toBeLessThanOrEqual(1);
  });

  it('lists hedges and flags questions', () => {
    expect(sentenceStarting(sut.paragraphs, 'It has been reportedly carrying out executions').hedges).toEqual(['reportedly']);
    expect(sentenceStarting(sut.paragraphs, 'With an amalgam').hedges).toEqual(['probably']);
    expect(sentenceStarting(sut.paragraphs, "Isn't it naive").question).toBe(true);
    expect(sentenceStarting(sut.paragraphs, 'But what if Iran').question).toBe(true);
    expect(sentenceStarting(sut.paragraphs, 'Think of it now.').question).toBe(false);
  });
});

describe('splitArticle on small texts', () => {
  const sut = splitArticle;

  it('splits a news item', () => {
    const result = sut(
      'Talks stall in Vienna\n\nDiplomats met on Jan. 5 at 10 a.m. in Vienna. The U.S. delegation, led by Dr. J. R. Smith, reportedly left early. According to Reuters, no date was set.\n\n"We are disappointed," said Minister Al-Sayed. Is a deal still possible?\n',
    );
    expect(result.title).toBe('Talks stall in Vienna');
    expect(result.paragraphs.map(texts)).toEqual([
      [
        'Diplomats met on Jan. 5 at 10 a.m. in Vienna.',
        'The U.S. delegation, led by Dr. J. R. Smith, reportedly left early.',
        'According to Reuters, no date was set.',
      ],
      ['"We are disappointed," said Minister Al-Sayed.', 'Is a deal still possible?'],
    ]);
    const [news, quote] = result.paragraphs;
    expect(news.sentences.map((s) => s.attribution)).toEqual([null, null, 'Reuters']);
    expect(news.sentences[1].hedges).toEqual(['reportedly']);
    expect(quote.sentences.map((s) => [s.attribution, s.question])).toEqual([
      ['Minister Al-Sayed', false],
      [null, true],
    ]);
  });

  it('splits an essay with a counter-view and its answer', () => {
    const result = sut(
      'On intervention\n\nMany argue that intervention always fails. However, the record is mixed. Rwanda shows the cost of doing nothing (e.g. 800,000 dead).\n\nStill, caution is wise.',
    );
    expect(result.paragraphs[0].sentences.map((s) => [s.role, s.target])).toEqual([
      ['thesis', null],
      ['rebuttal', null],
      ['rebuttal', null], // the evidence after the turn argues against the counter-view too
    ]);
    expect(result.paragraphs[1].sentences.map((s) => s.role)).toEqual(['claim']);
    expect(losslessProblems(result.paragraphs)).toEqual([]);
  });

  it('takes the title and the metadata from a front matter, and keeps it out of the body', () => {
    const result = sut('---\ntitle: Talks stall\nauthor: Jane Roe\ndate: 2014-06-20\n---\n\nDiplomats met in Vienna. No date was set.\n');
    expect(result.title).toBe('Talks stall');
    expect(result.metadata).toEqual({ sourceUrl: null, author: 'Jane Roe', publishedAt: '2014-06-20', licence: null });
    expect(result.paragraphs.map(texts)).toEqual([['Diplomats met in Vienna.', 'No date was set.']]);
    const repeated = sut('---\ntitle: Talks stall\n---\nTalks stall\n\nDiplomats met in Vienna.');
    expect(repeated.title).toBe('Talks stall');
    expect(repeated.paragraphs.map(texts)).toEqual([['Diplomats met in Vienna.']]);
    expect(sut('Talks stall\n\nDiplomats met.').metadata).toEqual({ sourceUrl: null, author: null, publishedAt: null, licence: null });
  });

  it('reads Markdown: heading title, lists, quotes and inline emphasis', () => {
    const result = sut(
      '# The **case** against\n\nThree reasons:\n\n- Cost. It is high.\n- Risk, which\n  is real.\n\n> Nobody wins a war.\n> Everyone loses.\n\n## Conclusion\n\nSee [the report](http://x.org).',
    );
    expect(result.title).toBe('The case against');
    expect(result.paragraphs.map((p) => p.text)).toEqual([
      'Three reasons:',
      'Cost. It is high.',
      'Risk, which is real.',
      'Nobody wins a war. Everyone loses.',
      'Conclusion',
      'See the report.',
    ]);
    expect(texts(result.paragraphs[1])).toEqual(['Cost.', 'It is high.']);
  });

  it('joins text hard-wrapped at about 70 characters', () => {
    const result = sut(
      [
        'A wrapped essay',
        '',
        'The emergence of ISIS in Iraq was itself the brainchild of the',
        'infamous coalition, toppling Saddam Hussein and reducing Iraq to a',
        'failed state. That is precisely the direction where Iraq is heading.',
        '',
        'Think of it now. Is it naive to contemplate confronting the',
        'Salafists in Iraq alongside the United States?',
      ].join('\n'),
    );
    expect(result.paragraphs.map(texts)).toEqual([
      [
        'The emergence of ISIS in Iraq was itself the brainchild of the infamous coalition, toppling Saddam Hussein and reducing Iraq to a failed state.',
        'That is precisely the direction where Iraq is heading.',
      ],
      ['Think of it now.', 'Is it naive to contemplate confronting the Salafists in Iraq alongside the United States?'],
    ]);
  });

  it('reads CRLF and old-Mac CR line endings the same as LF', () => {
    const lf = 'Title\n\nFirst paragraph. Two sentences.\n\nSecond one.\n';
    expect(sut(lf.replace(/\n/g, '\r\n'))).toEqual(sut(lf));
    expect(sut(lf.replace(/\n/g, '\r'))).toEqual(sut(lf));
    expect(sut(lf.replace(/\n/g, '\r\n')).paragraphs).toHaveLength(2);
  });

  it('has no title when the text starts with prose, and keeps that prose', () => {
    const result = sut('It began quietly. Nobody noticed.\n\nThen it spread.');
    expect(result.title).toBe('');
    expect(result.paragraphs.map((p) => p.text)).toEqual(['It began quietly. Nobody noticed.', 'Then it spread.']);
  });

  it('returns no paragraphs for an empty text', () => {
    expect(sut('')).toEqual({ title: '', metadata: NO_METADATA, paragraphs: [] });
    expect(sut(' \r\n\u00A0\n')).toEqual({ title: '', metadata: NO_METADATA, paragraphs: [] });
  });

  it('splits a 1 MB article correctly (timing belongs to the benchmarks)', () => {
    const seed = readFileSync(SEED, 'utf8');
    const body = seed.slice(seed.indexOf('\n') + 1);
    const copies = Math.ceil((1024 * 1024) / body.length);
    const big = seed + body.repeat(copies - 1);
    expect(big.length).toBeGreaterThan(1024 * 1024);

    const result = sut(big);

    const once = sut(seed).paragraphs;
    expect(result.paragraphs).toHaveLength(once.length * copies);
    expect(result.paragraphs[once.length * (copies - 1) + 3].sentences.map((s) => s.text)).toEqual(texts(once[3]));
    expect(losslessProblems(result.paragraphs)).toEqual([]);
  });

  it('gives normalised paragraphs whose sentences lose no character, for any text', () => {
    const unit = fc.constantFrom(...'aZ .?!…"“”\'()#>-*[]1\u00A0\t\r\n'.split(''), 'Dr.', 'U.S.', ' .. ', 'But ', '\n\n', '\r\n');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 300 }), (text) => {
        const { title, paragraphs } = sut(text);
        expect(title).toBe(title.trim());
        expect(paragraphs.filter((p) => /\s\s|[^\S ]/.test(p.text))).toEqual([]);
        expect(losslessProblems(paragraphs)).toEqual([]);
      }),
    );
  });

  // Inputs that make naive regexes backtrack quadratically; a regression would hang past the test timeout.
  it.each([
    ['unclosed link brackets', '[a]('.repeat(250_000)],
    ['unclosed emphasis', '**a '.repeat(250_000)],
    ['spaced full stops', '. '.repeat(500_000)],
    ['unbalanced quotes', '"a. '.repeat(250_000)],
    ['one endless word', 'a'.repeat(1_000_000)],
    ['endless reporting', 'X said '.repeat(150_000)],
    ['a million dots', '.'.repeat(1_000_000)],
  ])('splits 1 MB of %s without losing text', (_name, text) => {
    const result = sut(text);
    expect(losslessProblems(result.paragraphs)).toEqual([]);
  });
});
