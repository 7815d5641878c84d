// The case register (JSON, CSV, XLSX) and its counts per stage, over every meeting the
// console user may see: the officers who manage a meeting are its secretariat, who see
// its cases. Mounted at /api/console.
import { Hono, type Context } from 'hono';
import { validator } from './validator';
import { buildCaseRegister, caseRegisterQuery, casesByStage, filterCaseRegister, type CaseRegisterQuery } from '../../shared/cases/case-register';
import { dateIn } from '../../shared/console/register';
import { loadCaseRegister } from '../commands/cases/case-register';
import { visibleMeetings } from '../commands/console/register';
import { caseRegisterCsv, caseRegisterXlsx, presentCaseRegister } from '../presenters/console/case-register';
import type { Services } from '../services';
import { doc } from './route-doc';
import { invalidBody } from './http';
import { requireConsoleUser, type ConsoleEnv } from './console-access';
import { REGISTER_TIME_ZONE } from './console-register';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function consoleCaseRegisterRoutes(services: Services) {
  const signedIn = requireConsoleUser(services);
  const query = validator('query', caseRegisterQuery, invalidBody('invalid_query'));

  async function register(c: Context<ConsoleEnv>, q: CaseRegisterQuery) {
    const today = q.today ?? dateIn(services.now(), REGISTER_TIME_ZONE);
    const { meetings, changes } = await loadCaseRegister(services, await visibleMeetings(services, c.get('user'), q.series));
    const all = buildCaseRegister(meetings, changes, today);
    return { today, all, rows: filterCaseRegister(all, q) };
  }
  const fileName = (today: string, ext: string) => `case-register-${today}.${ext}`;

  return new Hono<ConsoleEnv>()
    .get('/cases/register', doc({ summary: 'The case register over the meetings the user manages', tag: 'Console: registers' }), signedIn, query, async (c) => {
      const { today, rows } = await register(c, c.req.valid('query'));
      return c.json(presentCaseRegister(rows, today), 200);
    })
    .get('/cases/register.csv', doc({ summary: 'The case register as CSV', tag: 'Console: registers', answers: 'text/csv' }), signedIn, query, async (c) => {
      const q = c.req.valid('query');
      const { today, rows } = await register(c, q);
      c.header('content-disposition', `attachment; filename="${fileName(today, 'csv')}"`);
      return c.body(caseRegisterCsv(rows, q.lang ?? 'en'), 200, { 'content-type': 'text/csv; charset=utf-8' });
    })
    .get(
      '/cases/register.xlsx',
      doc({ summary: 'The case register as XLSX', tag: 'Console: registers', answers: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
      signedIn,
      query,
      async (c) => {
        const q = c.req.valid('query');
        const { today, rows } = await register(c, q);
        c.header('content-disposition', `attachment; filename="${fileName(today, 'xlsx')}"`);
        return c.body(await caseRegisterXlsx(rows, q.lang ?? 'en'), 200, { 'content-type': XLSX_TYPE });
      },
    )
    .get('/cases/stages', doc({ summary: 'The open cases by stage', tag: 'Console: registers' }), signedIn, query, async (c) => {
      const { today, all } = await register(c, { ...c.req.valid('query'), all: 'false' });
      return c.json({ today, stages: casesByStage(filterCaseRegister(all, { all: 'false' })) }, 200);
    });
}
