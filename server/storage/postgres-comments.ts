// Comments on PostgreSQL, call for call as on SQLite (see comment-schema.ts).
import type pg from 'pg';
import { commentParams, insertComment, toCommentRow, type CommentStorage } from './comment-schema';

export function postgresComments(pool: pg.Pool): CommentStorage {
  return {
    async addComment(row) {
      await pool.query(insertComment(Array.from({ length: 15 }, (_, i) => `$${i + 1}`)), commentParams(row));
    },
    async getComment(id) {
      const r = (await pool.query('SELECT * FROM comments WHERE id = $1', [id])).rows[0] as Record<string, unknown> | undefined;
      return r && toCommentRow(r);
    },
    async listComments(meetingId) {
      return (await pool.query('SELECT * FROM comments WHERE meeting_id = $1 ORDER BY created_at, id', [meetingId])).rows.map(toCommentRow);
    },
    async setThreadResolved(id, resolvedAt, resolvedBy) {
      await pool.query('UPDATE comments SET resolved_at = $1, resolved_by = $2 WHERE id = $3', [resolvedAt, resolvedBy, id]);
    },
  };
}
