import { describe, expect, it } from 'vitest';
import type { Analysis, Attribution } from '../doc/schema.js';
import { attribute } from './test-pipeline.js';

const TITLE = 'Ferry service returns to Tromsø\n\n';

function find(a: Analysis, contentIncludes: string): Attribution {
  const found = (a.layers.attributions ?? []).find((x) => x.content.text.includes(contentIncludes));
  if (!found) throw new Error(`no attribution with content "${contentIncludes}": ${JSON.stringify((a.layers.attributions ?? []).map((x) => x.content.text))}`);
  return found;
}

function whole(x: Attribution): string {
  const parts = x.parts ?? [x.content];
  return parts.map((p) => p.text).join(' | ');
}

describe('Attributor: long subjects', () => {
  it('takes a subject with an age, an apposition and a relative clause as the speaker', () => {
    const a = attribute(`${TITLE}Ola Nilsen, 58, a ferry captain who has sailed the route for decades, said the new timetable was too tight.`);
    const x = find(a, 'new timetable');
    expect(x.speaker?.text).toBe('Ola Nilsen, 58, a ferry captain who has sailed the route for decades');
    expect(x.content.text).toBe('the new timetable was too tight');
  });

  it('skips an opening time phrase before a long subject', () => {
    const a = attribute(`${TITLE}And on Friday, Kari Lund, the deputy head of the regional transport board in the north, said that fares would stay the same.`);
    expect(find(a, 'fares would stay').speaker?.text).toBe('Kari Lund, the deputy head of the regional transport board in the north');
  });

  it('does not make a subject of a word before a hyphenated cue', () => {
    const a = attribute(`${TITLE}The so-called “harbour plan” was shelved in the spring.`);
    expect(a.layers.attributions ?? []).toEqual([]);
  });
});

describe('Attributor: content around a parenthetical frame', () => {
  it('a clause, then "she said", then the rest of the sentence is one statement in two pieces', () => {
    const a = attribute(`${TITLE}When the ferry finally docked, she said, there were no tickets left for the return trip.`);
    const x = find(a, 'ferry finally docked');
    expect(x.speaker?.text).toBe('she');
    expect(whole(x)).toBe('When the ferry finally docked | there were no tickets left for the return trip');
  });

  it('a participle after the frame is not part of the content', () => {
    const a = attribute(`${TITLE}The crossing will take longer this winter, the operator said, adding that prices would not change.`);
    const x = find(a, 'crossing will take longer');
    expect(whole(x)).toBe('The crossing will take longer this winter');
    const added = find(a, 'prices would not change');
    expect(added.speaker?.text).toBe('the operator');
    expect(added.cue?.text).toBe('adding');
  });

  it('a quotation ending a clause begun in plain words belongs to the whole clause', () => {
    const a = attribute(`${TITLE}The board cut two departures and in doing so it “broke a promise to the islands,” the mayor said.`);
    const x = find(a, 'broke a promise');
    expect(x.content.text.startsWith('The board cut two departures')).toBe(true);
    expect(x.speaker?.text).toBe('the mayor');
  });

  it('a quotation opening the sentence stays the content by itself', () => {
    const a = attribute(`${TITLE}“We will run extra boats at Easter,” the operator said.`);
    expect(find(a, 'extra boats').content.text).toBe('“We will run extra boats at Easter,”');
  });
});

describe('Attributor: sources and stance verbs', () => {
  it('takes a source the tagger reads with a verb in it after "according to"', () => {
    const a = attribute(`${TITLE}Islanders made up a third of the passengers last year, according to exit surveys.\n\nAccording to recent polling, the ferry is more popular than the bridge.`);
    expect(find(a, 'Islanders made up').speaker?.text).toBe('exit surveys');
    expect(find(a, 'ferry is more popular').speaker?.text).toBe('recent polling');
  });

  it('reads a bare clause after "reported" and the object of stance verbs', () => {
    const a = attribute(`${TITLE}The local paper reported two ferries were delayed by ice.\n\nThe mayor lambasted the operator for the delays.\n\nThe captain recounted a storm off the northern cape.`);
    expect(find(a, 'two ferries were delayed').speaker?.text).toBe('The local paper');
    expect(find(a, 'the operator').cue?.lemma).toBe('lambaste');
    expect(find(a, 'a storm').speaker?.text).toBe('The captain');
  });

  it('reads phrasal stance verbs ("sided with", "took aim at")', () => {
    const a = attribute(`${TITLE}The council sided with the fishermen on the quota.\n\nThe opposition took aim at the new timetable.`);
    expect(find(a, 'the fishermen').cue?.lemma).toBe('side with');
    expect(find(a, 'the new timetable').speaker?.text).toBe('The opposition');
  });
});

describe('Attributor: objects, coordination and questions', () => {
  it('an object with quotation marks inside it is the content', () => {
    const a = attribute(`${TITLE}The mayor blamed the “winter chaos” on the operator.\n\nIn a post, Berg called the plan a “floating disaster,” linking to a report.`);
    expect(find(a, 'winter chaos').content.text).toBe('the “winter chaos” on the operator');
    expect(find(a, 'floating disaster').content.text).toBe('the plan a “floating disaster,”');
  });

  it('a second predicate of the same subject ends the content and is a statement of its own', () => {
    const a = attribute(`${TITLE}The operator welcomed the subsidy and said more boats would follow.\n\nBerg said the fares were too high but praised the new cabins.`);
    expect(find(a, 'the subsidy').content.text).toBe('the subsidy');
    expect(find(a, 'more boats would follow').speaker?.text).toBe('The operator');
    expect(find(a, 'fares were too high').content.text).toBe('the fares were too high');
    expect(find(a, 'new cabins').speaker?.text).toBe('Berg');
  });

  it('"Asked whether ..." reports a question with no named asker', () => {
    const a = attribute(`${TITLE}Asked whether the ferry would run at Easter, Berg said it would.\n\nThe captain only smiled when asked about the storm.`);
    const q = find(a, 'whether the ferry would run');
    expect(q.speaker).toBeNull();
    expect(q.cue?.lemma).toBe('ask');
    expect(q.content.text).toBe('whether the ferry would run at Easter');
    expect(find(a, 'about the storm').speaker).toBeNull();
    expect(find(a, 'it would').speaker?.text).toBe('Berg');
  });

  it('"asked" with a named subject is not a speakerless question', () => {
    const a = attribute(`${TITLE}The council asked the operator about the delays.`);
    expect((a.layers.attributions ?? []).every((x) => x.speaker !== null)).toBe(true);
  });
});

describe('Attributor: subjects with appositions and participles', () => {
  it('a subject closing an apposition speaks for a noun-phrase object, with "for" and a gerund kept', () => {
    const a = attribute(`${TITLE}Kari Lund of Bodø, a former harbour master, criticised the operator for cancelling the night boat.`);
    const x = find(a, 'the operator');
    expect(x.speaker?.text).toBe('Kari Lund of Bodø, a former harbour master');
    expect(x.content.text).toBe('the operator for cancelling the night boat');
  });

  it('a participle after a long subject and its verb phrase goes with that subject', () => {
    const a = attribute(`${TITLE}Tom Berg, who leads the ferry union, has taken up the complaint, telling the radio that the crews are exhausted.`);
    expect(find(a, 'crews are exhausted').speaker?.text).toBe('Tom Berg, who leads the ferry union');
  });

  it('"..., records show" closes a clause with a plural-noun source', () => {
    const a = attribute(`${TITLE}The old ferry was sold for two million crowns in 2019, records show.`);
    expect(find(a, 'old ferry was sold').speaker?.text).toBe('records');
  });
});

describe('Attributor: relative clauses and survey subjects', () => {
  it('"which she said was a mistake": the relative clause is the content', () => {
    const a = attribute(`${TITLE}The fare rise, which the mayor has repeatedly said was a mistake, is still in force.`);
    const x = find(a, 'was a mistake');
    expect(x.speaker?.text).toBe('the mayor');
    expect(x.content.text).toBe('which the mayor has repeatedly said was a mistake');
  });

  it('"those surveyed say" and "voters polled said" are speakers', () => {
    const a = attribute(`${TITLE}By wide margins, those surveyed say the ferry should run all night.\n\nIslanders polled said the bridge was too expensive.`);
    expect(find(a, 'ferry should run').speaker?.text).toBe('those surveyed');
    expect(find(a, 'bridge was too expensive').speaker?.text).toBe('Islanders polled');
  });

  it('an opening phrase with no verb, "she said", then the statement', () => {
    const a = attribute(`${TITLE}In both years, the treasurer said, the donations paid for the harbour lights.`);
    const x = find(a, 'donations paid');
    expect(x.speaker?.text).toBe('the treasurer');
    expect(x.parts?.[1]?.text).toBe('the donations paid for the harbour lights');
  });
});

describe('Attributor: passive reporting verbs', () => {
  it('"was rejected by X": the by-phrase speaks, the passive clause is the content', () => {
    const a = attribute(`${TITLE}The new timetable was rejected by the island councils on Monday.`);
    const x = find(a, 'timetable was rejected');
    expect(x.speaker?.text).toBe('the island councils');
    expect(x.cue?.lemma).toBe('reject');
  });

  it('an agentless passive has no speaker; "is considered" stays with the hedge rules', () => {
    const a = attribute(`${TITLE}The ferry plan was praised at the meeting.\n\nThe bridge is considered too expensive.`);
    expect(find(a, 'ferry plan was praised').speaker).toBeNull();
    expect((a.layers.attributions ?? []).filter((x) => x.content.text.includes('bridge')).length).toBeLessThanOrEqual(1);
  });
});

describe('Attributor: prepositional objects, infinitives and long names', () => {
  it('"asked for", "warned of", "agreed with": the object of the preposition is the content', () => {
    const a = attribute(`${TITLE}The captain asked for volunteers to move to the stern.\n\nDoctors warned of the risk of seasickness.`);
    expect(find(a, 'volunteers').content.text).toBe('volunteers to move to the stern');
    expect(find(a, 'risk of seasickness').speaker?.text).toBe('Doctors');
  });

  it('an infinitive cue takes the subject of the verb or adjective it depends on', () => {
    const a = attribute(`${TITLE}Readers of the paper were quick to condemn the new fares.\n\nBerg is continuing to insist she will publish the logbook.`);
    expect(find(a, 'new fares').speaker?.text).toBe('Readers of the paper');
    expect(find(a, 'publish the logbook').speaker?.text).toBe('Berg');
  });

  it('an expletive "it" is no speaker for an infinitive cue', () => {
    const a = attribute(`${TITLE}It is hard to see how the ferry can pay for itself.`);
    expect((a.layers.attributions ?? []).some((x) => x.speaker?.text === 'It')).toBe(false);
  });

  it('a name the tagger reads as a verb and a participle apposition still make a subject', () => {
    const a = attribute(`${TITLE}Grant Holm, an unaligned island councillor, said the vote was rushed.\n\nJon Vik, 39, a fisherman visiting Bodø with his family, told the radio that the harbour was full.`);
    expect(find(a, 'vote was rushed').speaker?.text).toBe('Grant Holm, an unaligned island councillor');
    expect(find(a, 'harbour was full').speaker?.text).toBe('Jon Vik, 39, a fisherman visiting Bodø with his family');
  });
});

