// The request bodies the server accepts, checked like the real FastAPI models
// (openhands-cloud.json / V0_openapi.json) and normalised the way pydantic dumps them back.
import { dashedUuid, normalizeUuid } from './ids';
import type { Loc } from './pydanticChecks';
import {
  Issues, bodyObject, checkBool, checkEnum, checkIntList, checkList, checkLiteral, checkModel, checkNoExtra, checkString, checkUuid, isObject,
} from './pydanticChecks';

export const V1_PROVIDERS = ['github', 'gitlab', 'bitbucket', 'bitbucket_data_center', 'forgejo', 'azure_devops', 'enterprise_sso'] as const;
export const V1_TRIGGERS = ['resolver', 'gui', 'suggested_task', 'openhands_api', 'slack', 'microagent_management', 'jira', 'jira_dc', 'linear', 'bitbucket', 'automation'] as const;
const ROLES = ['user', 'system', 'assistant', 'tool'] as const;

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: Issues };

const bool = (value: unknown): boolean => value === true || value === 1 || (typeof value === 'string' && ['true', 'yes', 'on', '1', 't', 'y'].includes(value.toLowerCase()));

/** `[TextContent | ImageContent]`; pydantic names the union member in the error location. */
function checkContent(issues: Issues, value: unknown, loc: Loc): Record<string, unknown>[] {
  if (!checkList(issues, value, loc, false)) return [];
  return value.map((item, i) => {
    const at = [...loc, i];
    if (!isObject(item)) {
      checkModel(issues, item, [...at, 'TextContent'], 'TextContent');
      checkModel(issues, item, [...at, 'ImageContent'], 'ImageContent');
      return {};
    }
    const cache = item.cache_prompt === undefined ? false : item.cache_prompt;
    if (item.type === 'image' || (item.type === undefined && 'image_urls' in item && !('text' in item))) {
      const urls = item.image_urls;
      if (urls === undefined) issues.add('missing', [...at, 'ImageContent', 'image_urls'], 'Field required', item);
      else if (checkList(issues, urls, [...at, 'ImageContent', 'image_urls'], false)) urls.forEach((u, j) => checkString(issues, u, [...at, 'ImageContent', 'image_urls', j], false));
      checkBool(issues, cache, [...at, 'ImageContent', 'cache_prompt'], false);
      return { cache_prompt: bool(cache), type: 'image', image_urls: urls };
    }
    const prefix = [...at, 'TextContent'];
    if (item.type !== undefined) checkLiteral(issues, item.type, [...prefix, 'type'], 'text');
    if (item.text === undefined) issues.add('missing', [...prefix, 'text'], 'Field required', item);
    else checkString(issues, item.text, [...prefix, 'text'], false);
    checkBool(issues, cache, [...prefix, 'cache_prompt'], false);
    checkNoExtra(issues, item, prefix, ['cache_prompt', 'type', 'text']);
    return { cache_prompt: bool(cache), type: 'text', text: item.text };
  });
}

export function textOf(content: readonly Record<string, unknown>[]): string {
  return content.flatMap((c) => (typeof c.text === 'string' ? [c.text] : [])).join('\n');
}

const STRING_FIELDS = ['sandbox_id', 'system_message_suffix', 'llm_model', 'agent_profile_id', 'selected_repository', 'selected_branch', 'title', 'observability_span_name'] as const;

