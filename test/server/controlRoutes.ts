// /_control/…: the ServerControl operations over HTTP (unauthenticated JSON), for tests that
// drive the server from another process.
import { faultProblem } from './faults';
import type { Fault } from './faults';
import type { Reply } from './httpIo';
import { detail, json } from './httpIo';
import { isObject } from './pydanticChecks';
import { SCENARIO_NAMES, isScenarioName } from './scenarios';
import type { SeedOptions } from './seed';
import type { ServerControl } from './serverControl';

const MODES = ['v1', 'v0', 'both'] as const;

type ControlHandler = (control: ServerControl, body: Record<string, unknown>) => Reply;

function idOp(op: (control: ServerControl, id: string) => boolean): ControlHandler {
  return (control, body) => {
    if (typeof body.id !== 'string') return detail(400, 'body needs {"id": "<conversation or start task id>"}');
    return op(control, body.id) ? json(200, { ok: true }) : detail(404, `No such conversation (or not started yet): ${body.id}`);
  };
}

const HANDLERS: Record<string, ControlHandler> = {
  'POST /_control/reset': (control) => (control.reset(), json(200, { ok: true })),
  'POST /_control/mode': (control, body) => {
    const mode = MODES.find((m) => m === body.mode);
    if (!mode) return detail(400, `mode must be one of ${MODES.join(', ')}`);
    control.setMode(mode);
    return json(200, { ok: true, mode });
  },
  'POST /_control/scenario': (control, body) => {
    if (!isScenarioName(body.name)) return detail(400, `name must be one of ${SCENARIO_NAMES.join(', ')}`);
    control.setScenario(body.name);
    return json(200, { ok: true, scenario: body.name });
  },
  'POST /_control/advance': (control, body) => {
    if (typeof body.ms !== 'number' || !(body.ms >= 0)) return detail(400, 'body needs {"ms": <number >= 0>}');
    return json(200, { now: control.advance(body.ms) });
  },
  'GET /_control/now': (control) => json(200, { now: control.now() }),
  'POST /_control/faults': (control, body) => {
    const problem = faultProblem(body);
    if (problem) return detail(400, problem);
    control.addFault(body as unknown as Fault);
    return json(200, { ok: true });
  },
  'DELETE /_control/faults': (control) => (control.clearFaults(), json(200, { ok: true })),
  'GET /_control/requests': (control) => json(200, control.requests()),
  'DELETE /_control/requests': (control) => (control.clearRequests(), json(200, { ok: true })),
  'GET /_control/conversations': (control) => json(200, control.conversations()),
  'POST /_control/seed': (control, body) => {
    if (typeof body.count !== 'number' || !Number.isInteger(body.count) || body.count < 0) return detail(400, 'body needs {"count": <integer >= 0>}');
    const options: SeedOptions = {
      ...(typeof body.newestAt === 'number' ? { newestAt: body.newestAt } : {}),
      ...(typeof body.spacingMs === 'number' ? { spacingMs: body.spacingMs } : {}),
      ...(typeof body.repository === 'string' ? { repository: body.repository } : {}),
    };
    return json(200, { ids: control.seedConversations(body.count, options) });
  },
  'POST /_control/delete': idOp((control, id) => control.deleteConversation(id)),
  'POST /_control/pause': idOp((control, id) => control.pauseConversation(id)),
  'POST /_control/archive': idOp((control, id) => control.archiveConversation(id)),
};

export function handleControl(control: ServerControl, method: string, path: string, rawBody: string): Reply {
  const handler = HANDLERS[`${method} ${path}`];
  if (!handler) return detail(404, `Unknown control route ${method} ${path}`);
  let body: unknown = {};
  if (rawBody.trim() !== '') {
    try {
      body = JSON.parse(rawBody);
    } catch {
      return detail(400, 'control bodies must be JSON');
    }
  }
  return handler(control, isObject(body) ? body : {});
}
