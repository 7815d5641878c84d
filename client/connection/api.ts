// The HTTP calls the workspace makes, through the typed client (http.ts): what each answers
// is the server's own type. A refusal comes back as an ApiFailure carrying the server's
// code, so the screen can say it in the reader's language.
import { ApiFailure, call, params, server, type AnswerOf } from './http';

export { ApiFailure };

const meeting = server.api.meetings[':id'];

/** GET /api/meetings/:id: the meeting, and who asks. */
export type Meeting = AnswerOf<typeof meeting.$get>;
export type Viewer = NonNullable<Meeting['you']>;
export type Invitation = AnswerOf<typeof meeting.invitations.$get>['invitations'][number];
export type IssuedLink = AnswerOf<(typeof meeting.invitations)[':participantId']['link']['$post']>;

export const api = {
  /** Trades the invitation token for the session cookie; `sent`: the same request, made already (client/join-early.ts). */
  join: (token: string, sent?: Promise<Response>) =>
    call(() => (sent as ReturnType<typeof server.api.session.$post>) ?? server.api.session.$post({ json: { token } })),
  session: () => call(() => server.api.session.$get()),
  meeting: (meetingId: string, sent?: Promise<Response> | null) =>
    call(() => (sent as ReturnType<typeof meeting.$get>) ?? meeting.$get({ param: params({ id: meetingId }) })),
  markAgreement: (meetingId: string, targetId: string, agreed: boolean) =>
    call(() => meeting.agreement.$post({ param: params({ id: meetingId }), json: { targetId, agreed } })),
  invitations: (meetingId: string) => call(() => meeting.invitations.$get({ param: params({ id: meetingId }) })),
  issueLink: (meetingId: string, participantId: string) =>
    call(() => meeting.invitations[':participantId'].link.$post({ param: params({ id: meetingId, participantId }) })),
};