describe('Attributor: plural subjects and adjectives of intention', () => {
  it('a cue form tagged as a noun after a plural subject is a verb', () => {
    const a = attribute(`${TITLE}Many island activists dislike the very idea of a toll.`);
    expect(find(a, 'idea of a toll').speaker?.text).toBe('Many island activists');
  });

  it('"is eager to", "are reluctant to" report an intention', () => {
    const a = attribute(`${TITLE}The captains are reluctant to sign the new contract.`);
    const x = find(a, 'sign the new contract');
    expect(x.speaker?.text).toBe('The captains');
    expect(x.cue?.text).toBe('are reluctant');
  });
});

describe('Attributor: a clause and a colon introduce a quotation', () => {
  it('the subject of the clause before the colon speaks, whatever the verb', () => {
    const a = attribute(`${TITLE}Later that evening, Berg went even further: “If the ferry stops, the island dies.”`);
    const x = find(a, 'island dies');
    expect(x.speaker?.text).toBe('Berg');
    expect(x.type).toBe('direct');
  });

  it('a reporting verb before the colon keeps its own frame', () => {
    const a = attribute(`${TITLE}The mayor praised the crews: “They worked day and night.”`);
    expect(find(a, 'day and night').cue?.lemma).toBe('praise');
  });
});

describe('Attributor: indirect questions', () => {
  it('any reporting verb takes a wh-clause, and any verb a whether-clause', () => {
    const a = attribute(`${TITLE}Berg explained why the islanders would love the new ferry.\n\nThe council debated whether the old quay should close.`);
    expect(find(a, 'why the islanders').speaker?.text).toBe('Berg');
    expect(find(a, 'whether the old quay').speaker?.text).toBe('The council');
  });
});

describe('Attributor: participles without a comma', () => {
  it('a participle right after a noun is a reduced relative: the noun speaks', () => {
    const a = attribute(`${TITLE}Last year the bank gave money to a group backing Holm.`);
    const x = find(a, 'Holm');
    expect(x.speaker?.text).toBe('a group');
    expect(x.cue?.text).toBe('backing');
  });

  it('a participle clause opening the sentence goes with the main subject', () => {
    const a = attribute(`${TITLE}After thanking the crew, the captain praised the new ferry.`);
    expect(find(a, 'the crew').speaker?.text).toBe('the captain');
  });

  it('a participle after "before" goes with the subject of the clause before it', () => {
    const a = attribute(`${TITLE}Berg stopped giving interviews before announcing her run in April.`);
    expect(find(a, 'her run').speaker?.text).toBe('Berg');
  });

  it('a participle in an apposition goes with the noun before its comma', () => {
    const a = attribute(`${TITLE}Salceda, citing figures from the ministry, said that four ferries were late.`);
    expect(find(a, 'figures from the ministry').speaker?.text).toBe('Salceda');
  });
});

describe('Attributor: quotation before any speech verb', () => {
  it('a quotation closing right before "he urged them" is what he urged', () => {
    const a = attribute(`${TITLE}“One more minute, please,” the captain urged the passengers.`);
    const x = find(a, 'One more minute');
    expect(x.speaker?.text).toBe('the captain');
    expect(x.cue?.lemma).toBe('urge');
  });
});

describe('Attributor: quantifier subjects and adverbs between subject and verb', () => {
  it('"Most believe", "Many say": the quantifier is the speaker', () => {
    const a = attribute(`${TITLE}Most believe that the ferry will return.\n\nBut many say the timetable is too tight.`);
    expect(find(a, 'ferry will return').speaker?.text).toBe('Most');
    expect(find(a, 'timetable is too tight').speaker?.text).toBe('many');
  });

  it('"has since stressed": "since" between auxiliary and verb', () => {
    const a = attribute(`${TITLE}The operator has since stressed that no sailings were cancelled.`);
    expect(find(a, 'no sailings').speaker?.text).toBe('The operator');
  });
});

describe('Attributor: naming is not saying', () => {
  it('"a group called Harbour Watch" names; "the mayor called Berg a liar" says', () => {
    const a = attribute(`${TITLE}A new group called Harbour Watch met on Monday.\n\nThe mayor called Berg a liar.`);
    expect((a.layers.attributions ?? []).some((x) => x.content.text.includes('Harbour Watch'))).toBe(false);
    expect(find(a, 'Berg a liar').speaker?.text).toBe('The mayor');
  });
});

describe('Attributor: gerunds after a verb and "which" as speaker', () => {
  it('"has avoided directly criticizing X": the subject of the governing verb', () => {
    const a = attribute(`${TITLE}Berg has avoided directly criticizing the operator.`);
    expect(find(a, 'the operator').speaker?.text).toBe('Berg');
  });

  it('"which largely supports": the relative word stands for the speaker, as written', () => {
    const a = attribute(`${TITLE}The union, which largely supports the plan, met on Monday.`);
    expect(find(a, 'the plan').speaker?.text).toBe('which');
  });
});

describe('Attributor: more verb + particle cues', () => {
  it('"calls for", "laid out", "voted against" take their object as content', () => {
    const a = attribute(`${TITLE}The union calls for a second night ferry.\n\nThe mayor laid out a plan for the quay.\n\nThe council voted against the new toll.`);
    expect(find(a, 'second night ferry').cue?.lemma).toBe('call for');
    expect(find(a, 'a plan for the quay').speaker?.text).toBe('The mayor');
    expect(find(a, 'the new toll').cue?.lemma).toBe('vote for');
  });
});

describe('Attributor: express, voice, compare', () => {
  it('"expressed" with any object, "compared X to Y"', () => {
    const a = attribute(`${TITLE}The fishermen expressed frustration with the new quota.\n\nBerg compared the toll to a tax on islanders.`);
    expect(find(a, 'frustration').speaker?.text).toBe('The fishermen');
    expect(find(a, 'the toll to a tax').cue?.lemma).toBe('compare');
  });
});

describe('Attributor: statements in sequence', () => {
  it('"7 percent said A, while 27 percent said B": two statements, the first ends at the comma', () => {
    const a = attribute(`${TITLE}While only 7 percent said they were undecided, 27 percent said they could change their minds.`);
    expect(find(a, 'undecided').content.text).toBe('they were undecided');
    expect(find(a, 'change their minds').speaker?.text).toBe('27 percent');
  });

  it('"X told aides that ..." inside a report with no comma stays nested', () => {
    const a = attribute(`${TITLE}The paper reported that Berg told aides that the ferry would stop.`);
    expect((a.layers.attributions ?? []).length).toBe(1);
  });

  it('"saying A and suggesting B": two statements by the same speaker', () => {
    const a = attribute(`${TITLE}Later that day, Berg fired back, saying she would not support the toll and suggesting that the council should resign.`);
    expect(find(a, 'support the toll').content.text).toBe('she would not support the toll');
    expect(find(a, 'council should resign').speaker?.text).toBe('Berg');
  });
});

describe('Attributor: trailing speakers with asides', () => {
  it('"said Sen. Kari Lund (D-Nord.), who ..." keeps the quotation before it', () => {
    const a = attribute(`${TITLE}“It is the beginning of the end for the toll,” said Sen. Kari Lund (D-Nord.), who has pushed for a bridge.`);
    expect(find(a, 'beginning of the end').speaker?.text).toBe('Sen. Kari Lund');
  });

  it('"“...,” Berg said when asked whether ..." gives the quotation to Berg', () => {
    const a = attribute(`${TITLE}“You bet I would,” Berg said when asked whether she would cancel the toll.`);
    expect(find(a, 'You bet').speaker?.text).toBe('Berg');
  });
});

describe('Attributor: a long speaker between a quotation and its cue', () => {
  it('"“...,” Jon Berg, the former harbour master and a candidate, told the radio"', () => {
    const a = attribute(`${TITLE}“The mayor has no plan for the quay,” Jon Berg, the former harbour master and a council candidate, told the radio.`);
    expect(find(a, 'no plan for the quay').speaker?.text).toBe('Jon Berg, the former harbour master and a council candidate');
  });
});

describe('Attributor: names the tagger reads as verbs', () => {
  it('"Cook said ..." at the start of a clause: Cook is the speaker', () => {
    const a = attribute(`${TITLE}Cook said Carter stopped the night ferry.`);
    expect(find(a, 'stopped the night ferry').speaker?.text).toBe('Cook');
  });
});

describe('Attributor: a phrase participle hanging off a report ("..., she said, referring to ...")', () => {
  it('"referring to" after "X said" is X\'s, with the noun phrase as content', () => {
    const a = attribute(`${TITLE}“We cannot wait another winter,” Berg said, referring to the broken quay crane.`);
    const x = find(a, 'broken quay crane');
    expect(x.speaker?.text).toBe('Berg');
    expect(x.cue?.text).toBe('referring to');
    expect(x.content.text).toBe('the broken quay crane');
  });

  it('after an inverted frame with an apposition, the speaker is the name after "said"', () => {
    const a = attribute(`${TITLE}“We need a new boat,” said Kari Lund, the harbour chief, referring to the old night ferry.`);
    expect(find(a, 'old night ferry').speaker?.text).toBe('Kari Lund');
    expect(find(a, 'need a new boat').speaker?.text).toBe('Kari Lund');
  });

  it('a quotation after the participle sentence goes on with the quoted statement, not with the participle', () => {
    const a = attribute(`${TITLE}“We need a new boat,” said Ms. Lund, referring to the old night ferry. “Give us the money and we will build it.”`);
    expect(whole(find(a, 'need a new boat'))).toBe('“We need a new boat,” | “Give us the money and we will build it.”');
    const referring = (a.layers.attributions ?? []).find((x) => x.cue?.text === 'referring to');
    expect(referring && whole(referring)).toBe('the old night ferry');
  });

  it('a participle phrase inside the subject\'s commas is not a statement', () => {
    const a = attribute(`${TITLE}Others, reacting to the long delay, shouted, “Open the gates!”`);
    expect((a.layers.attributions ?? []).some((x) => x.cue?.text === 'reacting to')).toBe(false);
    expect(find(a, 'Open the gates').cue?.text).toBe('shouted');
  });

  it('a verb after an apposition is not an inverted frame ("Lund, an aide, emailed staff, telling them ...")', () => {
    const a = attribute(`${TITLE}Kari Lund, the harbour chief, emailed staff on Monday, telling them that the quay would close.`);
    expect(find(a, 'quay would close').speaker?.text).toBe('Kari Lund, the harbour chief');
  });
});

