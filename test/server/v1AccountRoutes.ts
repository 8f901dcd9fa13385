// V1 sandbox pause/resume (contract §2.12) and the account documents (§2.14).
import { currentKey, userInfo, webClientConfig } from './account';
import type { Reply } from './httpIo';
import { detail, json } from './httpIo';
import { pauseSandbox, resumeSandbox } from './lifecycle';
import type { RequestContext, Route } from './router';
import { route } from './router';
import type { SimConversation } from './simConversation';

/** A sandbox exists once its conversation is READY and until it is archived or deleted. */
function sandbox(ctx: RequestContext): SimConversation | undefined {
  const c = ctx.state.store.bySandboxId(ctx.params.id);
  return c && c.readyAt !== null && c.sandboxStatus !== 'MISSING' ? c : undefined;
}

function pause(ctx: RequestContext): Reply {
  const c = sandbox(ctx);
  if (!c) return detail(404, 'Sandbox not found');
  pauseSandbox(c, ctx.now);
  return json(200, { success: true });
}

function resume(ctx: RequestContext): Reply {
  const c = sandbox(ctx);
  if (!c) return detail(404, 'Sandbox not found');
  resumeSandbox(c, ctx.now);
  ctx.state.store.touch(c);
  return json(200, { success: true });
}

export const v1AccountRoutes: readonly Route[] = [
  route('POST', '/api/v1/sandboxes/:id/pause', pause),
  route('POST', '/api/v1/sandboxes/:id/resume', resume),
  route('GET', '/api/v1/users/me', () => json(200, userInfo())),
];

/** Served whatever the mode: the cloud's key check is not part of either API generation. */
export const keyRoutes: readonly Route[] = [route('GET', '/api/keys/current', (ctx) => json(200, currentKey(ctx.keyIndex)))];

/** Unauthenticated (contract §2.14: the base-URL probe). */
export const publicV1Routes: readonly Route[] = [route('GET', '/api/v1/web-client/config', (ctx) => json(200, webClientConfig(ctx.now)))];
