import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, type QueryFilter, Types } from 'mongoose';
import {
  DEFAULT_PAGE_LIMIT,
  type DoctorPageDto,
  type DoctorProfileDto,
  type ListDoctorsQueryDto,
} from '@cloudvault/contracts';
import { containsInsensitive, equalsInsensitive } from '../../common/query/escape-regex';
import { afterPosition, decodeCursor, toPage } from '../../common/query/page-cursor';
import { User } from './user.schema';

type DirectoryRow = Pick<User, 'name' | 'specialty' | 'bio'> & { _id: Types.ObjectId };

function toDoctorProfileDto(u: DirectoryRow): DoctorProfileDto {
  return { id: u._id.toHexString(), name: u.name, specialty: u.specialty ?? '', ...(u.bio ? { bio: u.bio } : {}) };
}

/** GET /api/doctors: the public directory patients choose from. Only public fields are ever selected. */
@Injectable()
export class DoctorDirectoryService {
  constructor(@InjectModel(User.name) private readonly users: Model<User>) {}

  /** By name then id; `q` matches name or specialty and `specialty` the whole specialty, case-insensitively and literally. */
  async search(query: ListDoctorsQueryDto): Promise<DoctorPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const and: QueryFilter<User>[] = [{ role: 'doctor' }];
    if (query.q) {
      const re = containsInsensitive(query.q);
      and.push({ $or: [{ name: re }, { specialty: re }] });
    }
    if (query.specialty) and.push({ specialty: equalsInsensitive(query.specialty) });
    if (query.cursor) {
      const { key, id } = decodeCursor(query.cursor);
      and.push(afterPosition('name', key, id, 'asc'));
    }
    const rows = await this.users
      .find({ $and: and }, { name: 1, specialty: 1, bio: 1 })
      .sort({ name: 1, _id: 1 })
      .limit(limit + 1)
      .lean<DirectoryRow[]>();
    return toPage(rows, limit, toDoctorProfileDto, (r) => r.name);
  }
}