describe('Attributor: "Asked <where/when/by whom> whether ..."', () => {
  it('a place or time phrase before the question does not hide it', () => {
    const a = attribute(`${TITLE}Asked on local radio whether the night ferry would return, Lund said the board had not decided.`);
    const asked = find(a, 'night ferry would return');
    expect(asked.cue?.text).toBe('Asked');
    expect(asked.content.text).toBe('whether the night ferry would return');
    expect(asked.speaker).toBeNull();
    expect(find(a, 'board had not decided').speaker?.text).toBe('Lund');
  });

  it('"asked by X" names the one who asked', () => {
    const a = attribute(`${TITLE}When asked by a local reporter why the fares went up, Berg blamed the fuel prices.`);
    const asked = find(a, 'fares went up');
    expect(asked.content.text).toBe('why the fares went up');
    expect(asked.speaker?.text).toBe('a local reporter');
  });

  it('"why" and "how" tagged as adverbs open the question; "when asked" anywhere; a lone "why"; a quoted title and a dash end it', () => {
    const a = attribute(`${TITLE}Asked why she had yet to back the plan during an appearance on "Harbour Morning Radio," Lund said she had not read it.\n\nBerg used the same words when asked in May if he would run.\n\nWhen asked why, Holm said nothing.\n\nBut when asked how she would define the "old guard" - the term used by Berg - Lund laughed.`);
    expect(find(a, 'yet to back').content.text).toBe('why she had yet to back the plan during an appearance on "Harbour Morning Radio,"');
    expect(find(a, 'had not read').speaker?.text).toBe('Lund');
    expect(find(a, 'would run').content.text).toBe('if he would run');
    expect((a.layers.attributions ?? []).some((x) => x.content.text === 'why')).toBe(true);
    expect(find(a, 'define').content.text).toBe('how she would define the "old guard"');
  });

  it('a phrase that never reaches a question word is not a question', () => {
    const a = attribute(`${TITLE}Asked on the quay in the rain, Lund only smiled.`);
    expect((a.layers.attributions ?? []).some((x) => x.cue?.text === 'Asked')).toBe(false);
  });
});

describe('Attributor: "As X noted, ..." and circumstances after a trailing speaker', () => {
  it('a clause opened by "as" gives its speaker to the main clause after the comma', () => {
    const a = attribute(`${TITLE}As the harbour paper noted on Monday, the night ferry has lost money for years.`);
    const x = find(a, 'night ferry');
    expect(x.speaker?.text).toBe('the harbour paper');
    expect(x.cue?.text).toBe('noted');
    expect(x.content.text).toBe('the night ferry has lost money for years');
    // "as" inside a clause is no such opener.
    const b = attribute(`${TITLE}The board grew as the mayor said, and the ferry stopped.`);
    expect((b.layers.attributions ?? []).some((y) => y.content.text.includes('ferry stopped'))).toBe(false);
  });

  it('an as-clause in a parenthesis, after "And," or after a clause and its comma', () => {
    const a = attribute(`${TITLE}(As the harbour paper first reported, the night ferry lost money for years.)\n\nThe mayor met the board that day, as the radio reported on Tuesday, and left early.\n\nAnd, as the council noted, the quay needs repairs.`);
    expect(find(a, 'night ferry').content.text).toBe('the night ferry lost money for years');
    const b = find(a, 'mayor met');
    expect(b.speaker?.text).toBe('the radio');
    expect(b.content.text).toBe('The mayor met the board that day');
    expect(find(a, 'quay needs').speaker?.text).toBe('the council');
  });

  it('after a clause and its speaker, what follows a cue that opens no content is circumstance', () => {
    const a = attribute(`${TITLE}The fares will rise in May, Lund said at a meeting to plan the summer timetable.\n\nThe quay is safe, Berg told reporters as he left the harbour.`);
    const x = find(a, 'fares will rise');
    expect(x.speaker?.text).toBe('Lund');
    expect(x.content.text).toBe('The fares will rise in May');
    const y = find(a, 'quay is safe');
    expect(y.speaker?.text).toBe('Berg');
    expect(y.addressee?.text).toBe('reporters');
    // An opening adverbial is no statement.
    const b = attribute(`${TITLE}In 2012, Lund pleaded guilty to a charge of fraud.`);
    expect((b.layers.attributions ?? []).some((y) => y.content.text === 'In 2012')).toBe(false);
  });
});

describe('Attributor: infinitives of purpose and chains of infinitives', () => {
  it('an infinitive after an object or a place belongs to the subject of the clause verb', () => {
    const a = attribute(`${TITLE}Kari Lund appeared on the harbour radio to defend the new timetable.`);
    const x = find(a, 'new timetable');
    expect(x.speaker?.text).toBe('Kari Lund');
    expect(x.cue?.text).toBe('defend');
  });

  it('a chain of infinitives goes back to the first one\'s subject', () => {
    const a = attribute(`${TITLE}Lund will have to continue to defend the new timetable.`);
    expect(find(a, 'new timetable').speaker?.text).toBe('Lund');
  });
});

describe('Attributor: a short quotation after "said,"', () => {
  it('"said, “We\'ll see,” when asked" quotes even two words', () => {
    const a = attribute(`${TITLE}Lund had said, "We'll see," when asked whether the ferry would return.`);
    const x = find(a, "We'll see");
    expect(x.speaker?.text).toBe('Lund');
    expect(x.type).toBe('direct');
  });
});

describe('Attributor: the clause a participle hangs off', () => {
  it('skips verbs inside a quotation and an opening participle phrase when finding the subject', () => {
    const a = attribute(`${TITLE}"I think the ferry will be late again," Lund told reporters, before insisting that fares would rise.\n\nSpeaking on Tuesday in Tromsø, Berg insisted that the quay was safe, claiming that the repairs were done.`);
    expect(find(a, 'fares would rise').speaker?.text).toBe('Lund');
    expect(find(a, 'repairs were done').speaker?.text).toBe('Berg');
  });

  it('a dash sets off a participle as a comma does', () => {
    const a = attribute(`${TITLE}Lund changed her mind on the spot – saying she would back the plan after all.`);
    expect(find(a, 'back the plan').speaker?.text).toBe('Lund');
  });
});

describe('Attributor: a time phrase ends a noun-phrase content', () => {
  it('"endorsed Berg last week", "praised the plan on Thursday", but not "in the last year of" or "Super Tuesday"', () => {
    const a = attribute(`${TITLE}The mayor endorsed Nils Berg last week.\n\nLund praised the plan on Thursday night.\n\nBerg criticised the steps taken in the last year of her term.`);
    expect(find(a, 'Nils Berg').content.text).toBe('Nils Berg');
    expect(find(a, 'the plan').content.text).toBe('the plan');
    expect(find(a, 'steps taken').content.text).toBe('the steps taken in the last year of her term');
  });
});

describe('Attributor: "according to" after a reported belief', () => {
  it('a belief or intention inside the content is what the source reports; a statement stays relayed', () => {
    const a = attribute(`${TITLE}Almost two in three voters now view the ferry plan favorably, compared with 31 percent who view it unfavorably, according to the harbour poll.\n\nLund said the fares would rise, according to the harbour paper.`);
    const poll = find(a, 'view the ferry plan');
    expect(poll.speaker?.text).toBe('the harbour poll');
    expect(poll.cue?.text).toBe('according to');
    const said = find(a, 'fares would rise');
    expect(said.speaker?.text).toBe('Lund');
    expect(said.chain.map((c) => c.name)).toContain('the harbour paper');
  });
});

describe('Attributor: lists in a noun-phrase content', () => {
  it('"blamed several factors, including ..." and a list ending in "and" go on; an apposition does not', () => {
    const a = attribute(`${TITLE}Lund blamed several factors, including the fuel prices.\n\nBerg questioned the mayor's tactics, his judgment and his plans.\n\nThe board praised Kari Holm, a former captain.`);
    expect(find(a, 'several factors').content.text).toBe('several factors, including the fuel prices');
    expect(find(a, 'tactics').content.text).toBe("the mayor's tactics, his judgment and his plans");
    expect(find(a, 'Kari Holm').content.text).toBe('Kari Holm');
  });
});

describe('Attributor: more stance verbs with a noun-phrase content', () => {
  it('"deemed", "disavowed", "knocked" take their object as content', () => {
    const a = attribute(`${TITLE}The harbour board deemed the plan too costly.\n\nLund disavowed the remarks.\n\nBerg knocked the mayor's budget.`);
    expect(find(a, 'the plan').speaker?.text).toBe('The harbour board');
    expect(find(a, 'the remarks').cue?.text).toBe('disavowed');
    expect(find(a, 'budget').speaker?.text).toBe('Berg');
  });
});

describe('Attributor: a quotation never reaches across a paragraph break', () => {
  it('"Said Berg, ..." opening a paragraph does not take the quotation closing the paragraph before', () => {
    const a = attribute(`${TITLE}Lund spoke first. She said the harbour was "a very good place for all of us."\n\nSaid Berg, "The ferry will come back next spring."\n\nSaid Kari Holm, who grew up in the harbour town, "We were all so proud of him."`);
    expect(find(a, 'so proud').speaker?.text).toBe('Kari Holm');
    const berg = (a.layers.attributions ?? []).filter((x) => x.speaker?.text === 'Berg');
    expect(berg.map((x) => x.content.text)).toEqual(['"The ferry will come back next spring."']);
  });
});

describe('Attributor: shares of people as speakers', () => {
  it('"One in five say ...", "Nearly nine out of 10 say ..."', () => {
    const a = attribute(`${TITLE}One in five say the ferry is too slow.\n\nNearly nine out of 10 say they will take the bus.\n\nBut majorities in all five say they want the night ferry back.`);
    expect(find(a, 'night ferry back').speaker?.text).toBe("majorities in all five");
    expect(find(a, 'too slow').speaker?.text).toBe('One in five');
    expect(find(a, 'take the bus').speaker?.text).toContain('nine out of 10');
  });
});

describe('Attributor: a participle after a comma inside closing quotation marks', () => {
  it('"... said that X “...,” adding that Y": two statements', () => {
    const a = attribute(`${TITLE}Lund said that the ferry was “the only strong service on the coast,” adding that fares would rise.\n\nBerg said the quay was ''the worst in the north,'' adding that repairs would start soon.`);
    expect(find(a, 'only strong service').content.text).toBe('that the ferry was “the only strong service on the coast,”');
    const added = find(a, 'fares would rise');
    expect(added.speaker?.text).toBe('Lund');
    expect(added.cue?.text).toBe('adding');
    // Doubled apostrophes as quotation marks are two tokens.
    expect(find(a, 'worst in the north').content.text).toBe("the quay was ''the worst in the north,''");
    expect(find(a, 'repairs would start').speaker?.text).toBe('Berg');
  });
});

describe('Attributor: what a trailing source reports', () => {
  it('a stance inside the content is the source\'s report; words said stay relayed', () => {
    const a = attribute(`${TITLE}In one email, Lund discussed how the ferry had lost money, the harbour paper reported.\n\nBerg said the fares would rise, the harbour paper reported.`);
    const report = find(a, 'ferry had lost money');
    expect(report.speaker?.text).toBe('the harbour paper');
    expect(report.cue?.text).toBe('reported');
    const said = find(a, 'fares would rise');
    expect(said.speaker?.text).toBe('Berg');
    expect(said.chain.map((c) => c.name)).toContain('the harbour paper');
  });
});

