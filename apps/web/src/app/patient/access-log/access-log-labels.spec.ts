import { describeAction } from './access-log-labels';

describe('describeAction', () => {
  it('puts audit actions into words', () => {
    expect(describeAction('vital.list', 'vital')).toBe('Viewed the list of vitals');
    expect(describeAction('summary.list', 'summary')).toBe('Viewed the list of summaries');
    expect(describeAction('file.download', 'file')).toBe('Downloaded file');
    expect(describeAction('consultation.request', 'consultation')).toBe('Requested consultation');
  });

  it('shows an action it does not know as it is', () => {
    expect(describeAction('doctor.patient.profile_view', 'user')).toBe('doctor.patient.profile_view');
  });
});
