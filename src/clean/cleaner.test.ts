import { describe, expect, it } from 'vitest';
import { analyzeText } from '../test-support/docs.js';

const ARTICLE = [
  'Coastal states sign water pact after long talks',
  '',
  'By Lena Ortiz',
  '',
  'RIVERTON (Lakewire) - Three coastal states signed a water-sharing pact on Friday, officials said.',
  '',
  'The governor told reporters the deal was "a fair start".',
  '',
  'Also read | Drought pushes farmers to new crops: report',
  '',
  'READ MORE: Dam project delayed for a second year',
  '',
  'Critics said the pact left smaller towns out.',
  '',
  '(With inputs from agencies)',
  '',
  'WATCH NEWS24 LIVE HERE',
  'Follow us on Facebook, X and Instagram',
  'Subscribe to our newsletter',
  'Source link',
  'Leave a Reply',
  'Your email address will not be published. Required fields are marked *',
  'Comment *',
  'Name *',
].join('\n');

describe('Cleaner', () => {
  const a = analyzeText(ARTICLE);
  const kinds = (a.layers.boilerplate ?? []).map((b) => `${b.kind}:${b.text}`);

  it('detects the title', () => {
    expect(a.layers.title?.text).toBe('Coastal states sign water pact after long talks');
  });

  it('labels every kind of boilerplate line, by kind', () => {
    expect(kinds).toEqual([
      'byline:By Lena Ortiz',
      'dateline:RIVERTON (Lakewire) -',
      'related-link:Also read | Drought pushes farmers to new crops: report',
      'related-link:READ MORE: Dam project delayed for a second year',
      'credit:(With inputs from agencies)',
      'promo:WATCH NEWS24 LIVE HERE',
      'social:Follow us on Facebook, X and Instagram',
      'subscribe:Subscribe to our newsletter',
      'syndication:Source link',
      'comment-form:Leave a Reply',
      'comment-form:Your email address will not be published. Required fields are marked *',
      'comment-form:Comment *',
      'comment-form:Name *',
    ]);
  });

  it('keeps related-link headlines and credited sources as spans', () => {
    const related = a.layers.boilerplate!.filter((b) => b.kind === 'related-link');
    expect(related.map((b) => b.headline?.text)).toEqual(['Drought pushes farmers to new crops: report', 'Dam project delayed for a second year']);
    expect(a.layers.boilerplate!.find((b) => b.kind === 'dateline')?.source?.text).toBe('Lakewire');
    expect(a.layers.boilerplate!.find((b) => b.kind === 'credit')?.source?.text).toBe('agencies');
    expect(a.layers.sentences!.filter((s) => s.section === 'related').map((s) => s.text)).toEqual([
      'Drought pushes farmers to new crops: report',
      'Dam project delayed for a second year',
    ]);
  });

  it('drops no body sentence: the dateline is cut from the paragraph, not the paragraph', () => {
    expect(a.layers.sentences!.filter((s) => s.section === 'body').map((s) => s.text)).toEqual([
      'Three coastal states signed a water-sharing pact on Friday, officials said.',
      'The governor told reporters the deal was "a fair start".',
      'Critics said the pact left smaller towns out.',
    ]);
  });

  it('does not label body lines that merely start like boilerplate', () => {
    const body = analyzeText(
      'Talks resume\n\nSubscribers said on Monday that the service had improved.\nWatch for storms, the agency said, as winds pick up.\nBy the end of the week, prices had fallen.\nSource of the leak remains unknown, police said.',
    );
    expect(body.layers.boilerplate).toEqual([]);
    expect(body.layers.sentences!.filter((s) => s.section === 'body')).toHaveLength(4);
  });

  it('treats hard-wrapped text as one paragraph and never labels its continuation lines', () => {
    const wrapped = analyzeText(
      'GRAIN BOARD SETS PAYMENTS\n\nThe board said producers who sign up for the programme and\nsubscribe between January 1 and March 31 to the plan will receive\nextra payments, officials said.\n',
    );
    expect(wrapped.layers.boilerplate).toEqual([]);
    const body = wrapped.layers.blocks!.filter((b) => b.kind === 'body');
    expect(body).toHaveLength(1);
    expect(wrapped.layers.sentences!.filter((s) => s.section === 'body')).toHaveLength(1);
  });

  it('finds no title in a text that is one paragraph', () => {
    expect(analyzeText('The minister said the talks were over.').layers.title).toBeNull();
  });

  it('marks a metadata title only where the text repeats it', () => {
    expect(analyzeText('Big news\n\nBody.', { title: 'Big news' }).layers.title?.text).toBe('Big news');
    expect(analyzeText('Body first.\n\nMore body.', { title: 'Big news' }).layers.title).toBeNull();
  });
});

describe('Cleaner: picture galleries', () => {
  it('labels gallery captions, which carry names and verbs but are not body text', () => {
    const a = analyzeText('Talks resume\n\nThe talks resumed on Monday.\nHide Caption 2 of 9 Photos: The envoy arrives at the airport before the talks\nOfficials said progress was slow.');
    expect(a.layers.boilerplate!.map((b) => b.kind)).toEqual(['image-caption']);
    expect(a.layers.sentences!.filter((s) => s.section === 'body').map((s) => s.text)).toEqual(['The talks resumed on Monday.', 'Officials said progress was slow.']);
  });
});