describe('Attributor: long subjects after a connective', () => {
  it('"Yet harbour economists, like their colleagues abroad, say ..."', () => {
    const a = attribute(`${TITLE}Yet local economists, like their Swedish colleagues, say raising fares would cut traffic.`);
    expect(find(a, "raising fares").speaker?.text).toBe("local economists, like their Swedish colleagues");
  });
});

describe('Attributor: a frame inside a clause with a long subject after it', () => {
  it('"At times last year, people close to the mayor said, the mere mention of the ferry plan could ..."', () => {
    const a = attribute(`${TITLE}At times last year, people close to the mayor said, the mere mention of the old ferry plan could make him angry.`);
    const x = find(a, 'make him angry');
    expect(x.speaker?.text).toBe('people close to the mayor');
    expect(whole(x)).toBe('At times last year | the mere mention of the old ferry plan could make him angry');
  });
});

describe('Attributor: the clause a participle hangs off, after an opening subordinate clause', () => {
  it('"As the race has turned ..., Lund has criticised X and highlighted Y" gives the second verb to Lund', () => {
    const a = attribute(`${TITLE}As the race has turned to the northern towns, Lund has criticised the fares and highlighted her plans for the harbour.`);
    expect(find(a, 'her plans').speaker?.text).toBe('Lund');
  });
});

describe('Attributor: a message does not speak, its sender does', () => {
  it('"Lund fired back a statement saying ..." gives the statement to Lund; "a group backing Berg" stays with the group', () => {
    const a = attribute(`${TITLE}Later that day, Lund fired back a statement saying she would not back the fare plan.\n\nLast year the bank gave money to a group backing Berg.`);
    expect(find(a, 'not back the fare plan').speaker?.text).toBe('Lund');
    expect(find(a, 'Berg').speaker?.text).toBe('a group');
  });
});

describe('Attributor: demonstratives in speaker phrases', () => {
  it('"this source told", "These voters said"', () => {
    const a = attribute(`${TITLE}“Lund was the only supporter,” this source told the harbour paper.\n\nThese voters said the plan was bad.`);
    expect(find(a, 'only supporter').speaker?.text).toBe('this source');
    expect(find(a, 'plan was bad').speaker?.text).toBe('These voters');
  });
});

describe('Attributor: "\'s" as "has" before a participle with an object', () => {
  it('"Lund\'s endorsed the plan" is no passive', () => {
    const a = attribute(`${TITLE}Lund's endorsed the new fare plan.`);
    expect(find(a, 'new fare plan').speaker?.text).toBe('Lund');
  });
});

describe('Attributor: what a poll shows or a remark is, inside a trailing speaker\'s content', () => {
  it('"Polling shows that ..., said Lund" is Lund\'s; "Berg\'s remarks about X were unfair, Lund said" is Lund\'s', () => {
    const a = attribute(`${TITLE}Polling shows that the harbour towns are not comfortable with the fares, said Kari Lund, the editor of the harbour paper.\n\nBerg's remarks about the night ferry were unfair, Lund said.`);
    expect(find(a, 'not comfortable').speaker?.text).toBe('Kari Lund');
    expect(find(a, 'were unfair').speaker?.text).toBe('Lund');
  });
});

describe('Attributor: a name after a preposition before an infinitive is no speaker', () => {
  it('"Lund took to Twitter to say ..." is Lund\'s; "the mayor led Kari Holm to announce ..." stays Holm\'s', () => {
    const a = attribute(`${TITLE}Lund took to Twitter to say the ferry would return.\n\nThe vote led Kari Holm to announce that she would run.`);
    expect(find(a, 'ferry would return').speaker?.text).toBe('Lund');
    expect(find(a, 'she would run').speaker?.text).toBe('Kari Holm');
  });
});

describe('Attributor: a hedge over a clause with its own statement', () => {
  it('"Lund seemed to defend the plan" stays Lund\'s, flagged hedged; "The ferry seems to be late" is a speakerless hedged claim', () => {
    const a = attribute(`${TITLE}In the same interview, Lund seemed to defend the new fare plan.\n\nThe night ferry seems to be late again.`);
    const x = find(a, 'new fare plan');
    expect(x.speaker?.text).toBe('Lund');
    expect(x.hedged).toBe(true);
    const claim = find(a, 'late again');
    expect(claim.speaker).toBeNull();
  });
});

describe('Attributor: poll shares and polling as speakers', () => {
  it('"26% say ...", "Exit polling showed that ..."', () => {
    const a = attribute(`${TITLE}In the harbour poll, 26% say they would take the night ferry.\n\nExit polling showed that Lund won every town.`);
    expect(find(a, 'night ferry').speaker?.text).toBe('26%');
    expect(find(a, 'won every town').speaker?.text).toBe('Exit polling');
  });
});

describe('Attributor: headline labels', () => {
  it('"The Latest: ..." names a column, not a speaker; "Lund: Ferry Will Return" is Lund\'s', () => {
    const a = attribute(`The Latest: Harbour Towns Vote On The Night Ferry\n\nVoters went to the polls on Tuesday.`);
    expect((a.layers.attributions ?? []).some((x) => x.speaker?.text === 'The Latest')).toBe(false);
    const b = attribute(`Lund: Night Ferry Will Return In Spring\n\nThe mayor spoke on Tuesday.`);
    expect(find(b, 'Night Ferry').speaker?.text).toBe('Lund');
  });
});

describe('Attributor: floating quantifiers and ages before a relative clause', () => {
  it('"Berg and Lund both denounced ...", "Kari Holm, 58, who lives in Tromsø, says ..."', () => {
    const a = attribute(`${TITLE}Berg and Lund both denounced the new fare plan.\n\nKari Holm, 58, who lives outside Tromsø, says she did not know much about the ferry.`);
    expect(find(a, 'new fare plan').speaker?.text).toBe('Berg and Lund');
    expect(find(a, 'did not know').speaker?.text).toBe('Kari Holm, 58, who lives outside Tromsø');
  });
});

describe('Attributor: a possessive pronoun in the object stands for a named subject', () => {
  it('"Lund has toned down her criticism of the mayor" is Lund\'s; "His claim that ... upset the board" keeps "His"', () => {
    const a = attribute(`${TITLE}Lund has toned down her criticism of the mayor.\n\nHis claim that the ferry was late upset the board.`);
    expect(find(a, 'the mayor').speaker?.text).toBe('Lund');
    expect(find(a, 'ferry was late').speaker?.text).toBe('His');
  });
});

describe('Attributor: one-word answers', () => {
  it('"46 percent of voters said yes", "Lund said so"', () => {
    const a = attribute(`${TITLE}Asked if the fares were too high, 46 percent of voters said yes.\n\nLund said so.`);
    expect((a.layers.attributions ?? []).find((x) => x.content.text === 'yes')?.speaker?.text).toBe('46 percent of voters');
    expect((a.layers.attributions ?? []).find((x) => x.content.text === 'so')?.speaker?.text).toBe('Lund');
  });
});

describe('Attributor: a credit line after a quotation', () => {
  it('"“…” ― Name" on its line and "- Name, description." in the next paragraph give the quotation to the name', () => {
    const text = `${TITLE}Harbour workers told us what they think of the new timetable.\n\n“The night ferry was the only way home for us.” ― Kari Holm\n“Nobody asked the crews before the change was made.”\u00a0― Ola M. Nilsen.\n\n"We will keep the morning boats running all winter."\n\n- Berit Lund, the harbour master.\n\nThe board meets again in March.`;
    const a = attribute(text);
    const first = find(a, 'only way home');
    expect([first.type, first.speaker?.text, first.cue?.text]).toEqual(['direct', 'Kari Holm', '―']);
    expect(find(a, 'Nobody asked').speaker?.text).toBe('Ola M. Nilsen');
    expect(find(a, 'morning boats').speaker?.text).toBe('Berit Lund');
  });

  it('a dash followed by lower-case words or a whole sentence is not a credit', () => {
    const a = attribute(`${TITLE}“The night ferry was the only way home for us.” — and the board knew it.\n\n"We will keep the morning boats running."\n\n- The board meets again in March to decide.`);
    expect((a.layers.attributions ?? []).some((x) => x.cue?.text === '—' || x.cue?.text === '-')).toBe(false);
  });
});

describe('Attributor: a quotation after a quoted statement goes on with it', () => {
  it('even when a lesser frame came between them in the sentence ("a group focused on ...")', () => {
    const a = attribute(`${TITLE}“The crossing is slower every winter,” said Kari Holm, head of the Ferry Users Union, a group focused on rural transport. “Nobody on the board has taken the night boat in years.”`);
    const x = find(a, 'slower every winter');
    expect(x.speaker?.text).toBe('Kari Holm');
    expect(whole(x)).toContain('Nobody on the board');
  });

  it('after a clause closing with a quotation too ("Fares are “just covering costs,” Holm said. “…”")', () => {
    const a = attribute(`${TITLE}Still, fares are “just covering the fuel bill,” Holm said from her office in Bodø. “The ferry company has no money left for new boats.”`);
    const x = find(a, 'fuel bill');
    expect(x.speaker?.text).toBe('Holm');
    expect(whole(x)).toContain('no money left');
  });
});

describe('Attributor: a subject whose noun the tagger reads as an adjective', () => {
  it('"The self-described democratic socialist said ..."', () => {
    const a = attribute(`${TITLE}The self-described democratic socialist said he would win the state’s primary if turnout were high.`);
    expect(find(a, 'would win').speaker?.text).toBe('The self-described democratic socialist');
  });
});

describe('Attributor: personal pronouns in noun phrases', () => {
  it('"told them the ferry would run" has an addressee and a clause; "people close to him said" is one speaker', () => {
    const a = attribute(`${TITLE}The mayor told them the ferry would run all winter.\n\nThe night boat will stay, people close to him said.`);
    const told = find(a, 'ferry would run');
    expect(told.content.text).toBe('the ferry would run all winter');
    expect(told.addressee?.text).toBe('them');
    expect(find(a, 'night boat').speaker?.text).toBe('people close to him');
  });
});

describe('Attributor: emphatic words floating after the subject', () => {
  it('"Lund herself said", "voters overall said"', () => {
    const a = attribute(`${TITLE}Lund herself said the timetable was too tight.\n\nBut 58 percent of island voters overall said they would use the night ferry.`);
    expect(find(a, 'timetable').speaker?.text).toBe('Lund');
    expect(find(a, 'night ferry').speaker?.text).toBe('58 percent of island voters');
  });
});

describe('Attributor: a poll cited with "in"', () => {
  it('"In a Nordlys poll released Monday, ..." is the poll\'s finding; "rose in the polls" is not', () => {
    const a = attribute(`${TITLE}In a Nordlys poll released Monday, 50 percent of respondents chose Berg while 40 percent chose Lund.\n\nIn the survey, conducted in May, the night ferry came first among islanders.\n\nBerg rose in the polls after the debate.`);
    const x = find(a, '50 percent of respondents');
    expect([x.speaker?.text, x.cue?.text]).toEqual(['a Nordlys poll released Monday', 'In']);
    expect(find(a, 'came first').content.text).toBe('the night ferry came first among islanders');
    expect((a.layers.attributions ?? []).some((y) => y.content.text.includes('Berg rose'))).toBe(false);
  });
});

