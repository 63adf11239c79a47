import { isUrgentItem, summaryBlocks } from './summary-blocks';

describe('summaryBlocks', () => {
  it('turns headed "- " lines into lists and other parts into paragraphs', () => {
    const text = 'Your health summary.\n\nWhat needs your attention:\n- Urgent: very high\n- High\n\nNot a diagnosis.';
    expect(summaryBlocks(text)).toEqual([
      { kind: 'paragraph', text: 'Your health summary.' },
      { kind: 'list', heading: 'What needs your attention:', items: ['Urgent: very high', 'High'] },
      { kind: 'paragraph', text: 'Not a diagnosis.' },
    ]);
    expect(isUrgentItem('Urgent: very high')).toBe(true);
    expect(isUrgentItem('URGENT: Hypertensive crisis')).toBe(true);
    expect(isUrgentItem('High')).toBe(false);
  });
});
