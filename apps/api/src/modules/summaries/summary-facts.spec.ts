import type { NoteDto, PrescriptionDto } from '@cloudvault/contracts';
import { assembleFacts } from './summary-facts';

const at = (day: number) => new Date(Date.UTC(2026, 9, day, 9)).toISOString();

function note(day: number, body: string, visibility: 'shared' | 'private' = 'shared'): NoteDto {
  return {
    id: `n${day}`,
    patientId: 'p',
    author: { id: 'd', name: 'Dr. Who' },
    visibility,
    body,
    createdAt: at(day),
    updatedAt: at(day),
  };
}

function prescription(status: 'active' | 'cancelled', name: string): PrescriptionDto {
  return {
    id: `rx-${name}`,
    patientId: 'p',
    doctor: { id: 'd', name: 'Dr. Who' },
    status,
    medications: [{ name, dose: '10 mg', frequency: 'daily' }],
    instructions: 'With food.',
    issuedAt: at(1),
  };
}

const base = {
  audience: 'doctor' as const,
  period: { from: new Date(at(1)), to: new Date(at(30)) },
  vitals: [],
  notes: [],
  prescriptions: [],
  files: [],
};

describe('assembleFacts', () => {
  it('keeps the 5 newest notes, shortened, without author or ids', () => {
    const notes = [1, 2, 3, 4, 5, 6, 7].map((d) => note(d, d === 7 ? 'x'.repeat(700) : `note ${d}`));
    const facts = assembleFacts({ ...base, notes });
    expect(facts.notes.map((n) => n.writtenAt)).toEqual([7, 6, 5, 4, 3].map(at));
    expect(facts.notes[0]?.body).toHaveLength(600);
    expect(facts.notes[0]?.body.endsWith('…')).toBe(true);
    expect(JSON.stringify(facts)).not.toMatch(/Dr\. Who|"n\d"|"id"/);
  });

  it('lists the medications of active prescriptions only, with their instructions and date', () => {
    const facts = assembleFacts({
      ...base,
      prescriptions: [prescription('active', 'Ramipril'), prescription('cancelled', 'Warfarin')],
    });
    expect(facts.medications).toEqual([
      { name: 'Ramipril', dose: '10 mg', frequency: 'daily', instructions: 'With food.', prescribedAt: at(1) },
    ]);
  });

  it('keeps file names and dates only, the 10 newest', () => {
    const files = Array.from({ length: 12 }, (_, i) => ({ name: `scan-${i + 1}.pdf`, createdAt: at(i + 1) }));
    const facts = assembleFacts({ ...base, files });
    expect(facts.files).toHaveLength(10);
    expect(facts.files[0]).toEqual({ name: 'scan-12.pdf', uploadedAt: at(12) });
  });

  it('states the audience and the period as ISO strings', () => {
    expect(assembleFacts(base)).toMatchObject({
      audience: 'doctor',
      period: { from: at(1), to: at(30) },
      vitals: [],
      flags: [],
    });
  });
});