describe('Attributor: transcript turns', () => {
  it('a turn is the whole paragraph, even with "I think" and ", but" in it, and may sit inside a quoted transcript', () => {
    const a = attribute(`${TITLE}Partial transcript as follows:\n\nHOLM: Well, I think the whole island needs the night ferry, but the board disagrees.\n\n"BERG: Let’s start with the timetable. Why cut the night boat?\n\n"LUND: Governor, I don’t want to interrupt, but I want to ask one more question.`);
    expect(find(a, 'whole island').content.text).toBe('Well, I think the whole island needs the night ferry, but the board disagrees.');
    expect(find(a, 'timetable').speaker?.text).toBe('BERG');
    const lund = find(a, 'interrupt');
    expect([lund.speaker?.text, lund.content.text]).toEqual(['LUND', 'Governor, I don’t want to interrupt, but I want to ask one more question.']);
  });
});

describe('Attributor: circumstance after a quotation and its speaker', () => {
  it('"“…,” Holm said 30 minutes into the meeting" gives the quotation, not the time phrase', () => {
    const a = attribute(`${TITLE}“I cannot believe how calm it has been in here,” Holm said 30 minutes into the meeting.`);
    const x = find(a, 'how calm');
    expect([x.type, x.speaker?.text]).toEqual(['direct', 'Holm']);
    expect((a.layers.attributions ?? []).some((y) => y.content.text.includes('30 minutes'))).toBe(false);
  });
});

describe('Attributor: a quotation introduced by a colon before its speaker', () => {
  it('"…, but with a caveat: “…,” the source said" gives only the quotation', () => {
    const a = attribute(`${TITLE}The plan was backed by a second source, but with a caveat: “The night ferry is one of the options but by no means the only one,” the source said.`);
    expect(find(a, 'by no means').content.text).toBe('“The night ferry is one of the options but by no means the only one,”');
  });
});

describe('Attributor: an inverted speaker with a relative clause', () => {
  it('"“…,” said a ferry captain who has sailed the route for decades."', () => {
    const a = attribute(`${TITLE}“It is going to be hard to keep the timetable in winter,” said a ferry captain who has sailed the route for decades.`);
    expect(find(a, 'keep the timetable').speaker?.text).toBe('a ferry captain who has sailed the route for decades');
  });
});

describe('Attributor: a name the tagger reads as an adverb', () => {
  it('"Jolly said ..." at the head of a sentence', () => {
    const a = attribute(`${TITLE}Jolly said he would be careful with the ferry budget.`);
    expect(find(a, 'ferry budget').speaker?.text).toBe('Jolly');
  });
});

describe('Attributor: an opening quotation mark after "said NP" goes on with the clause', () => {
  it('"Holm, the harbour chief who runs the board, which oversees the port, said Berg\'s plans “put the route at risk”"', () => {
    const a = attribute(`${TITLE}Kari Holm, the harbour chief who runs the board, which oversees the port, said Berg's plans “put the whole route at risk” this winter.`);
    const x = find(a, 'whole route');
    expect(x.speaker?.text).toBe('Kari Holm, the harbour chief who runs the board, which oversees the port');
    expect(x.content.text.startsWith("Berg's plans")).toBe(true);
  });
});

describe('Attributor: a plural noun before a relative "that" is not a cue', () => {
  it('"the four states that voted" and "coastal states that ..." give no attribution', () => {
    const a = attribute(`${TITLE}Turnout was high in the four states that voted on Saturday.\n\nVoters in coastal states that rely on ferries were not consulted.`);
    expect((a.layers.attributions ?? []).map((x) => x.cue?.text)).not.toContain('states');
  });
});

describe('Attributor: a quoted title before the speaker is not the content', () => {
  it('"On NRK’s “Debatten,” Holm said if ..." gives the clause after the cue; "“Denver,” he answered" keeps the quotation', () => {
    const a = attribute(`${TITLE}Wednesday on NRK’s “Debatten,” Kari Holm said if the board cut the night ferry it would be a “betrayal of the islands.”\n\n“Bodø,” he answered.`);
    expect(find(a, 'night ferry').content.text.startsWith('if the board')).toBe(true);
    expect(find(a, 'Bodø').speaker?.text).toBe('he');
  });
});

describe('Attributor: edge cases of this stop\'s rules', () => {
  it('a fronted source keeps a clause opened by an adverb; "It\'s “absurd,” X said" keeps its quotation; a weekday is no credit', () => {
    const a = attribute(`${TITLE}According to the poll, only 20% of islanders back the plan, down from 30% in May.\n\nIt's “absurd,” Holm said of the plan.\n\n“No more night ferries” — Monday`);
    expect(find(a, 'only 20%').content.text).toBe('only 20% of islanders back the plan, down from 30% in May');
    expect(find(a, 'absurd').content.text).toBe("It's “absurd,”");
    expect((a.layers.attributions ?? []).some((x) => x.speaker?.text === 'Monday')).toBe(false);
  });
});

describe('Attributor: an "-s" form after "to" is a plural noun', () => {
  it('"…,” Holm said, referring to reports that …" gives the participle frame its object', () => {
    const a = attribute(`${TITLE}“The timetable will take a hit,” Holm said, referring to reports that the board may cut the night ferry.\n\nBerg wants to focus on the morning boats.`);
    expect(find(a, 'may cut the night ferry').speaker?.text).toBe('Holm');
  });
});

describe('Attributor: a phrase participle opened by a preposition', () => {
  it('"After talking about the timetable, Lund suggested ..." gives "talking about" to the clause\'s subject', () => {
    const a = attribute(`${TITLE}After talking about the timetable, Mr. Lund suggested a new route.\n\nOthers, reacting to the delay, shouted at the crew.`);
    const x = find(a, 'the timetable');
    expect([x.speaker?.text, x.cue?.text]).toEqual(['Mr. Lund', 'talking about']);
  });
});

describe('Attributor: a phrase with no verb between the cue and a quotation set off by a comma', () => {
  it('"acknowledged, however, “…”" and "saying at one point, “…”"', () => {
    const a = attribute(`${TITLE}Holm acknowledged, however, “As they say on the docks, past performance is no guide to the winter.”\n\nBerg seemed to mock the plan, saying at one point, “The answer is not simply to add more boats.” But he stopped there.`);
    expect(find(a, 'past performance').speaker?.text).toBe('Holm');
    const x = find(a, 'simply to add');
    expect([x.speaker?.text, x.type]).toEqual(['Berg', 'direct']);
  });
});

describe('Attributor: "another" stands for a person', () => {
  it('"“…,” said one captain. Yet another said, “…”"', () => {
    const a = attribute(`${TITLE}“It will be close,” said one captain. Yet another said, “The night ferry is in a five-way fight for the budget.”`);
    expect(find(a, 'five-way fight').speaker?.text).toBe('another');
  });
});

describe('Attributor: a cue form tagged as a noun before a quotation', () => {
  it('"The ad claims “…”"', () => {
    const a = attribute(`${TITLE}The ad claims “Berg is the captain you can trust.”`);
    expect(find(a, 'captain you can trust').speaker?.text).toBe('The ad');
  });
});

describe('Attributor: a name the tagger reads as a verb right after a quotation', () => {
  it('"“…,” Cross wrote."', () => {
    const a = attribute(`${TITLE}“The divisions on the island are great,” Cross wrote. “Instead, we are left with a fight over one boat.”`);
    const x = find(a, 'divisions on the island');
    expect(x.speaker?.text).toBe('Cross');
    expect(whole(x)).toContain('fight over one boat');
  });
});

describe('Attributor: a gerund object before a comma and a reporting verb', () => {
  it('"“…,” Berg, who has proposed repealing the fare over five years, said at the time."', () => {
    const a = attribute(`${TITLE}“The answer you want is, ‘I’m for the ferry, darn it,’” Berg, who has proposed repealing the fare over five years, said at the time.`);
    const x = find(a, 'answer you want');
    expect([x.type, x.speaker?.text]).toEqual(['direct', 'Berg, who has proposed repealing the fare over five years']);
  });
});

describe('Attributor: a single quote closing right before a doubled closing mark', () => {
  it('"\'\'She\'d look at me and say, \'Why?\'\'\' Lund said" is one quotation', () => {
    const a = attribute(`${TITLE}''She'd look at me and say, 'What did the captain mean by that?''' Mr. Lund said, holding the rail.`);
    const x = find(a, 'She\'d look at me');
    expect([x.type, x.speaker?.text]).toEqual(['direct', 'Mr. Lund']);
  });
});

describe('Attributor: any past-tense verb closing a quotation frame', () => {
  it('"“…,” Oliver barked." and "“…?” Holm pressed." are speech', () => {
    const a = attribute(`${TITLE}“For a start, the ferry never ran on time,” Oliver barked.\n\n“Would it run in winter?” Holm pressed. “Maybe only on weekdays?”`);
    expect(find(a, 'never ran on time').cue?.text).toBe('barked');
    const x = find(a, 'run in winter');
    expect([x.speaker?.text, x.cue?.text]).toEqual(['Holm', 'pressed']);
    expect(whole(x)).toContain('only on weekdays');
    const b = attribute(`${TITLE}“Nobody asked the crews,” snapped Kari Holm.`);
    expect(find(b, 'Nobody asked').speaker?.text).toBe('Kari Holm');
  });
});

describe('Attributor: adjectives of belief before a that-clause', () => {
  it('"loyalists were adamant that …", "Some islanders are hopeful that …"', () => {
    const a = attribute(`${TITLE}But the captains were adamant that the night ferry has no future.\n\nSome islanders are hopeful that the board will change its mind.`);
    const x = find(a, 'no future');
    expect([x.speaker?.text, x.cue?.text, x.content.text]).toEqual(['the captains', 'were adamant', 'that the night ferry has no future']);
    expect(find(a, 'change its mind').speaker?.text).toBe('Some islanders');
    const b = attribute(`${TITLE}The crews lost the vote, but they’re hopeful that the board will change course.`);
    expect(find(b, 'change course').cue?.text).toBe('’re hopeful');
  });
});

describe('Attributor: "make the case / the point that"', () => {
  it('"Holm made the case that …", "Berg made the point that …"', () => {
    const a = attribute(`${TITLE}Holm made the case that the night ferry pays for itself.\n\nBerg made the point that no other route reaches the islands.`);
    expect(find(a, 'pays for itself').cue?.text).toBe('made the case');
    expect(find(a, 'no other route').speaker?.text).toBe('Berg');
  });
});

describe('Attributor: a participle opening the sentence', () => {
  it('"Conceding that …, he warned …" gives the participle\'s statement to the main clause\'s subject', () => {
    const a = attribute(`${TITLE}Conceding that there would likely be a new timetable in spring, he warned of delays.`);
    const x = find(a, 'new timetable');
    expect([x.speaker?.text, x.cue?.text, x.content.text]).toEqual(['he', 'Conceding', 'that there would likely be a new timetable in spring']);
  });
});

