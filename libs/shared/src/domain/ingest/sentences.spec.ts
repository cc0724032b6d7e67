import fc from 'fast-check';
import { classifyAbbreviation } from './abbreviations';
import { collapseWhitespace } from './normalize';
import { splitSentences } from './sentences';

const sentencesOf = (text: string) => splitSentences(text).map(({ start, end }) => text.slice(start, end));

describe('splitSentences', () => {
  const sut = splitSentences;

  it('splits at full stops, question marks and exclamation marks', () => {
    expect(sentencesOf('It works. Does it? Yes! Fine.')).toEqual(['It works.', 'Does it?', 'Yes!', 'Fine.']);
  });

  it('keeps closing quotes and brackets with the sentence they close', () => {
    expect(sentencesOf('He said “stop.” Then he left. (It was late.) They “won?” No.')).toEqual([
      'He said “stop.”',
      'Then he left.',
      '(It was late.)',
      'They “won?”',
      'No.',
    ]);
  });

  it('does not split inside a quotation that runs on in lowercase', () => {
    expect(sentencesOf('“Why?” he asked. “Stop!” she said.')).toEqual(['“Why?” he asked.', '“Stop!” she said.']);
  });

  it('does not split after titles, Latin abbreviations or initials', () => {
    expect(sentencesOf('Dr. Smith met Mr. J. R. R. Tolkien on St. Giles vs. Prof. Lee, e.g. at noon, i.e. early. Done.')).toEqual([
      'Dr. Smith met Mr. J. R. R. Tolkien on St. Giles vs. Prof. Lee, e.g. at noon, i.e. early.',
      'Done.',
    ]);
  });

  it('does not split at decimals, inner dots or lowercase continuations', () => {
    expect(sentencesOf('Growth was 3.5 per cent at example.com etc. and more. Next.')).toEqual([
      'Growth was 3.5 per cent at example.com etc. and more.',
      'Next.',
    ]);
  });

  it('runs on after month and number abbreviations before a number, and breaks otherwise', () => {
    expect(sentencesOf('It began on Jan. 5 in No. 10 Downing St. It ended in Feb. The end.')).toEqual([
      'It began on Jan. 5 in No. 10 Downing St. It ended in Feb.',
      'The end.',
    ]);
  });

  it('ends a sentence at a dotted acronym only before a usual sentence starter', () => {
    expect(sentencesOf('The U.S. President spoke in the U.S. The talks failed.')).toEqual([
      'The U.S. President spoke in the U.S.',
      'The talks failed.',
    ]);
  });

  it('treats an ellipsis before a capital as an end, before lowercase as a pause', () => {
    expect(sentencesOf('in Libya (Benghazi) .. Libya itself was a gift. They fight .... fight the rivals … with lies… Think.')).toEqual([
      'in Libya (Benghazi) ..',
      'Libya itself was a gift.',
      'They fight .... fight the rivals … with lies…',
      'Think.',
    ]);
  });

  it('does not end a sentence at an ellipsis after a word that cannot end one', () => {
    expect(sentencesOf('We went to ... Paris at last.')).toEqual(['We went to ... Paris at last.']);
  });

  it('keeps the last sentence even without final punctuation, and trims it', () => {
    const text = ' First one. Then no stop  ';
    expect(sut(text)).toEqual([
      { start: 1, end: 11 },
      { start: 12, end: 24 },
    ]);
  });

  it('returns nothing for blank text', () => {
    expect(sut(' \u00A0 ')).toEqual([]);
  });

  describe('properties', () => {
    const alphabet = fc.constantFrom(...'aB .?!…"”’)(“\'\u00A0\t\n3,Dr'.split(''));
    const anyText = fc.string({ unit: alphabet, maxLength: 120 });

    it('yields ordered, trimmed, non-empty spans separated only by whitespace', () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const spans = splitSentences(text);
          let cursor = 0;
          for (const { start, end } of spans) {
            expect(start).toBeLessThan(end);
            expect(text.slice(cursor, start).trim()).toBe('');
            const sentence = text.slice(start, end);
            expect(sentence).toBe(sentence.trim());
            cursor = end;
          }
          expect(text.slice(cursor).trim()).toBe('');
          expect(spans.length > 0).toBe(text.trim() !== '');
        }),
      );
    });

    it('gives a normalised paragraph back exactly from its sentences and the spaces between them', () => {
      fc.assert(
        fc.property(anyText.map(collapseWhitespace), (text) => {
          const spans = splitSentences(text);
          let rebuilt = '';
          spans.forEach(({ start, end }, i) => {
            if (i > 0) rebuilt += text.slice(spans[i - 1].end, start);
            rebuilt += text.slice(start, end);
          });
          expect(rebuilt).toBe(text);
          spans.forEach(({ start }, i) => i > 0 && expect(text.slice(spans[i - 1].end, start)).toBe(' '));
        }),
      );
    });

    // Abbreviations (also a title such as "Mr" capitalised at a sentence's start) and words an
    // ellipsis cannot end on are covered by the example tests.
    const runsOn = new Set('an the of to and or but nor in on at by for with from as that than into onto'.split(' '));
    const word = fc
      .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')), minLength: 2, maxLength: 8 })
      .filter((w) => classifyAbbreviation(w) === 'ordinary' && classifyAbbreviation(w[0].toUpperCase() + w.slice(1)) === 'ordinary' && !runsOn.has(w));
    const sentence = fc
      .tuple(
        fc.array(word, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('.', '?', '!', '...', '?!'),
        fc.constantFrom('', '”', '"', ')'),
        fc.boolean(),
      )
      .map(([words, stop, closer, quoted]) => {
        const body = words.join(' ');
        const capitalised = body[0].toUpperCase() + body.slice(1) + stop;
        return quoted && closer !== '' ? `${closer === ')' ? '(' : '“'}${capitalised}${closer}` : capitalised;
      });

    it('recovers generated sentences exactly', () => {
      fc.assert(
        fc.property(fc.array(sentence, { minLength: 1, maxLength: 10 }), (sentences) => {
          expect(sentencesOf(sentences.join(' '))).toEqual(sentences);
        }),
      );
    });
  });
});
