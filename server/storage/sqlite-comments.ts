// Comments on SQLite (see comment-schema.ts).
import type Database from 'better-sqlite3';
import { commentParams, insertComment, toCommentRow, type CommentStorage } from './comment-schema';

export function sqliteComments(db: Database.Database): CommentStorage {
  const q = {
    insert: db.prepare(insertComment(Array.from({ length: 15 }, () => '?'))),
    get: db.prepare<[string], Record<string, unknown>>('SELECT * FROM comments WHERE id = ?'),
    list: db.prepare<[string], Record<string, unknown>>('SELECT * FROM comments WHERE meeting_id = ? ORDER BY created_at, rowid'),
    resolve: db.prepare('UPDATE comments SET resolved_at = ?, resolved_by = ? WHERE id = ?'),
  };
  return {
    async addComment(row) {
      q.insert.run(...commentParams(row));
    },
    async getComment(id) {
      const r = q.get.get(id);
      return r && toCommentRow(r);
    },
    async listComments(meetingId) {
      return q.list.all(meetingId).map(toCommentRow);
    },
    async setThreadResolved(id, resolvedAt, resolvedBy) {
      q.resolve.run(resolvedAt, resolvedBy, id);
    },
  };
}