describe('Attributor: a participle after a longer opener', () => {
  it('"In addition to stating that …, Lund …", "Instead of calling himself …, Mr. Berg …"', () => {
    const a = attribute(`${TITLE}In addition to stating that the fares were too high, Lund asked for a review.\n\nInstead of calling himself a conservative, Mr. Berg spoke of the islands.`);
    expect(find(a, 'fares were too high').speaker?.text).toBe('Lund');
    expect(find(a, 'himself a conservative').speaker?.text).toBe('Mr. Berg');
  });
});

describe('Attributor: a relative clause with no relative word', () => {
  it('"It is a step they believe could help the islands" gives the clause from its noun', () => {
    const a = attribute(`${TITLE}It is a step they believe could help the islands through the winter.`);
    const x = find(a, 'could help the islands');
    expect([x.speaker?.text, x.content.text]).toEqual(['they', 'a step they believe could help the islands through the winter']);
  });
});

describe('Attributor: an apposition opened by a participle with verbs in it', () => {
  it('"An official, speaking on condition of anonymity to discuss the plans, said that …"', () => {
    const a = attribute(`${TITLE}A harbour official, speaking on the condition of anonymity to discuss the board's plans, said Wednesday that the night ferry would stop in May.`);
    expect(find(a, 'stop in May').speaker?.text).toBe("A harbour official, speaking on the condition of anonymity to discuss the board's plans");
  });
});

describe('Attributor: a parenthetical between subject and verb', () => {
  it('"Lund, for example, earlier asked the board whether …" does not read the board as the speaker', () => {
    const a = attribute(`${TITLE}Lund, for example, earlier asked the harbour board whether the fares were legal.`);
    expect((a.layers.attributions ?? []).some((x) => x.speaker?.text.includes('harbour board'))).toBe(false);
    expect(find(a, 'fares were legal').speaker?.text).toBe('Lund');
    const b = attribute(`${TITLE}The union, in releasing the letter, noted the board's earlier promise.`);
    expect(find(b, 'earlier promise').speaker?.text).toBe('The union');
  });
});

describe('Attributor: a participle after a quotation\'s comma', () => {
  it('"… but said, “…,” promising the ferry will return" gives the participle to the quotation\'s speaker', () => {
    const a = attribute(`${TITLE}Holm said the crews would meet again, but said, “It is time we change how we run it,” promising the night ferry will return in spring.`);
    const x = find(a, 'return in spring');
    expect([x.speaker?.text, x.cue?.text]).toEqual(['Holm', 'promising']);
  });
});

describe('Attributor: an act named with "as"', () => {
  it('"recognised X as Y" is an act of recognition, not a statement; "recognised that" still is', () => {
    const a = attribute(`${TITLE}The council had recently recognised two self-styled “harbour parishes” in the north as independent districts.`);
    expect(a.layers.attributions ?? []).toEqual([]);
    const b = attribute(`${TITLE}The council recognised the need for a second ferry.`);
    expect(find(b, 'need for a second ferry').cue?.text).toBe('recognised');
    const c = attribute(`${TITLE}The council recognised that the timetable was too tight.`);
    expect(find(c, 'timetable was too tight').speaker?.text).toBe('The council');
  });
});

describe('Attributor: a quotation that ends its sentence before a new speaker', () => {
  it('"“… late.” She adds, “…”" gives the new speaker only the quotation after the cue', () => {
    const a = attribute(`${TITLE}Holm called the ferry “a floating museum that is always late.” She adds, “Nobody here expects it on time.”`);
    const x = find(a, 'Nobody here');
    expect(whole(x)).toBe('“Nobody here expects it on time.”');
    expect(x.speaker?.text).toBe('She');
  });

  it('still joins the two halves of one quotation interrupted by its frame', () => {
    const a = attribute(`${TITLE}“The ferry is late,” Holm said, “and it will be late tomorrow.”`);
    expect(whole(find(a, 'ferry is late'))).toBe('“The ferry is late,” | “and it will be late tomorrow.”');
  });
});

describe('Attributor: subjects the noun-phrase walk misses', () => {
  it('skips an opening participial phrase before a subject with an apposition', () => {
    const a = attribute(`${TITLE}Worried by the delays, Kari Lund, the harbour chief, said that fares would rise.`);
    expect(find(a, 'fares would rise').speaker?.text).toBe('Kari Lund, the harbour chief');
  });

  it('reads an apposition whose comma sits inside a closing quotation mark', () => {
    const a = attribute(`${TITLE}Holm, who calls the ferry a “floating museum,” said it would be late again.`);
    const x = find(a, 'would be late again');
    expect(x.content.text).toBe('it would be late again');
    expect(x.speaker?.text.startsWith('Holm, who calls the ferry')).toBe(true);
  });

  it('takes an infinitive inside an apposition', () => {
    const a = attribute(`${TITLE}Holm, the first woman to run the harbour, told passengers that the ice was thin.`);
    expect(find(a, 'ice was thin').speaker?.text).toBe('Holm, the first woman to run the harbour');
  });

  it('takes a subject joined by "and" right after a quotation', () => {
    const a = attribute(`${TITLE}“The ice is thin,” the mayor and the harbour master told NRK.`);
    expect(find(a, 'ice is thin').speaker?.text).toBe('the mayor and the harbour master');
  });

  it('takes a speaker with an apposition between the content and the cue', () => {
    const a = attribute(`${TITLE}The ferry will run all winter, his deputy, Kari Lund, told the paper.`);
    const x = find(a, 'ferry will run');
    expect(x.speaker?.text).toBe('his deputy, Kari Lund');
    expect(x.content.text).toBe('The ferry will run all winter');
  });

  it('ends an addressee where a determiner opens the reported clause', () => {
    const a = attribute(`${TITLE}Holm told reporters the ferry would be late.`);
    const x = find(a, 'ferry would be late');
    expect(x.content.text).toBe('the ferry would be late');
    expect(x.addressee?.text).toBe('reporters');
  });
});

describe('Attributor: quotations read off signs and titles after a possessive', () => {
  it('"“…,” read one banner" gives the banner as the source', () => {
    const a = attribute(`${TITLE}“Ferries for all, all year,” read one banner.`);
    expect(find(a, 'Ferries for all').speaker?.text).toBe('one banner');
    expect(attribute(`${TITLE}The captain read the report on Tuesday.`).layers.attributions ?? []).toEqual([]);
  });

  it('does not continue a statement with a quotation that is the subject of a clause of its own', () => {
    const a = attribute(`${TITLE}“Ferries for all, all year,” read one banner. “No more delays, ever,” was another.`);
    expect(whole(find(a, 'Ferries for all'))).toBe('“Ferries for all, all year,”');
  });

  it('does not continue a statement with a programme title after a possessive', () => {
    const a = attribute(`${TITLE}“The ice is thin. We will wait,” the captain told NRK’s “Morning News Today.”`);
    expect(whole(find(a, 'ice is thin'))).toBe('“The ice is thin. We will wait,”');
  });
});

describe('Attributor: long speakers after an inverted cue', () => {
  it('takes a speaker with a participle, "and" or an adjective after its noun, up to the comma', () => {
    const cases: [string, string][] = [
      ['“The ice is thin,” said the harbour pilot known as Ole, speaking for the first time.', 'the harbour pilot known as Ole'],
      ['“The ice is thin,” said former Nordland Gov. and Harbour Board Chairman Ole Berg.', 'former Nordland Gov. and Harbour Board Chairman Ole Berg'],
      ['“The ice is thin,” said one well-connected official familiar with the route.', 'one well-connected official familiar with the route'],
    ];
    for (const [text, speaker] of cases) {
      const x = find(attribute(`${TITLE}${text}`), 'ice is thin');
      expect([x.type, x.speaker?.text]).toEqual(['direct', speaker]);
    }
  });

  it('does not take a phrase with a finite verb of its own as the speaker', () => {
    const a = attribute(`${TITLE}“The ice is thin,” said the pilot the ferry is late again.`);
    expect((a.layers.attributions ?? []).map((x) => x.speaker?.text)).not.toContain('the pilot the ferry is late again');
  });
});

describe('Attributor: reported clauses opened by a subordinator or a short phrase', () => {
  it('"said because …, …" reports the whole clause', () => {
    const a = attribute(`${TITLE}Holm said because the ice was thin, the ferry stayed in port.`);
    expect(find(a, 'ice was thin').content.text).toBe('because the ice was thin, the ferry stayed in port');
  });

  it('"said in winter the ferry runs late" reports the clause with its opening phrase', () => {
    const a = attribute(`${TITLE}Holm said in winter the ferry runs late.`);
    expect(find(a, 'ferry runs late').content.text).toBe('in winter the ferry runs late');
  });

  it('a phrase before "that" still belongs to the frame', () => {
    const a = attribute(`${TITLE}Holm said at the meeting that fares would rise.`);
    expect(find(a, 'fares would rise').content.text).toBe('that fares would rise');
  });
});

describe('Attributor: a relative clause with commas of its own inside a subject', () => {
  it('takes the whole subject up to the comma before the cue', () => {
    const a = attribute(`${TITLE}Kari Lund, who was to sail to Bodø, Nordland, on Friday to open the route, said the ice was thin.`);
    const x = find(a, 'ice was thin');
    expect(x.speaker?.text).toBe('Kari Lund, who was to sail to Bodø, Nordland, on Friday to open the route');
    expect(x.content.text).toBe('the ice was thin');
  });
});

describe('Attributor: an adverbial opener is not the content of a cue with content after it', () => {
  it('"On Thursday, Holm will testify." reports nothing; "In winter, Holm said, the ferry runs late." reports both sides', () => {
    expect(attribute(`${TITLE}On Thursday, Holm will testify.`).layers.attributions ?? []).toEqual([]);
    const a = attribute(`${TITLE}In winter, Holm said, the ferry runs late.`);
    expect(whole(find(a, 'ferry runs late'))).toBe('In winter | the ferry runs late');
  });

  it('"When …, the passengers wondered whether …" reports the question', () => {
    const a = attribute(`${TITLE}When the ferry finally docked on Friday, the passengers wondered whether the ice would hold.`);
    const x = find(a, 'ice would hold');
    expect(x.content.text).toBe('whether the ice would hold');
    expect(x.speaker?.text).toBe('the passengers');
  });
});

describe('Attributor: an amount as the object of a cue', () => {
  it('"calls for $2 million …" reports the amount and what follows', () => {
    const a = attribute(`${TITLE}Holm calls for $2 million in new ferry funding.`);
    expect(find(a, '$2 million').content.text).toBe('$2 million in new ferry funding');
  });
});

describe('Attributor: circumstances after a quotation and its frame', () => {
  it('a participle after the addressee', () => {
    const a = attribute(`${TITLE}“The ice is thin,” Holm told 40 passengers gathered on the pier.`);
    expect([find(a, 'ice is thin').type, find(a, 'ice is thin').content.text]).toEqual(['direct', '“The ice is thin,”']);
    const b = attribute(`${TITLE}“The ice is thin,” Holm told a meeting being held in the harbour office.`);
    expect(find(b, 'ice is thin').content.text).toBe('“The ice is thin,”');
  });

  it('"when asked … if that …" and "that night" are circumstances, not content', () => {
    const a = attribute(`${TITLE}“Never,” Holm said when asked by a reporter if that was still her view.`);
    expect(find(a, 'Never').content.text).toBe('“Never,”');
    const b = attribute(`${TITLE}“The ice is thin and the ferry will wait,” Holm said in her speech that night.`);
    expect(find(b, 'ice is thin').content.text).toBe('“The ice is thin and the ferry will wait,”');
  });
});

