/** A doctor as listed in the directory: public fields only (never an email). */
export class DoctorProfileDto {
  id!: string;
  name!: string;
  specialty!: string;
  bio?: string;
}

export class DoctorPageDto {
  items!: DoctorProfileDto[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor!: string | null;
}