/** AppConversationStartRequest → the echo served in `AppConversationStartTask.request`. */
export function checkStartRequest(raw: string, parsed: unknown): Checked<Record<string, unknown>> {
  const issues = new Issues();
  const body = bodyObject(issues, raw, parsed);
  if (!body) return { ok: false, issues };
  const echo: Record<string, unknown> = {};
  for (const field of STRING_FIELDS) {
    echo[field] = body[field] ?? null;
    if (body[field] !== undefined) checkString(issues, body[field], ['body', field]);
  }
  echo.initial_message = null;
  const message = body.initial_message;
  if (message !== undefined && checkModel(issues, message, ['body', 'initial_message'], 'SendMessageRequest')) {
    const role = message.role ?? 'user';
    checkEnum(issues, role, ['body', 'initial_message', 'role'], ROLES, false);
    const content = message.content === undefined ? [] : checkContent(issues, message.content, ['body', 'initial_message', 'content']);
    const run = message.run ?? false;
    checkBool(issues, run, ['body', 'initial_message', 'run'], false);
    echo.initial_message = { role, content, run: bool(run) };
  }
  for (const field of ['conversation_id', 'parent_conversation_id'] as const) {
    const value = body[field] ?? null;
    // pydantic dumps a UUID in its dashed form, whichever form came in.
    echo[field] = value !== null && checkUuid(issues, value, ['body', field]) ? dashedUuid(normalizeUuid(value as string) as string) : null;
  }
  echo.git_provider = body.git_provider ?? null;
  if (body.git_provider !== undefined) checkEnum(issues, body.git_provider, ['body', 'git_provider'], V1_PROVIDERS);
  echo.trigger = body.trigger ?? null;
  if (body.trigger !== undefined) checkEnum(issues, body.trigger, ['body', 'trigger'], V1_TRIGGERS);
  echo.agent_type = body.agent_type ?? 'default';
  checkEnum(issues, echo.agent_type, ['body', 'agent_type'], ['default', 'plan'], false);
  echo.public = body.public === undefined || body.public === null ? null : bool(body.public);
  if (body.public !== undefined) checkBool(issues, body.public, ['body', 'public']);
  echo.pr_number = body.pr_number ?? [];
  if (body.pr_number !== undefined) checkIntList(issues, body.pr_number, ['body', 'pr_number']);
  // Accepted but not modelled: echoed as null (secrets would be masked anyway).
  for (const field of ['processors', 'suggested_task', 'plugins', 'observability_metadata', 'observability_tags']) echo[field] = null;
  echo.secrets = isObject(body.secrets) ? Object.fromEntries(Object.keys(body.secrets).map((k) => [k, '**********'])) : null;
  return issues.ok ? { ok: true, value: echo } : { ok: false, issues };
}

/** AppSendMessageRequest: role 'user' only, at least one content item. */
export function checkSendMessage(raw: string, parsed: unknown): Checked<{ text: string }> {
  const issues = new Issues();
  const body = bodyObject(issues, raw, parsed);
  if (!body) return { ok: false, issues };
  if (body.role !== undefined) checkLiteral(issues, body.role, ['body', 'role'], 'user');
  let content: Record<string, unknown>[] = [];
  if (body.content === undefined) issues.add('missing', ['body', 'content'], 'Field required', body);
  else content = checkContent(issues, body.content, ['body', 'content']);
  if (Array.isArray(body.content) && body.content.length === 0) {
    issues.add('too_short', ['body', 'content'], 'List should have at least 1 item after validation, not 0', [], { field_type: 'List', min_length: 1, actual_length: 0 });
  }
  if (body.run !== undefined) checkBool(issues, body.run, ['body', 'run'], false);
  return issues.ok ? { ok: true, value: { text: textOf(content) } } : { ok: false, issues };
}

/** AppConversationUpdateRequest: only the given fields change. */
export function checkUpdate(raw: string, parsed: unknown): Checked<Record<string, unknown>> {
  const issues = new Issues();
  const body = bodyObject(issues, raw, parsed);
  if (!body) return { ok: false, issues };
  for (const field of ['title', 'selected_repository', 'selected_branch'] as const) {
    if (body[field] !== undefined) checkString(issues, body[field], ['body', field]);
  }
  if (body.public !== undefined) checkBool(issues, body.public, ['body', 'public']);
  if (body.git_provider !== undefined) checkEnum(issues, body.git_provider, ['body', 'git_provider'], V1_PROVIDERS);
  const value = { ...body, ...(body.public !== undefined && body.public !== null ? { public: bool(body.public) } : {}) };
  return issues.ok ? { ok: true, value } : { ok: false, issues };
}