describe('Attributor: a phrase with a hyphenated word before a comma and a quotation', () => {
  it('"said in an op-ed piece before the hearing, “…”"', () => {
    const a = attribute(`${TITLE}Holm said in an op-ed piece before the harbour board hearing, “The ice is thin.”`);
    expect([find(a, 'ice is thin').type, find(a, 'ice is thin').content.text]).toEqual(['direct', '“The ice is thin.”']);
  });
});

describe('Attributor: a title quoted after the cue of a quotation', () => {
  it('"“…,” Holm told “Morning Show” after …" keeps the first quotation as the content', () => {
    const a = attribute(`${TITLE}“The ice is thin and we will wait,” Holm told “Morning Show” after she was asked about the ferry.`);
    const x = find(a, 'ice is thin');
    expect([x.type, whole(x)]).toEqual(['direct', '“The ice is thin and we will wait,”']);
  });
});

describe('Attributor: an infinitive cue takes no content before it', () => {
  it('"Outside the harbour, a pilot … has good things to say about …" does not report the opening phrase', () => {
    const a = attribute(`${TITLE}Outside the harbour, a pilot named Ole Berg has nothing but good things to say about the route.`);
    expect((a.layers.attributions ?? []).map((x) => x.content.text)).not.toContain('Outside the harbour');
  });
});

describe('Attributor: a passive question with its asker', () => {
  it('"Holm was asked by the host whether …" and "… by the host, “…?”" report the question', () => {
    const a = attribute(`${TITLE}Holm was asked by radio host Ole Berg whether the ferry would run on Sunday.`);
    const x = find(a, 'ferry would run');
    expect([x.content.text, x.speaker?.text]).toEqual(['whether the ferry would run on Sunday', 'radio host Ole Berg']);
    const b = attribute(`${TITLE}Holm was asked by radio host Ole Berg, “Will the ferry run on Sunday?”`);
    expect(find(b, 'Will the ferry').content.text).toBe('“Will the ferry run on Sunday?”');
  });
});

describe('Attributor: a gerund as the object of a cue', () => {
  it('"Holm supports extending the route to Bodø" reports the gerund phrase', () => {
    const a = attribute(`${TITLE}Holm supports extending the route to Bodø.`);
    expect(find(a, 'extending the route').content.text).toBe('extending the route to Bodø');
  });
});

describe('Attributor: a relative "that" after a noun speaks for it', () => {
  it('"after polls that showed that …" reports the clause with "that" as the speaker', () => {
    const a = attribute(`${TITLE}The plan came after surveys that showed that most passengers wanted a later ferry.`);
    const x = find(a, 'most passengers');
    expect([x.speaker?.text, x.content.text]).toEqual(['that', 'that most passengers wanted a later ferry']);
  });
});

describe('Attributor: a cue form read as a noun before an infinitive', () => {
  it('"The harbour master plans to open …" reports the intention', () => {
    const a = attribute(`${TITLE}The harbour master plans to open the route in May.`);
    expect(find(a, 'open the route').content.text).toBe('to open the route in May');
  });
});

describe('Attributor: participles inside a subject', () => {
  it('"A survey conducted last week found that …" and "the pilot known as Ole, stated that …"', () => {
    const a = attribute(`${TITLE}A survey conducted last week found that most passengers wanted a later ferry.`);
    expect(find(a, 'most passengers').speaker?.text).toBe('A survey conducted');
    const b = attribute(`${TITLE}Ole Berg, the pilot known as Ole the Bold, stated that the ice was thin.`);
    expect(find(b, 'ice was thin').speaker?.text).toBe('Ole Berg, the pilot known as Ole the Bold');
  });

  it('a that-clause after an inverted cue is its content, not its speaker', () => {
    const a = attribute(`${TITLE}Ole Berg, the pilot known as “Ole the Bold,” stated that the ice was thin.`);
    const x = find(a, 'ice was thin');
    expect(x.content.text).toBe('that the ice was thin');
  });
});

describe('Attributor: a coordinated statement after an interrupting frame', () => {
  it('"…, records show, and pilots say …" gives two statements; "…, Holm said, and …" stays one', () => {
    const a = attribute(`${TITLE}The ferry was sold for $3 million in 2011, records show, and local pilots say it is now worth half that.`);
    expect(whole(find(a, 'sold for'))).toBe('The ferry was sold for $3 million in 2011');
    expect(find(a, 'worth half').speaker?.text).toBe('local pilots');
    const b = attribute(`${TITLE}The ferry had no known defects, Holm said, and had passed every inspection.`);
    expect(whole(find(b, 'no known defects'))).toBe('The ferry had no known defects | and had passed every inspection');
  });
});

describe('Attributor: a long source between the content and a cue that ends the sentence', () => {
  it('"…, harbour records compiled by the Centre for Ferry Statistics show." gives the whole phrase as the speaker', () => {
    const a = attribute(`${TITLE}The ferry has not sailed on time since May, harbour records compiled by the Centre for Ferry Statistics show.`);
    const x = find(a, 'not sailed on time');
    expect([x.speaker?.text, x.content.text]).toEqual(['harbour records compiled by the Centre for Ferry Statistics', 'The ferry has not sailed on time since May']);
  });
});

describe('Attributor: "called" with an infinitive or a possessive object', () => {
  it('"Holm called to close the route" and "the board called NRK’s report a “rush to judgment”"', () => {
    const a = attribute(`${TITLE}Holm called to close the route in winter.`);
    expect(find(a, 'close the route').content.text).toBe('to close the route in winter');
    const b = attribute(`${TITLE}The board called NRK’s report a “rush to judgment,” because the ferry had not yet sailed.`);
    expect(find(b, 'rush to judgment').content.text).toBe('NRK’s report a “rush to judgment,”');
  });
});

describe('Attributor: a negated infinitive as the content', () => {
  it('"Holm told the crew not to sail" and "urged them never to …"', () => {
    const a = attribute(`${TITLE}Holm told the crew not to sail before dawn.`);
    expect(find(a, 'not to sail').content.text).toBe('not to sail before dawn');
    const b = attribute(`${TITLE}The mayor urged passengers never to board without a ticket.`);
    expect(find(b, 'never to board').content.text).toBe('never to board without a ticket');
  });
});

describe('Attributor: an infinitive with an adverb before its verb', () => {
  it('"Holm told the crew to quickly leave the harbour"', () => {
    const a = attribute(`${TITLE}Holm told the crew to quickly leave the harbour.`);
    expect(find(a, 'quickly leave').content.text).toBe('to quickly leave the harbour');
  });
});

describe('Attributor: a cue inside a clause that opens the sentence', () => {
  it('"Though Holm has said that …, the board …": the content ends where the main clause begins', () => {
    const a = attribute(`${TITLE}Though Holm has said that the ferry will sail in every season, the company keeps carving out exceptions for storms.`);
    expect(find(a, 'every season').content.text).toBe('that the ferry will sail in every season');
    const b = attribute(`${TITLE}While admitting that fares would rise, the company kept its old boats on the northern route.`);
    expect(find(b, 'fares would rise').content.text).toBe('that fares would rise');
  });

  it('keeps the whole content when the opening clause has no main clause after a comma', () => {
    const a = attribute(`${TITLE}Holm said that the ferry, which is old, will sail on time.`);
    expect(find(a, 'will sail on time').content.text).toBe('that the ferry, which is old, will sail on time');
  });
});

describe('Attributor: a quotation inside a noun-phrase content', () => {
  it('"accused the board of running the port “with contempt, with haste”" keeps the quotation whole', () => {
    const a = attribute(`${TITLE}The mayor accused the board of running the port “with contempt, with haste and with no plan.”`);
    expect(find(a, 'running the port').content.text).toBe('the board of running the port “with contempt, with haste and with no plan.”');
  });
});

describe('Attributor: cue flags measured on train', () => {
  it('"stressed the need for …" has a noun-phrase content; "demanded he resign" a bare clause', () => {
    expect(find(attribute(`${TITLE}Holm stressed the need for new boats on the northern route.`), 'need for new boats').content.text).toBe('the need for new boats on the northern route');
    expect(find(attribute(`${TITLE}The union demanded the harbour chief resign over the delays.`), 'harbour chief').content.text).toBe('the harbour chief resign over the delays');
  });
});

describe('Attributor: a time word before a possessive', () => {
  it('"said Tuesday’s crossing was …" opens the content with the time word, not an adjunct', () => {
    const a = attribute(`${TITLE}Holm said Tuesday’s crossing was the last of the season.`);
    expect(find(a, 'crossing was').content.text).toBe('Tuesday’s crossing was the last of the season');
    const b = attribute(`${TITLE}Holm said Tuesday the crossing was the last of the season.`);
    expect(find(b, 'crossing was').content.text).toBe('the crossing was the last of the season');
  });
});

describe('Attributor: an opening phrase is circumstance, not content', () => {
  it('a phrase holding a title in quotation marks, or a clause after a conjunction and a comma, before the speaker', () => {
    const a = attribute(`${TITLE}At a rally billed as “Ferries for All,” Holm unveiled a plan to add two boats.`);
    expect((a.layers.attributions ?? []).map((x) => x.content.text)).toEqual(['a plan to add two boats']);
    const b = attribute(`${TITLE}And, in a clip that the judge called “distasteful,” Holm unveiled a plan to sink the boats.`);
    expect(find(b, 'sink the boats').content.text).toBe('a plan to sink the boats');
  });

  it('keeps a spoken quotation in an opening clause as the content', () => {
    const a = attribute(`${TITLE}Because the boats are old, “we need new ones,” Holm said.`);
    expect(find(a, 'we need new ones').content.text).toContain('“we need new ones,”');
  });
});

describe('Attributor: a "that" past a clause of its own', () => {
  it('is not the content of a cue before "although", ", but" or in "now that"', () => {
    const texts = (a: Analysis): string[] => (a.layers.attributions ?? []).map((x) => x.content.text);
    expect(texts(attribute(`${TITLE}Few riders approve of the timetable, although that may change in the spring.`))).not.toContain('that may change in the spring');
    expect(texts(attribute(`${TITLE}Holm spent the day at the pier without mentioning the boats, but that changed at night.`))).not.toContain('that changed at night');
    expect(texts(attribute(`${TITLE}The board aimed at new routes now that the ice has gone.`))).not.toContain('that the ice has gone');
  });
});

describe('Attributor: a subject with an apposition after a subordinator', () => {
  it('"…, while Kari Lund, the port director, proposed …" takes the name and its apposition as the speaker', () => {
    const a = attribute(`${TITLE}The board signed the order, while Kari Lund, the port director, proposed that the ferry sail at dawn.`);
    expect(find(a, 'sail at dawn').speaker?.text).toBe('Kari Lund, the port director');
  });
});

