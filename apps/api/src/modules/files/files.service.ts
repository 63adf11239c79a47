import {
  BadRequestException,
  HttpException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { type Model, Types } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import {
  DEFAULT_PAGE_LIMIT,
  type FileDto,
  type FilePageDto,
  type ListFilesQueryDto,
  UploadFileFieldsDto,
} from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { flattenValidationErrors } from '../../common/pipes/validation.pipe';
import { containsInsensitive } from '../../common/query/escape-regex';
import { afterPosition, decodeDateCursor, toPage } from '../../common/query/page-cursor';
import { AppConfigService } from '../../config/app-config.service';
import { AuditService } from '../../infra/audit/audit.service';
import { OBJECT_STORAGE, ObjectNotFoundError, type ObjectStorage } from '../../infra/storage/object-storage';
import type { FileContent } from './file-download';
import { sanitiseFileName } from './file-name';
import { toFileDto } from './files.mapper';
import { MedicalFile, type StoredMedicalFile } from './medical-file.schema';
import { receiveUpload } from './multipart-upload';
import { quotaExceeded, UploadInspector } from './upload-inspector';

const RESOURCE = 'file';

/** Client errors (400/413/415) pass through; anything else from storage is a 503. */
function storageFailure(e: unknown): HttpException {
  return e instanceof HttpException ? e : new ServiceUnavailableException('File storage is temporarily unavailable');
}

/**
 * A patient's medical files. Consistency: the object is stored first and the metadata written after; if
 * storing fails nothing is recorded (503), if recording fails the object is removed. Every read and write
 * is audited with the patient's id. Reads take the patient id explicitly (patient routes pass their own).
 */
@Injectable()
export class FilesService {
  private readonly logger = new Logger(FilesService.name);

  constructor(
    @InjectModel(MedicalFile.name) private readonly files: Model<MedicalFile>,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly config: AppConfigService,
    private readonly audit: AuditService,
  ) {}

  async upload(actor: AuthUser, req: Request): Promise<FileDto> {
    const maxBytes = this.config.uploadMaxBytes;
    const quotaLeft = this.config.fileQuotaBytes - (await this.storedBytes(actor.id));
    const storageKey = `${actor.id}/${randomUUID()}`;
    let stored = false;
    try {
      const { file, fields } = await receiveUpload(req, maxBytes, async (incoming) => {
        const name = sanitiseFileName(incoming.filename);
        const inspector = new UploadInspector(maxBytes, name, quotaLeft);
        const piping = pipeline(incoming.stream, inspector);
        // Observed at once: it may reject (413/415) while the driver is still busy, and an unobserved
        // rejection would take the process down. Awaiting it below still throws.
        piping.catch(() => undefined);
        try {
          await this.storage.put(storageKey, inspector);
          await piping;
        } catch (e) {
          // The inspector's own verdict (413/415/400) wins over how the driver reported the broken stream.
          throw storageFailure(inspector.errored ?? e);
        }
        stored = true;
        return { name, ...inspector.result };
      });
      const extra = await this.validateFields(fields);
      const doc = await this.files.create({
        patientId: new Types.ObjectId(actor.id),
        name: file.name,
        ...(extra.description ? { description: extra.description } : {}),
        contentType: file.type,
        size: file.size,
        sha256: file.sha256,
        storageDriver: this.storage.driver,
        storageKey,
      });
      if ((await this.storedBytes(actor.id)) > this.config.fileQuotaBytes) {
        // a concurrent upload took the room first: this one is undone (its object by the finally below)
        await this.files.deleteOne({ _id: doc._id });
        throw quotaExceeded();
      }
      stored = false;
      const id = doc._id.toHexString();
      await this.audit.record({
        actor,
        action: 'file.upload',
        resourceType: RESOURCE,
        resourceId: id,
        patientId: actor.id,
      });
      return toFileDto(doc.toObject<StoredMedicalFile>());
    } finally {
      if (stored) await this.discard(storageKey);
    }
  }

  async list(actor: AuthUser, patientId: string, query: ListFilesQueryDto): Promise<FilePageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const filter: Record<string, unknown> = { patientId: new Types.ObjectId(patientId), deleting: { $ne: true } };
    if (query.q)
      filter['$or'] = [{ name: containsInsensitive(query.q) }, { description: containsInsensitive(query.q) }];
    const createdAt: Record<string, Date> = {};
    if (query.from) createdAt['$gte'] = new Date(query.from);
    if (query.to) createdAt['$lte'] = new Date(query.to);
    if (Object.keys(createdAt).length) filter['createdAt'] = createdAt;
    const conditions: Record<string, unknown>[] = [filter];
    if (query.cursor) {
      const { at, id } = decodeDateCursor(query.cursor);
      conditions.push(afterPosition('createdAt', at, id, 'desc'));
    }
    // through the driver: the filter is built of typed values (ObjectId, Date, RegExp), nothing to cast
    const rows = await this.files.collection
      .find<StoredMedicalFile>(conditions.length > 1 ? { $and: conditions } : filter, {
        sort: { createdAt: -1, _id: -1 },
        limit: limit + 1,
      })
      .toArray();
    await this.audit.record({ actor, action: 'file.list', resourceType: RESOURCE, patientId });
    return toPage(rows, limit, toFileDto, (r) => r.createdAt.toISOString());
  }

  /** Every (not deleting) file of the patient, oldest first, streamed (the FHIR export audits its use). */
  async *streamAll(patientId: string): AsyncGenerator<FileDto> {
    const rows = this.files
      .find({ patientId: new Types.ObjectId(patientId), deleting: { $ne: true } })
      .sort({ createdAt: 1, _id: 1 })
      .lean<StoredMedicalFile[]>()
      .cursor({ batchSize: 100 });
    for await (const row of rows) yield toFileDto(row as StoredMedicalFile);
  }

  async getMetadata(actor: AuthUser, patientId: string, fileId: string): Promise<FileDto> {
    const file = await this.findOwned(actor, patientId, fileId, 'file.read');
    await this.audit.record({ actor, action: 'file.read', resourceType: RESOURCE, resourceId: fileId, patientId });
    return toFileDto(file);
  }

  /** The metadata and a stream of the exact bytes; the read is audited before any byte is sent. */
  async openContent(actor: AuthUser, patientId: string, fileId: string): Promise<FileContent> {
    const file = await this.findOwned(actor, patientId, fileId, 'file.download');
    let stream;
    try {
      stream = await this.storage.get(file.storageKey);
    } catch (e) {
      if (e instanceof ObjectNotFoundError) {
        this.logger.error({ fileId }, 'stored object missing for file metadata');
        throw new NotFoundException('File content not found');
      }
      throw storageFailure(e);
    }
    try {
      await this.audit.record({
        actor,
        action: 'file.download',
        resourceType: RESOURCE,
        resourceId: fileId,
        patientId,
      });
    } catch (e) {
      stream.destroy();
      throw e;
    }
    return { file: toFileDto(file), stream };
  }

  /**
   * Owner only. Marks the metadata (hiding the file), removes the object, then the metadata. If the store
   * fails, the mark is lifted again: the answer is 503 and the file is still there, to delete later.
   */
  async remove(actor: AuthUser, fileId: string): Promise<void> {
    const file = await this.files
      .findOneAndUpdate(
        { _id: new Types.ObjectId(fileId), patientId: new Types.ObjectId(actor.id) },
        { $set: { deleting: true } },
        { returnDocument: 'after' },
      )
      .lean<StoredMedicalFile>();
    if (!file) {
      await this.audit.record({
        actor,
        action: 'file.delete',
        resourceType: RESOURCE,
        resourceId: fileId,
        outcome: 'failure',
      });
      throw new NotFoundException('File not found');
    }
    try {
      await this.storage.delete(file.storageKey);
    } catch (e) {
      await this.files.updateOne({ _id: file._id }, { $unset: { deleting: 1 } });
      throw storageFailure(e);
    }
    await this.files.deleteOne({ _id: file._id });
    await this.audit.record({
      actor,
      action: 'file.delete',
      resourceType: RESOURCE,
      resourceId: fileId,
      patientId: actor.id,
    });
  }

  private async findOwned(
    actor: AuthUser,
    patientId: string,
    fileId: string,
    action: string,
  ): Promise<StoredMedicalFile> {
    const file = await this.files
      .findOne({ _id: new Types.ObjectId(fileId), patientId: new Types.ObjectId(patientId), deleting: { $ne: true } })
      .lean<StoredMedicalFile>();
    if (!file) {
      await this.audit.record({ actor, action, resourceType: RESOURCE, resourceId: fileId, outcome: 'failure' });
      throw new NotFoundException('File not found');
    }
    return file;
  }

  private async validateFields(fields: Record<string, string>): Promise<UploadFileFieldsDto> {
    const dto = plainToInstance(UploadFileFieldsDto, fields);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length)
      throw new BadRequestException({ message: 'Validation failed', details: flattenValidationErrors(errors) });
    return dto;
  }

  /** Removes an object whose metadata was never written; a failure leaves an orphan we log by key. */
  /** Bytes of the patient's stored files (those being deleted included, until they are gone). */
  private async storedBytes(patientId: string): Promise<number> {
    const [usage] = await this.files.aggregate<{ bytes: number }>([
      { $match: { patientId: new Types.ObjectId(patientId) } },
      { $group: { _id: null, bytes: { $sum: '$size' } } },
    ]);
    return usage?.bytes ?? 0;
  }

  private async discard(storageKey: string): Promise<void> {
    try {
      await this.storage.delete(storageKey);
    } catch {
      this.logger.error({ storageKey }, 'could not remove the object of a failed upload');
    }
  }
}
