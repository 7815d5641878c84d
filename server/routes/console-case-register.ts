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
import { registerDownload, registerMediaType } from './register-download';
import { invalidBody } from './http';
import { requireConsoleUser, type ConsoleEnv } from './console-access';
import { REGISTER_TIME_ZONE } from './console-register';

export function consoleCaseRegisterRoutes(services: Services) {
  const signedIn = requireConsoleUser(services);
  const query = validator('query', caseRegisterQuery, invalidBody('invalid_query'));

  async function register(c: Context<ConsoleEnv>, q: CaseRegisterQuery) {
    const today = q.today ?? dateIn(services.now(), REGISTER_TIME_ZONE);
    const { meetings, changes } = await loadCaseRegister(services, await visibleMeetings(services, c.get('user'), q.series));
    const all = buildCaseRegister(meetings, changes, today);
    return { today, all, rows: filterCaseRegister(all, q) };
  }

  return new Hono<ConsoleEnv>()
    .get('/cases/register', doc({ summary: 'The case register over the meetings the user manages', tag: 'Console: registers' }), signedIn, query, async (c) => {
      const { today, rows } = await register(c, c.req.valid('query'));
      return c.json(presentCaseRegister(rows, today), 200);
    })
    .get(
      '/cases/register.csv',
      doc({ summary: 'The case register as CSV', tag: 'Console: registers', answers: registerMediaType('csv') }),
      signedIn,
      query,
      async (c) => {
        const q = c.req.valid('query');
        const { today, rows } = await register(c, q);
        return registerDownload(c, 'case-register', today, 'csv', caseRegisterCsv(rows, q.lang ?? 'en'));
      },
    )
    .get(
      '/cases/register.xlsx',
      doc({ summary: 'The case register as XLSX', tag: 'Console: registers', answers: registerMediaType('xlsx') }),
      signedIn,
      query,
      async (c) => {
        const q = c.req.valid('query');
        const { today, rows } = await register(c, q);
        return registerDownload(c, 'case-register', today, 'xlsx', await caseRegisterXlsx(rows, q.lang ?? 'en'));
      },
    )
    .get('/cases/stages', doc({ summary: 'The open cases by stage', tag: 'Console: registers' }), signedIn, query, async (c) => {
      const { today, all } = await register(c, { ...c.req.valid('query'), all: 'false' });
      return c.json({ today, stages: casesByStage(filterCaseRegister(all, { all: 'false' })) }, 200);
    });
}
