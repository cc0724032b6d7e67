import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ModeratorNote } from '@agora/shared';
import { Types, type Model } from 'mongoose';
import { ModeratorNoteDoc } from './moderator-note.model';

const toNote = (d: ModeratorNoteDoc): ModeratorNote => ({
  id: String(d._id),
  userId: String(d.userId),
  authorId: String(d.authorId),
  authorName: d.authorName,
  text: d.text,
  createdAt: new Date(d.createdAt).toISOString(),
});

@Injectable()
export class ModeratorNotesRepository {
  constructor(@InjectModel(ModeratorNoteDoc.name) private readonly notes: Model<ModeratorNoteDoc>) {}

  async add(note: Omit<ModeratorNoteDoc, '_id' | 'createdAt'>): Promise<ModeratorNote> {
    const doc = await this.notes.create({ ...note, createdAt: new Date() });
    return toNote(doc.toObject() as ModeratorNoteDoc);
  }

  /** Newest first. */
  async forUser(userId: string, limit = 100): Promise<ModeratorNote[]> {
    const docs = await this.notes.find({ userId: new Types.ObjectId(userId) }).sort({ _id: -1 }).limit(limit).lean<ModeratorNoteDoc[]>().exec();
    return docs.map(toNote);
  }
}