describe('Attributor: a participle with its own content opening the sentence', () => {
  it('"Promising that …, Holm said …" gives two statements by the main clause’s subject', () => {
    const a = attribute(`${TITLE}Promising that the new boats would come in spring, Holm said that fares would stay the same.`);
    const x = find(a, 'new boats would come');
    expect(x.cue?.text).toBe('Promising');
    expect(x.speaker?.text).toBe('Holm');
    expect(x.content.text).toBe('that the new boats would come in spring');
    expect(find(a, 'fares would stay').speaker?.text).toBe('Holm');
  });
});

describe('Attributor: an infinitive content opened by a quoted verb', () => {
  it('"promises to “end” the night ferries"', () => {
    const a = attribute(`${TITLE}Holm promises to “end” the night ferries.`);
    expect(find(a, 'night ferries').content.text).toBe('to “end” the night ferries');
  });
});

describe('Attributor: an apposition inside a noun-phrase content', () => {
  it('"accused the board, which meets in Bodø, of …" and "cited Holm, the harbour master, as …" go on past the apposition', () => {
    const a = attribute(`${TITLE}The union accused the board, which meets in Bodø, of ignoring the crews.`);
    expect(find(a, 'ignoring the crews').content.text).toBe('the board, which meets in Bodø, of ignoring the crews');
    const b = attribute(`${TITLE}Lund cited Holm, the harbour master, as the source of the plan.`);
    expect(find(b, 'source of the plan').content.text).toBe('Holm, the harbour master, as the source of the plan');
  });

  it('"called Holm, his old rival, a “danger”" goes on past an apposition opened by a possessive', () => {
    const a = attribute(`${TITLE}Lund called Holm, his old rival, a “danger to the harbour.”`);
    expect(find(a, 'danger to the harbour').content.text).toBe('Holm, his old rival, a “danger to the harbour.”');
  });

  it('stops at an apposition followed by a clause of its own', () => {
    const a = attribute(`${TITLE}The union accused the board, which meets in Bodø, and the crews went on strike.`);
    expect(find(a, 'the board').content.text).toBe('the board');
  });
});

describe('Attributor: "none", "nobody" opening a reported clause', () => {
  it('"said none were added" is a bare clause, not an adverb and a verb', () => {
    const a = attribute(`${TITLE}Though the ferry was late, Holm said none were hurt.`);
    expect(find(a, 'were hurt').content.text).toBe('none were hurt');
  });
});

describe('Attributor: an apposition after a trailing frame', () => {
  it('"…, Holm said, a plan that could …" is not part of the statement nor a that-clause', () => {
    const a = attribute(`${TITLE}Night ferries would run twice a week, Holm said, a plan that could cut the delays.`);
    const x = find(a, 'Night ferries');
    expect(whole(x)).toBe('Night ferries would run twice a week');
    expect((a.layers.attributions ?? []).map((y) => y.content.text)).not.toContain('that could cut the delays');
  });
});

describe('Attributor: base forms measured on train', () => {
  it('"Critics call it …" names what the critics say it is', () => {
    const a = attribute(`${TITLE}Critics call it a waste of public money.`);
    const x = find(a, 'waste of public money');
    expect(x.speaker?.text).toBe('Critics');
    expect(x.content.text).toBe('it a waste of public money');
  });

  it('"share", "compare" and "ignore" in the present tense take their object as content', () => {
    expect(find(attribute(`${TITLE}Many captains share his view of the timetable.`), 'his view').content.text).toBe('his view of the timetable');
    expect(find(attribute(`${TITLE}Critics compare the plan to a new tax.`), 'the plan').content.text).toBe('the plan to a new tax');
  });
});

describe('Attributor: a participle set off after the subject', () => {
  it('"Holm, arguing that fares rose, left the board" ends the content before the predicate', () => {
    const a = attribute(`${TITLE}Holm, arguing that fares had risen too far, left the board on Monday.`);
    expect(find(a, 'fares had risen').content.text).toBe('that fares had risen too far');
  });

  it('a present participle measured on train: "is thinking"', () => {
    expect(find(attribute(`${TITLE}Holm is thinking the ferry will be late.`), 'ferry will be late').cue?.text).toBe('thinking');
  });

  it('verbs added from the train sweep: "sounded the alarm", "attributed the delay to …"', () => {
    expect(find(attribute(`${TITLE}Holm sounded the alarm about the ferry.`), 'the alarm').content.text).toBe('the alarm about the ferry');
    expect(find(attribute(`${TITLE}Holm attributed the delay to the ice.`), 'the delay').content.text).toBe('the delay to the ice');
    expect(find(attribute(`${TITLE}Lund pressed the board to add night ferries.`), 'night ferries').content.text).toBe('to add night ferries');
    expect(find(attribute(`${TITLE}Lund pushed to add night ferries.`), 'night ferries').content.text).toBe('to add night ferries');
    expect(find(attribute(`${TITLE}The report details the cost of the delays.`), 'the cost').speaker?.text).toBe('The report');
  });
});

describe('Attributor: two subjects joined by "and"', () => {
  it('"Holm and another captain asked …" is one speaker; after "According to X," the content is the whole clause', () => {
    const a = attribute(`${TITLE}Holm and another captain asked the crew to wait.`);
    expect(find(a, 'to wait').speaker?.text).toBe('Holm and another captain');
    const b = attribute(`${TITLE}According to the harbour log, Holm and another captain asked the crew to wait.`);
    expect(find(b, 'Holm and another captain asked').content.text).toBe('Holm and another captain asked the crew to wait');
  });
});

describe('Attributor: a quoted fragment the clause goes on after', () => {
  it('"said “it makes me mad” every time …" is one mixed content; a quotation ending in punctuation stays alone', () => {
    const a = attribute(`${TITLE}Holm said “it makes me mad” every time the ferry is late.`);
    const x = find(a, 'makes me mad');
    expect(x.content.text).toBe('“it makes me mad” every time the ferry is late');
    expect(x.type).toBe('mixed');
    const b = attribute(`${TITLE}Holm said “the ice is thin,” and left the pier.`);
    expect(find(b, 'ice is thin').content.text).toBe('“the ice is thin,”');
  });
});

describe('Attributor: a phrase cue ending in a preposition', () => {
  it('"talked about the timetable and made …" takes the noun phrase, not the rest of the sentence', () => {
    const a = attribute(`${TITLE}Holm talked about the timetable and made a plea for new boats.`);
    expect(find(a, 'the timetable').content.text).toBe('the timetable');
  });
});

describe('Attributor: a finite predicate after an infinitive content', () => {
  it('"declined to be named and is not …" ends the content at "and"', () => {
    const a = attribute(`${TITLE}The captain declined to be named and is not on the roster.`);
    expect(find(a, 'to be named').content.text).toBe('to be named');
  });
});

describe('Attributor: an object with a gerund phrase', () => {
  it('"accused the board of running the port while …" runs as a reported clause', () => {
    const a = attribute(`${TITLE}Lund accused the board of running the port while the crews were on strike.`);
    expect(find(a, 'running the port').content.text).toBe('the board of running the port while the crews were on strike');
  });
});

describe('Attributor: a relative object with "as"', () => {
  it('"the pier, which Holm describes as his second home" gives the relative word and the "as" phrase', () => {
    const a = attribute(`${TITLE}Holm spent the winter at the pier, which he describes as his second home.`);
    expect(whole(find(a, 'second home'))).toBe('which | as his second home');
  });

  it('"what Lund called a “floating museum”": a naming verb takes the complement with no "as"', () => {
    const a = attribute(`${TITLE}The ferry was what Lund called a “floating museum” for years.`);
    expect(whole(find(a, 'floating museum'))).toBe('what | a “floating museum” for years');
  });
});

describe('Attributor: a subject with an apposition after a dash', () => {
  it('"… — Kari Lund, a spokeswoman, told NRK that …" takes the name and apposition as speaker', () => {
    const a = attribute(`${TITLE}It was no accident — Kari Lund, a spokeswoman for the port, told NRK that the board knew.`);
    expect(find(a, 'the board knew').speaker?.text).toBe('Kari Lund, a spokeswoman for the port');
  });
});

describe('Attributor: what is told', () => {
  it('"told a joke" takes its object as content; "told reporters" is still the addressee', () => {
    expect(find(attribute(`${TITLE}The captain told a joke about the ice.`), 'a joke').content.text).toBe('a joke about the ice');
    const b = attribute(`${TITLE}Holm told reporters the ferry was late.`);
    expect(find(b, 'ferry was late').addressee?.text).toBe('reporters');
  });
});

describe('Attributor: a quotation after a passive cue', () => {
  it('"Holm was asked, “…?”" gives the question as the content', () => {
    const a = attribute(`${TITLE}Holm was asked, “Would the ferry run in winter?”`);
    expect(find(a, 'run in winter').content.text).toBe('“Would the ferry run in winter?”');
  });
});

describe('Attributor: an addressee followed by "for" or "about"', () => {
  it('"asked the port board for new boats" makes the board the addressee and the boats the content', () => {
    const a = attribute(`${TITLE}Holm asked the port board for two new boats.`);
    const x = find(a, 'two new boats');
    expect(x.addressee?.text).toBe('the port board');
    expect(x.content.text).toBe('two new boats');
  });
});

describe('Attributor: an adverbial clause between the subject and the cue', () => {
  it('"Holm, when asked what was wrong with the plan, responded that …" has Holm as the speaker', () => {
    const a = attribute(`${TITLE}Holm, when asked what was wrong with the plan, responded that the boats were too old.`);
    expect(find(a, 'boats were too old').speaker?.text).toBe('Holm');
  });
});

describe('Attributor: a parenthesis in dashes between the cue and "that"', () => {
  it('"said — on the radio, as it happens — that …"', () => {
    const a = attribute(`${TITLE}Holm said — on the radio, as it happens — that the ferry would be late.`);
    expect(find(a, 'ferry would be late').content.text).toBe('that the ferry would be late');
  });
});

describe('Attributor: an object pronoun opens no reported clause', () => {
  it('"a day after he said them, but the board …" does not run on', () => {
    const a = attribute(`${TITLE}Holm regretted the words a day after he said them, but the board had already left.`);
    expect((a.layers.attributions ?? []).map((x) => x.content.text)).not.toContain('them, but the board had already left');
  });
});

describe('Attributor: a question asked by no one in particular', () => {
  it('"new questions about whether …" and "the question is whether …" give the indirect question with no speaker', () => {
    const a = attribute(`${TITLE}The logbook raised new questions about whether the ferry ever left the pier.`);
    const x = find(a, 'ever left the pier');
    expect(x.content.text).toBe('whether the ferry ever left the pier');
    expect(x.speaker).toBeNull();
    const b = attribute(`${TITLE}The question is whether the ferry will run in winter.`);
    expect(find(b, 'run in winter').content.text).toBe('whether the ferry will run in winter');
    expect(attribute(`${TITLE}The question was settled in May.`).layers.attributions ?? []).toEqual([]);
  });
});
