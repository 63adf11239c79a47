import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import type { ClinicalProfileDto, UpdateClinicalProfileDto } from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { AuditService } from '../../infra/audit/audit.service';
import { ClinicalProfile } from './clinical-profile.schema';
import { toClinicalProfileDto } from './clinical.mapper';

const oid = (id: string) => new Types.ObjectId(id);

/** The patient's clinical profile: written by the patient, read by them and by doctors in care (audited). */
@Injectable()
export class ClinicalService {
  constructor(
    @InjectModel(ClinicalProfile.name) private readonly profiles: Model<ClinicalProfile>,
    private readonly audit: AuditService,
  ) {}

  async getOwn(actor: AuthUser): Promise<ClinicalProfileDto> {
    const profile = await this.find(actor.id);
    await this.audit.record({ actor, action: 'clinical.read', resourceType: 'clinical-profile', patientId: actor.id });
    return profile;
  }

  /** Replaces the whole profile (PUT semantics). */
  async put(actor: AuthUser, dto: UpdateClinicalProfileDto): Promise<ClinicalProfileDto> {
    if (dto.noKnownAllergies && dto.allergies.length > 0) {
      throw new BadRequestException({
        message: 'Validation failed',
        details: [{ field: 'noKnownAllergies', message: 'noKnownAllergies cannot be true while allergies are listed' }],
      });
    }
    const { dateOfBirth, sex, noKnownAllergies, emergencyContact, allergies, conditions, medications } = dto;
    const set = { allergies, conditions, medications, dateOfBirth, sex, noKnownAllergies, emergencyContact };
    const unset = Object.fromEntries(
      Object.entries(set)
        .filter(([, v]) => v === undefined)
        .map(([k]) => [k, 1]),
    );
    const defined = Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined));
    const saved = await this.profiles
      .findOneAndUpdate(
        { patientId: oid(actor.id) },
        { $set: defined, ...(Object.keys(unset).length ? { $unset: unset } : {}) },
        { upsert: true, returnDocument: 'after', runValidators: true },
      )
      .lean<ClinicalProfile>();
    await this.audit.record({
      actor,
      action: 'clinical.update',
      resourceType: 'clinical-profile',
      patientId: actor.id,
    });
    return toClinicalProfileDto(saved);
  }

  /** A doctor in care reads the profile (the caller has checked the care relationship); audited. */
  async readForDoctor(actor: AuthUser, patientId: string): Promise<ClinicalProfileDto> {
    const profile = await this.find(patientId);
    await this.audit.record({ actor, action: 'clinical.read', resourceType: 'clinical-profile', patientId });
    return profile;
  }

  /** The saved profile, or null when the patient never saved one (for the FHIR export, which audits its use). */
  async findSaved(patientId: string): Promise<ClinicalProfileDto | null> {
    const profile = await this.find(patientId);
    return profile.updatedAt ? profile : null;
  }

  /** Erases the profile (account deletion). */
  async eraseAccount(patientId: string): Promise<void> {
    await this.profiles.deleteOne({ patientId: oid(patientId) });
  }

  private async find(patientId: string): Promise<ClinicalProfileDto> {
    return toClinicalProfileDto(await this.profiles.findOne({ patientId: oid(patientId) }).lean<ClinicalProfile>());
  }
}
