import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, type Model, Types } from 'mongoose';
import type { PublicProfileDto, Role, UpdateMeDto, UserDto } from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { AuditService } from '../../infra/audit/audit.service';
import { toPublicProfileDto, toUserDto } from './users.mapper';
import { User } from './user.schema';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  specialty?: string;
  bio?: string;
  passwordHash: string;
}

const isDuplicateKey = (e: unknown): boolean => (e as { code?: unknown })?.code === 11000;

/** Accounts and profiles. Credentials (password hash, two-factor secrets) live in UserCredentialsService. */
@Injectable()
export class UsersService {
  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    private readonly audit: AuditService,
  ) {}

  /** Creates an account; a taken email (in any letter case) is a 409. */
  async create(input: NewUser): Promise<UserDto> {
    try {
      const doc = await this.users.create({ ...input, mfa: { enabled: false } });
      return toUserDto(doc.toObject());
    } catch (e) {
      if (isDuplicateKey(e)) throw new ConflictException('An account with this email already exists');
      throw e;
    }
  }

  /** The account, or null when the id is malformed or unknown. */
  async findById(id: string): Promise<UserDto | null> {
    if (!isValidObjectId(id)) return null;
    const u = await this.users.findById(id).lean<User & { _id: Types.ObjectId }>();
    return u ? toUserDto(u) : null;
  }

  /** Name, role and (for doctors) specialty and bio; null when unknown. */
  async findPublicProfile(id: string): Promise<PublicProfileDto | null> {
    if (!isValidObjectId(id)) return null;
    const u = await this.users.findById(id).lean<User & { _id: Types.ObjectId }>();
    return u ? toPublicProfileDto(u) : null;
  }

  /** Display names for joins (e.g. "prescribed by"); unknown ids are simply absent from the map. */
  async findNamesByIds(ids: readonly string[]): Promise<Map<string, string>> {
    const valid = [...new Set(ids)].filter((id) => isValidObjectId(id)).map((id) => new Types.ObjectId(id));
    if (!valid.length) return new Map();
    const rows = await this.users
      .find({ _id: { $in: valid } }, { name: 1 })
      .lean<{ _id: Types.ObjectId; name: string }[]>();
    return new Map(rows.map((r) => [r._id.toHexString(), r.name]));
  }

  /** GET /api/me. */
  async getMe(actor: AuthUser): Promise<UserDto> {
    const me = await this.findById(actor.id);
    if (!me) throw new NotFoundException('Account not found');
    return me;
  }

  /** PATCH /api/me: name and preferences for everyone; specialty and bio for doctors only. */
  async updateMe(actor: AuthUser, dto: UpdateMeDto): Promise<UserDto> {
    if (actor.role !== 'doctor') {
      const details = (['specialty', 'bio'] as const)
        .filter((f) => dto[f] !== undefined)
        .map((field) => ({ field, message: `${field} is only allowed for doctors` }));
      if (details.length) throw new BadRequestException({ message: 'Validation failed', details });
    }
    const $set: Record<string, unknown> = {};
    if (dto.name !== undefined) $set['name'] = dto.name;
    if (dto.specialty !== undefined) $set['specialty'] = dto.specialty;
    if (dto.bio) $set['bio'] = dto.bio;
    // each preference is set on its own, so a partial change keeps the others
    for (const [key, value] of Object.entries(dto.preferences ?? {}))
      if (value !== undefined) $set[`preferences.${key}`] = value;
    // an empty bio clears it
    const update = dto.bio === '' ? { $set, $unset: { bio: 1 } } : { $set };
    const u = await this.users
      .findOneAndUpdate({ _id: new Types.ObjectId(actor.id) }, update, { new: true, runValidators: true })
      .lean<User & { _id: Types.ObjectId }>();
    if (!u) throw new NotFoundException('Account not found');
    await this.audit.record({ actor, action: 'user.profile.update', resourceType: 'user', resourceId: actor.id });
    return toUserDto(u);
  }
}
