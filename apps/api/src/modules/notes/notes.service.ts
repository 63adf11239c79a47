import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, type QueryFilter, Types } from 'mongoose';
import {
  DEFAULT_PAGE_LIMIT,
  type CreateNoteDto,
  type NoteDto,
  type NotePageDto,
  type PageQueryDto,
  type UpdateNoteDto,
} from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { afterPosition, decodeDateCursor, toPage } from '../../common/query/page-cursor';
import { lookupUser } from '../../common/query/user-lookup';
import { AuditService } from '../../infra/audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { noteSharedNotice } from './note-notices';
import { Note } from './note.schema';
import { type NoteView, toNoteDto } from './notes.mapper';

/** How many notes `listVisibleTo` hands to other services (newest first). */
const VISIBLE_NOTES_CAP = 200;

const oid = (id: string) => new Types.ObjectId(id);

/**
 * Doctors' notes on patients. A private note is seen by its author only; a shared one by the patient and
 * every doctor consulting them. Only the author edits or deletes. Callers on doctor routes have passed
 * ConsultingPatientGuard; this service still scopes every query by patient (and author where needed).
 */
/** Rows fetched per round trip when streaming a whole record. */
const EXPORT_BATCH_SIZE = 100;

@Injectable()
export class NotesService {
  constructor(
    @InjectModel(Note.name) private readonly notes: Model<Note>,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async create(actor: AuthUser, patientId: string, dto: CreateNoteDto): Promise<NoteDto> {
    const note = await this.notes.create({
      patientId: oid(patientId),
      authorId: oid(actor.id),
      visibility: dto.visibility,
      body: dto.body,
    });
    await this.audit.record({ actor, action: 'note.create', resourceType: 'note', resourceId: note.id, patientId });
    const created = await this.view(note._id);
    if (created.visibility === 'shared') await this.notifications.notify(patientId, noteSharedNotice(created));
    return created;
  }

  /** GET /api/doctor/patients/:patientId/notes: shared notes plus the caller's own private ones. */
  async listForDoctor(actor: AuthUser, patientId: string, query: PageQueryDto): Promise<NotePageDto> {
    const page = await this.page(this.visibleTo(actor, patientId), query);
    await this.audit.record({ actor, action: 'note.list', resourceType: 'note', patientId });
    return page;
  }

  /** GET /api/notes: the notes doctors shared with the calling patient. */
  async listShared(actor: AuthUser, query: PageQueryDto): Promise<NotePageDto> {
    const page = await this.page(this.visibleTo(actor, actor.id), query);
    await this.audit.record({ actor, action: 'note.list', resourceType: 'note', patientId: actor.id });
    return page;
  }

  /**
   * Notes on a patient that `actor` may see, newest first (at most 200): a doctor gets shared notes and
   * their own private ones, the patient (only about themselves) the shared ones. For other services
   * (e.g. summaries), which audit their own use.
   */
  async listVisibleTo(actor: AuthUser, patientId: string): Promise<NoteDto[]> {
    if (actor.role === 'patient' && actor.id !== patientId) return [];
    const rows = await this.notes.aggregate<NoteView>([
      { $match: this.visibleTo(actor, patientId) },
      { $sort: { createdAt: -1, _id: -1 } },
      { $limit: VISIBLE_NOTES_CAP },
      ...lookupUser('authorId', 'author'),
    ]);
    return rows.map(toNoteDto);
  }

  /** Every note on the patient that `actor` may see, oldest first, streamed (the FHIR export audits its use). */
  async *streamVisibleTo(actor: AuthUser, patientId: string): AsyncGenerator<NoteDto> {
    if (actor.role === 'patient' && actor.id !== patientId) return;
    const rows = this.notes
      .aggregate<NoteView>([
        { $match: this.visibleTo(actor, patientId) },
        { $sort: { createdAt: 1, _id: 1 } },
        ...lookupUser('authorId', 'author'),
      ])
      .cursor({ batchSize: EXPORT_BATCH_SIZE });
    for await (const row of rows) yield toNoteDto(row as NoteView);
  }

  /** Author-only edit; the previous version is kept in `revisions`. Another doctor's shared note → 403, an unseen one → 404. */
  async update(actor: AuthUser, patientId: string, noteId: string, dto: UpdateNoteDto): Promise<NoteDto> {
    if (dto.body === undefined && dto.visibility === undefined) {
      throw new BadRequestException({
        message: 'Validation failed',
        details: [{ field: 'body', message: 'give body and/or visibility' }],
      });
    }
    const current = await this.notes
      .findOne(this.ownedBy(actor, patientId, noteId), { body: 1, visibility: 1, updatedAt: 1 })
      .lean();
    if (!current) throw await this.missOrForbidden(actor, patientId, noteId, 'edit');
    const updated = await this.notes.findOneAndUpdate(
      { ...this.ownedBy(actor, patientId, noteId), updatedAt: current.updatedAt },
      {
        $set: {
          ...(dto.body !== undefined ? { body: dto.body } : {}),
          ...(dto.visibility ? { visibility: dto.visibility } : {}),
        },
        $push: { revisions: { body: current.body, visibility: current.visibility, replacedAt: new Date() } },
      },
      { returnDocument: 'after', runValidators: true },
    );
    // a concurrent edit or delete won the race: the caller retries against the new state
    if (!updated) throw new NotFoundException('Note not found');
    await this.audit.record({ actor, action: 'note.update', resourceType: 'note', resourceId: noteId, patientId });
    const note = await this.view(updated._id);
    if (current.visibility === 'private' && note.visibility === 'shared') {
      await this.notifications.notify(patientId, noteSharedNotice(note));
    }
    return note;
  }

  /** Author-only; hides the note from every list but keeps it on record. */
  async remove(actor: AuthUser, patientId: string, noteId: string): Promise<void> {
    const res = await this.notes.updateOne(this.ownedBy(actor, patientId, noteId), { $set: { deletedAt: new Date() } });
    if (res.matchedCount === 0) throw await this.missOrForbidden(actor, patientId, noteId, 'delete');
    await this.audit.record({ actor, action: 'note.delete', resourceType: 'note', resourceId: noteId, patientId });
  }

  private visibleTo(actor: AuthUser, patientId: string): QueryFilter<Note> {
    const base = { patientId: oid(patientId), deletedAt: { $exists: false } };
    if (actor.role === 'patient') return { ...base, visibility: 'shared' };
    return { ...base, $or: [{ visibility: 'shared' }, { authorId: oid(actor.id) }] };
  }

  private ownedBy(actor: AuthUser, patientId: string, noteId: string): QueryFilter<Note> {
    return { _id: oid(noteId), patientId: oid(patientId), authorId: oid(actor.id), deletedAt: { $exists: false } };
  }

  /** Not the author: 403 if the caller can see the note (someone else's shared note), else 404. */
  private async missOrForbidden(actor: AuthUser, patientId: string, noteId: string, verb: string): Promise<Error> {
    const visible = await this.notes.exists({ ...this.visibleTo(actor, patientId), _id: oid(noteId) });
    return visible
      ? new ForbiddenException(`Only the author can ${verb} this note`)
      : new NotFoundException('Note not found');
  }

  private async page(filter: QueryFilter<Note>, query: PageQueryDto): Promise<NotePageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const match: QueryFilter<Note> = { ...filter };
    if (query.cursor) {
      const { at, id } = decodeDateCursor(query.cursor);
      match.$and = [afterPosition('createdAt', at, id, 'desc')];
    }
    const rows = await this.notes.aggregate<NoteView>([
      { $match: match },
      { $sort: { createdAt: -1, _id: -1 } },
      { $limit: limit + 1 },
      ...lookupUser('authorId', 'author'),
    ]);
    return toPage(rows, limit, toNoteDto, (r) => r.createdAt.toISOString());
  }

  private async view(id: Types.ObjectId): Promise<NoteDto> {
    const [row] = await this.notes.aggregate<NoteView>([{ $match: { _id: id } }, ...lookupUser('authorId', 'author')]);
    if (!row) throw new NotFoundException('Note not found');
    return toNoteDto(row);
  }
}
