import { assignRoles, type SentenceArgument } from './roles';

const roles = (result: SentenceArgument[][]) => result.map((p) => p.map((s) => s.role));

describe('assignRoles', () => {
  const sut = assignRoles;

  it('finds the thesis in the opening and closing by the author’s stance; the opening’s rest is context, the closing’s sums up claims', () => {
    const result = sut([
      ['Cities keep growing.', 'I believe that public transport deserves more money.', 'Here is why.'],
      ['Buses carry many people at once.', 'For example, one bus replaces forty cars.'],
      ['In conclusion, public transport deserves more money.', 'Buses save space.', 'Who would argue?'],
    ]);
    expect(roles(result)).toEqual([
      ['context', 'thesis', 'context'],
      ['claim', 'support'],
      ['thesis', 'claim', 'context'],
    ]);
  });

  it('reads a plain turn inside a paragraph as a rebuttal of its claim', () => {
    const [, body] = sut([['Intro.', 'I think so.'], ['Trains are fast.', 'They run every hour.', 'But tickets cost a lot.'], ['In short, yes.']]);
    expect(body.map((s) => [s.role, s.target])).toEqual([
      ['claim', null],
      ['support', null],
      ['rebuttal', null],
    ]);
  });

  it('reads a closing’s turn or concession as a claim granted to the other side, and what follows an answered counter-claim as arguing against it', () => {
    const result = sut([
      ['Cities keep growing.', 'I believe that public transport deserves more money.'],
      ['Some argue that roads matter more.', 'However, roads fill up again.', 'Every new lane brings more cars.'],
      ['In conclusion, transport needs money.', 'On the other hand, roads still carry most goods.', 'Buses save space.', 'Cities should act now.'],
    ]);
    expect(result[1].map((s) => [s.role, s.stance])).toEqual([
      ['claim', 'against'],
      ['rebuttal', null],
      ['rebuttal', null],
    ]);
    expect(result[2].map((s) => [s.role, s.stance])).toEqual([
      ['thesis', null],
      ['claim', 'against'],
      ['claim', 'for'],
      ['context', null], // a call for what to do next looks beyond the argument
    ]);
  });

  it('keeps a body paragraph that opens with a turn on the author’s side when the author speaks for it', () => {
    const [, body] = sut([['Intro.', 'I think so.'], ['However, I believe trains are better.', 'They run every hour.'], ['In short, yes.']]);
    expect(body[0]).toMatchObject({ role: 'claim', stance: 'for' });
  });

  it('does not fall back on an opening that ends on what others think: that is their view, not the thesis', () => {
    const [opening] = sut([['Phones are everywhere.', 'Some people argue that schools should ban them.'], ['Phones help pupils look things up.'], ['Phones belong in class.']]);
    expect(roles([opening])).toEqual([['context', 'context']]);
  });

  it('takes a closing’s turn after a concession as the thesis, and the concession as a claim granted to the other side', () => {
    const result = sut([
      ['Cities keep growing.', 'I believe that public transport deserves more money.'],
      ['Buses carry many people at once.'],
      ['In conclusion, I admit that cars are convenient.', 'However, public transport serves a growing city better.', 'Buses save space.'],
    ]);
    expect(result[2].map((s) => [s.role, s.stance])).toEqual([
      ['claim', 'against'],
      ['thesis', null],
      ['claim', 'for'],
    ]);
  });

  it('takes a closing’s stance that turns against its summing up ("However, in my view ...") as the thesis', () => {
    const result = sut([
      ['Cities keep growing.', 'I believe that public transport deserves more money.'],
      ['Buses carry many people at once.'],
      ['In short, cars give people freedom.', 'However, in my view, cities need buses more.'],
    ]);
    expect(result[2].map((s) => [s.role, s.stance])).toEqual([
      ['claim', 'against'],
      ['thesis', null],
    ]);
  });

  it('falls back on position: the opening’s last sentence, the closing’s first', () => {
    const result = sut([['Water is scarce.', 'Farms use most of it.'], ['Drip irrigation halves the use.'], ['Farms must change.', 'Time is short.']]);
    expect(result[0][1].role).toBe('thesis');
    expect(result[2][0].role).toBe('thesis');
  });

  it('takes a conclusion drawn at the end of a paragraph as its claim, with the premises before it', () => {
    const [, body] = sut([
      ['Intro.', 'I think so.'],
      ['Prices rose by half.', 'Wages stayed flat.', 'Therefore, families are poorer.'],
      ['In short, yes.'],
    ]);
    expect(body).toEqual([
      { role: 'support', target: null, stance: null },
      { role: 'support', target: null, stance: null },
      { role: 'claim', target: null, stance: 'for' },
    ]);
  });

  it('aims a premise at the step drawn from it right after ("X. As a result, Y."), and that step at the claim', () => {
    const [, body] = sut([
      ['Intro.', 'I think so.'],
      ['Cycling lanes make towns healthier.', 'More people ride to work.', 'As a result, fewer cars clog the roads.', 'Air quality improves too.'],
      ['In short, yes.'],
    ]);
    expect(body.map((s) => [s.role, s.target])).toEqual([
      ['claim', null],
      ['support', 2],
      ['support', null],
      ['support', null],
    ]);
  });

  it('aims a reason given for the sentence before ("This is because ...") at that sentence', () => {
    const [, body] = sut([
      ['Intro.', 'I think so.'],
      ['Libraries still matter.', 'Many pupils study there after school.', 'This is because their homes are crowded.'],
      ['In short, yes.'],
    ]);
    expect(body.map((s) => [s.role, s.target])).toEqual([
      ['claim', null],
      ['support', null],
      ['support', 1],
    ]);
  });

  it('does not take a conclusion drawn within the writer’s own story for the paragraph’s claim', () => {
    const [, body] = sut([
      ['Intro.', 'I think so.'],
      ['Part-time jobs teach young people about money.', 'Last year I worked in a café.', 'Therefore, I learned to save half of my pay.'],
      ['In short, yes.'],
    ]);
    expect(body.map((s) => s.role)).toEqual(['claim', 'support', 'support']);
  });

  it('marks an opposing view as a rebuttal of the claim, and its answer as a rebuttal of that view', () => {
    const [, body] = sut([
      ['Intro.', 'I think so.'],
      ['Homework helps pupils.', 'Some people argue that it only causes stress.', 'However, this view ignores the evidence.'],
      ['In short, yes.'],
    ]);
    expect(body.map((s) => [s.role, s.target])).toEqual([
      ['claim', null],
      ['rebuttal', null],
      ['rebuttal', 1],
    ]);
  });

  it('gives a conceding paragraph a claim against the thesis, rebutted by the turn that answers it', () => {
    const [, body] = sut([
      ['Intro.', 'I think so.'],
      ['Admittedly, homework can cause stress.', 'Pupils sleep less.', 'However, good planning removes most of it.'],
      ['In short, yes.'],
    ]);
    expect(body.map((s) => [s.role, s.target, s.stance])).toEqual([
      ['claim', null, 'against'],
      ['support', null, null],
      ['rebuttal', null, null],
    ]);
  });

  it('rebuts what a source said when the next sentence turns against it', () => {
    const [paragraph] = sut([['The talks failed.', 'The minister said that the deal was close.', 'But nobody had signed anything.']]);
    expect(paragraph.map((s) => [s.role, s.target])).toEqual([
      ['thesis', null],
      ['support', null],
      ['rebuttal', 1],
    ]);
  });

  it('reads an announcement of various reasons as a signpost, not the thesis', () => {
    const [opening] = sut([
      ['Cooking takes time.', 'I think people will cook less.', 'There are various reasons why I hold this view.'],
      ['Ready meals are cheap.'],
      ['In short, yes.'],
    ]);
    expect(roles([opening])).toEqual([['context', 'thesis', 'context']]);
  });

  it('keeps questions and signposts out of the argument, as context', () => {
    const [, body] = sut([
      ['Intro.', 'I think so.'],
      ['Why does this matter?', 'Schools shape habits.', 'Let us look at the numbers.'],
      ['In short, yes.'],
    ]);
    expect(roles([body])).toEqual([['context', 'claim', 'context']]);
  });

  it('reads the author’s own concession ("I admit that ...") and others’ criticism as the other side', () => {
    const [, conceding, criticised] = sut([
      ['Intro.', 'I think so.'],
      ['I must admit that night trains are slow.', 'Yet they save a hotel bill.'],
      ['Some travellers criticise sleeper cabins as cramped.', 'Newer cabins are roomy.'],
      ['In short, yes.'],
    ]);
    expect(conceding[0]).toEqual({ role: 'claim', target: null, stance: 'against' });
    expect(criticised[0]).toEqual({ role: 'claim', target: null, stance: 'against' });
  });

  it('reads a concession however it is worded ("It\'s true that ...", "It is certainly true that ...")', () => {
    const [, body, other] = sut([
      ['Intro.', 'I think so.'],
      ["It's true that trams cost a lot to build.", 'They last for decades.'],
      ['It is certainly true that rails need upkeep.', 'Roads need more.'],
      ['In short, yes.'],
    ]);
    expect(body[0]).toEqual({ role: 'claim', target: null, stance: 'against' });
    expect(other[0]).toEqual({ role: 'claim', target: null, stance: 'against' });
  });

  it('reads what most people prefer as a view the author may answer', () => {
    const [, body] = sut([['Intro.', 'I think so.'], ['Most people prefer to shop online.', 'Parcels arrive the next day.'], ['In short, yes.']]);
    expect(body[0]).toEqual({ role: 'claim', target: null, stance: 'against' });
  });

  it('does not take a concessive clause for an opposing view', () => {
    const [, body] = sut([['Intro.', 'I think so.'], ['Although it costs money, the plan pays for itself.', 'Savings come in a year.'], ['In short, yes.']]);
    expect(body[0]).toEqual({ role: 'claim', target: null, stance: 'for' });
  });

  it('reads a concessive sentence after the claim ("Although X, Y") as a rebuttal of it, and one before a concluding claim as support', () => {
    const [, after, before] = sut([
      ['Intro.', 'I think so.'],
      ['Cycling keeps people fit.', 'Riders climb hills every day.', 'Although bikes get stolen, locks are cheap.'],
      ['Although bikes get stolen, locks are cheap.', 'Therefore, cycling costs little.'],
      ['In short, yes.'],
    ]);
    expect(after.map((s) => s.role)).toEqual(['claim', 'support', 'rebuttal']);
    expect(before.map((s) => s.role)).toEqual(['support', 'claim']);
    const [, conceding] = sut([['Intro.', 'I think so.'], ['Some argue that bikes are unsafe.', 'Although crashes happen, lanes make riding safe.'], ['In short, yes.']]);
    expect(conceding.map((s) => [s.role, s.stance])).toEqual([
      ['claim', 'against'],
      ['rebuttal', null],
    ]);
  });

  it('reads "On the other hand" inside a paragraph as a second case for its claim, not a rebuttal', () => {
    const [, body] = sut([
      ['Intro.', 'I think so.'],
      ['Public transport saves energy.', 'A full bus burns less fuel per rider than a car.', 'On the other hand, a train runs on electricity.'],
      ['In short, yes.'],
    ]);
    expect(body.map((s) => s.role)).toEqual(['claim', 'support', 'support']);
  });

  it('hears a concession behind a list ordinal ("First of all, it seems true that ...")', () => {
    const [, first, second] = sut([
      ['Intro.', 'I think so.'],
      ['First of all, it seems to be true that cars are convenient.', 'Yet they jam every road.'],
      ['Secondly, there is no doubt that buses are slow.', 'Still, they carry forty people.'],
      ['In short, yes.'],
    ]);
    expect([first[0].stance, second[0].stance]).toEqual(['against', 'against']);
    expect(sut([['Intro.', 'I think so.'], ['Buses are cheap.', 'Firstly, although they are slow, they run often.'], ['In short, yes.']])[1][1].role).toBe('rebuttal');
  });

  it('leaves a closing’s weighing of both sides after its thesis as context', () => {
    const [, , closing] = sut([['Intro.', 'I think so.'], ['Body.'], ['In conclusion, I believe cities suit the young.', 'Both options have their merits.']]);
    expect(closing.map((s) => s.role)).toEqual(['thesis', 'context']);
  });

  it('makes the first claim the thesis of a text without an opening and a closing', () => {
    expect(roles(sut([['Taxes should fall.', 'Growth would follow.']]))).toEqual([['thesis', 'support']]);
  });

  it('reads a turn before a concluding claim as a step towards it, not a rebuttal', () => {
    const [, body] = sut([
      ['Intro.', 'I think so.'],
      ['Old phones were costly.', 'But prices have fallen fast.', 'So, almost everyone can own one now.'],
      ['In short, yes.'],
    ]);
    expect(body.map((s) => s.role)).toEqual(['support', 'support', 'claim']);
  });

  it('takes a sentence opening with "So," as a conclusion', () => {
    const [, body] = sut([['Intro.', 'I think so.'], ['Rents doubled.', 'Wages did not.', 'So, young people leave the city.'], ['In short, yes.']]);
    expect(body[2].role).toBe('claim');
  });

  it('does not take "and other things" for a second side of the question', () => {
    const [opening] = sut([['Phones are everywhere.', 'In my view, phones help work and other tasks.'], ['Body.'], ['In short, yes.']]);
    expect(opening[1].role).toBe('thesis');
  });

  it('does not take a bare stance on a view stated elsewhere for the thesis', () => {
    const [opening] = sut([
      ['Cars fill our streets.', 'Cities should ban cars from their centres.', 'Personally, I agree with this view for two reasons.'],
      ['Body.'],
      ['In short, yes.'],
    ]);
    expect(opening.map((s) => s.role)).toEqual(['context', 'thesis', 'context']);
  });

  it('keeps a stance given "for the following reasons" as the thesis, while "The following are my reasons." only signposts', () => {
    const [opening] = sut([
      ['Trains are slow here.', 'I think the city should build a tram line for the following reasons.', 'The following are my reasons.'],
      ['Body.'],
      ['In short, yes.'],
    ]);
    expect(opening.map((s) => s.role)).toEqual(['context', 'thesis', 'context']);
  });

  it('reads a turn from the past to the present as support, not a rebuttal', () => {
    const [, body] = sut([
      ['Intro.', 'I think so.'],
      ['Letters have become cheap to send.', 'Years ago, a stamp cost a day of wages.', 'But nowadays, an email costs nothing.'],
      ['In short, yes.'],
    ]);
    expect(body.map((s) => s.role)).toEqual(['claim', 'support', 'support']);
  });

  it('leaves a closing’s hope for the future out of the argument, as context', () => {
    const [, , closing] = sut([['Intro.', 'I think so.'], ['Body.'], ['In conclusion, parks make cities better.', 'It is hoped that more cities will follow.']]);
    expect(closing.map((s) => s.role)).toEqual(['thesis', 'context']);
  });

  it('takes a conclusion drawn mid-paragraph and then illustrated as the claim', () => {
    const [, body] = sut([
      ['Intro.', 'I think so.'],
      ['Bikes need little space.', 'Thus, bike lanes relieve crowded streets.', 'For example, one lane carries five times more people than a car lane.'],
      ['In short, yes.'],
    ]);
    expect(body.map((s) => s.role)).toEqual(['support', 'claim', 'support']);
  });

  it('takes a stance that states its claim for the thesis, even when it gives reasons', () => {
    const [opening] = sut([['Teens need money sense.', 'I agree that it is best for teens to work part-time, for several reasons.'], ['Body.'], ['In short, yes.']]);
    expect(opening[1].role).toBe('thesis');
  });

  it('leaves the thesis to the closing when the opening sets two views side by side without taking one', () => {
    const [opening] = sut([
      ['Zoos are old.', 'Some praise them, while others condemn them.', 'Zoos now breed rare species.'],
      ['Body.'],
      ['In conclusion, zoos do more good than harm.'],
    ]);
    expect(opening.map((s) => s.role)).toEqual(['context', 'context', 'context']);
  });

  it('reads a closing’s further stance that calls for action as context once the thesis is restated', () => {
    const [, , closing] = sut([
      ['Intro.', 'I think so.'],
      ['Body.'],
      ['In conclusion, I believe that parks make cities better.', 'Therefore, we should plant more trees.'],
    ]);
    expect(closing.map((s) => s.role)).toEqual(['thesis', 'context']);
  });

  it('keeps a closing that weighs both sides or agrees with "the first group" from being the thesis; the weighing grants the other side a claim', () => {
    const [, , closing] = sut([
      ['Intro.', 'I think so.'],
      ['Body.'],
      ['To sum up, city life has both pros and cons.', 'From my point of view, I agree with the first group.', 'Cities give more chances to the young.'],
    ]);
    expect(closing.map((s) => [s.role, s.stance])).toEqual([
      ['claim', 'against'],
      ['context', null],
      ['thesis', null],
    ]);
  });

  it('reads an announcement of reasons and a sentence weighing both options as framing', () => {
    const [opening] = sut([
      ['Trains serve cities better than cars.', 'Both options have their uses.', 'There are some reasons to support my view.'],
      ['Body.'],
      ['In short, yes.'],
    ]);
    expect(opening.map((s) => s.role)).toEqual(['thesis', 'context', 'context']);
  });

  it('keeps a closing’s plain "However ..." or "Although X, Y" on the author’s side', () => {
    const [, , closing] = sut([
      ['Intro.', 'I think so.'],
      ['Body.'],
      ['In conclusion, trams suit our city.', 'However, buses remain useful at night.', 'Although trams cost more, they last longer.'],
    ]);
    expect(closing.map((s) => [s.role, s.stance])).toEqual([
      ['thesis', null],
      ['claim', 'for'],
      ['claim', 'for'],
    ]);
  });

  it('reads "On the other hand" after an "On the one hand" paragraph as the author’s side', () => {
    const [, first, second] = sut([
      ['Intro.', 'I think so.'],
      ['On the one hand, dorms are close to class.', 'Students save time.'],
      ['On the other hand, flats teach students to run a home.', 'They pay bills and cook.'],
      ['In short, yes.'],
    ]);
    expect(first[0]).toMatchObject({ role: 'claim', stance: 'for' });
    expect(second[0]).toMatchObject({ role: 'claim', stance: 'for' });
  });

  it('takes a conclusion drawn right after the opening sentence as the claim', () => {
    const [, body] = sut([
      ['Intro.', 'I think so.'],
      ['Rents have doubled in ten years.', 'Therefore, the city must build homes.', 'Young families are leaving.', 'Shops lose their staff.'],
      ['In short, yes.'],
    ]);
    expect(body.map((s) => s.role)).toEqual(['support', 'claim', 'support', 'support']);
  });

  it('hears the author’s stance in "In my personal point of view" and "I would definitely agree"', () => {
    const opening = (sentence: string) => sut([['Work ends at some age.', sentence, 'Many retire early.'], ['Body.'], ['In short, yes.']])[0];
    expect(opening('In my personal point of view, people should retire at sixty.')[1].role).toBe('thesis');
    expect(opening('I would definitely agree that people should retire at sixty.')[1].role).toBe('thesis');
  });

  it('does not take "In my opinion, the latter view is right." for the thesis', () => {
    const [opening] = sut([['Some want trams, while others want buses.', 'Buses are cheaper to run.', 'In my opinion, the latter view is right.'], ['Body.'], ['In short, yes.']]);
    expect(opening.map((s) => s.role)).toEqual(['context', 'context', 'context']);
  });

  it('does not take "the following generation" for a signpost', () => {
    const [, , closing] = sut([['Intro.', 'I think so.'], ['Body.'], ['All in all, older workers lag behind the following generation.', 'Firms know it.']]);
    expect(closing[0].role).toBe('thesis');
  });

  it('hears a summing up in "By way of conclusion" and "To put it in a nutshell"', () => {
    for (const sentence of ['By way of conclusion, trams suit our city.', 'To put it in a nutshell, trams suit our city.']) {
      const [, , closing] = sut([['Intro.', 'I think so.'], ['Body.'], ['Buses are cheap.', sentence]]);
      expect(closing.map((s) => s.role)).toEqual(['claim', 'thesis']);
    }
  });

  it('takes the opening’s last stance as its thesis when it voices several', () => {
    const [opening] = sut([['Personally, I love old towns.', 'Rents keep rising.', 'I believe cities must cap rents.'], ['Body.'], ['In short, yes.']]);
    expect(opening.map((s) => s.role)).toEqual(['context', 'context', 'thesis']);
  });

  it('handles empty input', () => {
    expect(sut([])).toEqual([]);
    expect(sut([[]])).toEqual([[]]);
  });
});
