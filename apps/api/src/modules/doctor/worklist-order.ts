import type { DoctorPatientDto, WorklistSort } from '@cloudvault/contracts';

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const activity = (p: DoctorPatientDto): number => (p.lastActivityAt ? Date.parse(p.lastActivityAt) : -Infinity);

/** Compare functions of the worklist's sorts; ties fall back to the name, then the id, so pages are stable. */
export function worklistComparator(sort: WorklistSort): (a: DoctorPatientDto, b: DoctorPatientDto) => number {
  const name = (a: DoctorPatientDto, b: DoctorPatientDto) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : 1);
  const recent = (a: DoctorPatientDto, b: DoctorPatientDto) => activity(b) - activity(a) || name(a, b);
  switch (sort) {
    case 'name':
      return name;
    case 'recent':
      return recent;
    case 'attention':
      return (a, b) => b.flags7d - a.flags7d || b.unreadMessages - a.unreadMessages || recent(a, b);
  }
}
