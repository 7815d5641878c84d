// The action register (JSON, CSV, XLSX) and the secretariat's dashboard, over every
// meeting the user may see. Mounted at /api/console.
import { Hono, type Context } from 'hono';
import { validator } from './validator';
import { buildDashboard, buildRegister, dateIn, filterRegister, registerQuery, type RegisterQuery } from '../../shared/console/register';
import { loadRegister, visibleMeetings } from '../commands/console/register';
import { presentRegister, registerCsv, registerXlsx } from '../presenters/console/register';
import type { Services } from '../services';
import { doc } from './route-doc';
import { registerDownload, registerMediaType } from './register-download';
import { invalidBody } from './http';
import { requireConsoleUser, type ConsoleEnv } from './console-access';

/** Where "today" is reckoned when the console does not say: the meetings' own time zone. */
export const REGISTER_TIME_ZONE = 'Asia/Bangkok';

export function consoleRegisterRoutes(services: Services) {
  const signedIn = requireConsoleUser(services);
  const query = validator('query', registerQuery, invalidBody('invalid_query'));

  async function register(c: Context<ConsoleEnv>, q: RegisterQuery) {
    const today = q.today ?? dateIn(services.now(), REGISTER_TIME_ZONE);
    const { meetings, changes } = await loadRegister(services, await visibleMeetings(services, c.get('user'), q.series));
    return { today, rows: filterRegister(buildRegister(meetings, changes, today), q) };
  }

  return new Hono<ConsoleEnv>()
    .get('/register', doc({ summary: 'The action register over the meetings the user manages', tag: 'Console: registers' }), signedIn, query, async (c) => {
      const { today, rows } = await register(c, c.req.valid('query'));
      return c.json(presentRegister(rows, today), 200);
    })
    .get(
      '/register.csv',
      doc({ summary: 'The action register as CSV', tag: 'Console: registers', answers: registerMediaType('csv') }),
      signedIn,
      query,
      async (c) => {
        const q = c.req.valid('query');
        const { today, rows } = await register(c, q);
        return registerDownload(c, 'action-register', today, 'csv', registerCsv(rows, q.lang ?? 'en'));
      },
    )
    .get(
      '/register.xlsx',
      doc({ summary: 'The action register as XLSX', tag: 'Console: registers', answers: registerMediaType('xlsx') }),
      signedIn,
      query,
      async (c) => {
        const q = c.req.valid('query');
        const { today, rows } = await register(c, q);
        return registerDownload(c, 'action-register', today, 'xlsx', await registerXlsx(rows, q.lang ?? 'en'));
      },
    )
    .get('/dashboard', doc({ summary: 'The secretariat’s dashboard', tag: 'Console: registers' }), signedIn, query, async (c) => {
      const q = c.req.valid('query');
      const today = q.today ?? dateIn(services.now(), REGISTER_TIME_ZONE);
      const visible = await visibleMeetings(services, c.get('user'), q.series);
      const { meetings, changes } = await loadRegister(services, visible);
      const dashboard = buildDashboard(
        visible.map((v) => v.record),
        buildRegister(meetings, changes, today),
      );
      return c.json({ today, ...dashboard }, 200);
    });
}
